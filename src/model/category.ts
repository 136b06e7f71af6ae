/**
 * The columns of the priority matrix: what kind of harm a finding describes.
 * Severity says how bad; category says where the work lies.
 */
export const CATEGORIES = [
  'security',
  'configuration',
  'reliability',
  'portability',
  'correctness',
  'dependencies',
  'operations',
  'maintainability',
] as const;
export type Category = (typeof CATEGORIES)[number];
