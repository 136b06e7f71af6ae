import { projectSecrets } from '../facts/evidence/redact-change.js';
import type { Project } from '../facts/project.js';
import type { Finding } from '../model/finding.js';
import { redact } from '../util/redact.js';
import type { CheckSettings } from './check-settings.js';
import { computeFingerprint } from './fingerprint.js';
import type { RawFinding } from './run-checks.js';

/**
 * Turns what checks reported into findings: stage and severity from the check (config may
 * override), evidence from the file's facts, secrets redacted everywhere (those the check names and
 * the project's own secret values, which logs and app output can repeat anywhere), fingerprints that do not
 * depend on line numbers. Sorted by file and position.
 */
export function finalizeFindings(project: Project, raw: RawFinding[], settings: Map<string, CheckSettings>): Finding[] {
  const ordered = [...raw].sort((a, b) => compareLocations(a.input.location, b.input.location));
  const occurrences = new Map<string, number>();
  const ownSecrets = projectSecrets(project);
  return ordered.map(({ check, input }) => {
    const secrets = input.secrets ? [...input.secrets, ...ownSecrets] : ownSecrets;
    const location = { ...input.location, file: normalizePath(input.location.file) };
    const rawEvidence = input.evidence ?? project.facts(location.file)?.snippets[location.line];
    const evidence = rawEvidence === undefined ? undefined : redact(rawEvidence, secrets);
    const content = redact(input.fingerprintContent ?? rawEvidence ?? input.message, secrets);
    const key = `${check.meta.id}\u0000${location.file}\u0000${content.replace(/\s+/g, ' ').trim()}`;
    const occurrence = occurrences.get(key) ?? 0;
    occurrences.set(key, occurrence + 1);
    const finding: Finding = {
      checkId: check.meta.id,
      stage: check.meta.stage,
      severity: settings.get(check.meta.id)?.severity ?? input.severity ?? check.meta.severity,
      category: check.meta.category,
      message: redact(input.message, secrets),
      remediation: redact(input.remediation, secrets),
      location,
      fingerprint: computeFingerprint(check.meta.id, location.file, content, occurrence),
    };
    if (evidence !== undefined) finding.evidence = evidence;
    if (check.meta.experimental) finding.experimental = true;
    if (input.related && input.related.length > 0) finding.related = input.related;
    return finding;
  });
}

function compareLocations(a: { file: string; line: number; column?: number }, b: { file: string; line: number; column?: number }): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  if (a.line !== b.line) return a.line - b.line;
  return (a.column ?? 0) - (b.column ?? 0);
}

function normalizePath(path: string): string {
  return path.replace(/\\/g, '/').replace(/^\.\//, '');
}
