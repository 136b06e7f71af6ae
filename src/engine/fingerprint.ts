import { createHash } from 'node:crypto';

/**
 * A finding's identity for baselines: check, file, the flagged content (whitespace-folded) and its
 * occurrence among identical content in that file. No line number, so edits above it do not change it.
 */
export function computeFingerprint(checkId: string, file: string, content: string, occurrence: number): string {
  const normalized = content.replace(/\s+/g, ' ').trim();
  return createHash('sha256').update(`${checkId}\u0000${file}\u0000${normalized}\u0000${occurrence}`).digest('hex').slice(0, 20);
}
