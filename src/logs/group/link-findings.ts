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
    const match = candidates.find(
      (finding) => finding.location.file === frame.file && (Math.abs(finding.location.line - frame.line) <= NEARBY_LINES || (code !== undefined && code.length > 3 && finding.evidence?.trim() === code)),
    );
    if (match) return match;
  }
  return undefined;
}
