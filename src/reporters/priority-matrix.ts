import { CATEGORIES, type Category } from '../model/category.js';
import type { Finding } from '../model/finding.js';
import { SEVERITIES, type Severity, severityRank } from '../model/severity.js';

export interface PriorityMatrix {
  /** Only the categories that have findings, in the standard order. */
  categories: Category[];
  counts: Record<Severity, Partial<Record<Category, number>>>;
  totals: Record<Severity, number>;
}

/** What a severity means for the deploy, one line each (the "impact" column). */
export const SEVERITY_IMPACT: Record<Severity, string> = {
  critical: 'blocks the deploy: the app dies at start, cannot be reached, or leaks secrets',
  moderate: 'breaks or degrades in production under real conditions',
  low: 'hygiene: fix when you touch the code',
  info: 'for the record',
};

export function buildPriorityMatrix(findings: readonly Finding[]): PriorityMatrix {
  const counts = { critical: {}, moderate: {}, low: {}, info: {} } as PriorityMatrix['counts'];
  const totals = { critical: 0, moderate: 0, low: 0, info: 0 };
  const used = new Set<Category>();
  for (const finding of findings) {
    const row = counts[finding.severity];
    row[finding.category] = (row[finding.category] ?? 0) + 1;
    totals[finding.severity] += 1;
    used.add(finding.category);
  }
  return { categories: CATEGORIES.filter((category) => used.has(category)), counts, totals };
}

/** Findings, worst first; stable by location within a severity. */
export function sortBySeverity(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => severityRank(b.severity) - severityRank(a.severity) || Number(a.experimental ?? false) - Number(b.experimental ?? false));
}

export { SEVERITIES };
