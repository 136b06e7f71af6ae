import type { LogErrorGroup } from '../../facts/evidence/logs.js';
import type { Finding } from '../../model/finding.js';

/** Lines apart that still count as "the same place" (a finding on the `def`, the error two lines down). */
const NEARBY_LINES = 3;

/**
 * The static finding that predicted this error: one on the same file as a project frame of its
 * trace, at a nearby line or on the very line of code the trace printed. Innermost frames first.
 */
export function findPredictingFinding(group: LogErrorGroup, findings: readonly Finding[]): Finding | undefined {
  const candidates = findings.filter((finding) => finding.stage !== 'logs' && finding.stage !== 'goals');
  if (candidates.length === 0) return undefined;
  for (const frame of group.projectFrames) {
    const code = frame.code?.trim();
    const distance = (finding: Finding): number => (code !== undefined && code.length > 3 && finding.evidence?.trim() === code ? 0 : Math.abs(finding.location.line - frame.line));
    const matches = candidates.filter((finding) => finding.location.file === frame.file && distance(finding) <= NEARBY_LINES);
    // The closest one: a finding on the very line beats one three lines up.
    if (matches.length > 0) return matches.reduce((best, finding) => (distance(finding) < distance(best) ? finding : best));
  }
  return undefined;
}
