import type { FindingInput } from '../api.js';
import type { LogErrorGroup, LogWindow } from '../../facts/evidence/logs.js';
import { findPredictingFinding } from '../../logs/group/link-findings.js';
import type { Finding } from '../../model/finding.js';
import type { Location } from '../../model/location.js';
import { formatLocation } from '../../model/location.js';

/**
 * How the logs checks place and word a log error group. A group points at the project frame that
 * raised it when the trace has one (so it is suppressed and fingerprinted like any finding in that
 * file), else at the log line of its latest occurrence.
 */
export function groupLocation(group: LogErrorGroup): Location {
  return group.frame ? { file: group.frame.file, line: group.frame.line } : { file: group.example.file, line: group.example.line };
}

/** The frame's code line as the trace printed it, or the log line itself. */
export function groupEvidence(group: LogErrorGroup): string | undefined {
  if (group.frame) return group.frame.code;
  return group.example.text[0];
}

/** `in the last 24 h of the logs (to 2024-03-05 10:00 UTC)` or `in the last 5 runs`, for these groups. */
export function windowPhrase(groups: readonly LogErrorGroup[], window: LogWindow): string {
  const isTimed = groups.some((group) => group.lastSeen !== undefined);
  if (isTimed && window.to) return `in the last ${window.hours} h of the logs (to ${window.to.slice(0, 16).replace('T', ' ')} UTC)`;
  return `in the recent logs (they have no timestamps: the last ${window.recentRuns} run${window.recentRuns === 1 ? '' : 's'} count)`;
}

export function times(count: number): string {
  return count === 1 ? 'once' : `${count} times`;
}

/** The static finding that predicted the error, as a sentence and a related location. */
export function predictedBy(group: LogErrorGroup, findings: readonly Finding[]): { sentence: string; fix: string; related: Location[] } {
  const finding = findPredictingFinding(group, findings);
  if (!finding) return { sentence: '', fix: '', related: [] };
  const where = formatLocation(finding.location);
  return {
    sentence: ` The static finding ${finding.checkId} at ${where} predicted it.`,
    fix: ` Start with ${finding.checkId} at ${where}: ${finding.remediation}`,
    related: [{ file: finding.location.file, line: finding.location.line }],
  };
}

/**
 * A finding about one error group: placed at its frame (or log line), fingerprinted by its
 * signature, linked to the static finding that predicted it. `compose` writes the words.
 */
export function groupFinding(group: LogErrorGroup, findings: readonly Finding[], compose: (predicted: { sentence: string; fix: string }) => { message: string; remediation: string }): FindingInput {
  const predicted = predictedBy(group, findings);
  const input: FindingInput = { ...compose(predicted), location: groupLocation(group), fingerprintContent: group.signature, related: predicted.related };
  const evidenceLine = groupEvidence(group);
  if (evidenceLine !== undefined) input.evidence = evidenceLine;
  return input;
}
