import picomatch from 'picomatch';
import type { IgnoreEntryConfig } from '../config/schema.js';
import type { Project } from '../facts/project.js';
import type { Finding, SuppressedFinding } from '../model/finding.js';
import type { CheckRun } from '../model/report.js';
import type { StageId } from '../model/stage.js';
import { computeFingerprint } from './fingerprint.js';

/** Engine-level ids for findings about the suppressions themselves (documented in the README). */
export const STALE_SUPPRESSION_ID = 'liveready/no-stale-suppression';
export const UNEXPLAINED_SUPPRESSION_ID = 'liveready/require-suppression-reason';

export interface SuppressionInput {
  project: Project;
  ignores: IgnoreEntryConfig[];
  /** Config file name (for notices about its entries). */
  configFile?: string;
  /** Where each ignore entry is written in the config file. */
  ignoreLine(index: number): number | undefined;
  /** Fingerprints from `--baseline`. */
  baseline?: ReadonlySet<string>;
  /** Today, as YYYY-MM-DD (ignores expire after this day). */
  today: string;
}

/**
 * Applies inline `liveready-ignore[...]` comments, config ignore entries and the baseline, phase
 * after phase, remembering what was used so that stale ignores can be reported at the end.
 */
export class Suppressor {
  private readonly active: Array<{ entry: IgnoreEntryConfig; index: number; matches: (finding: Finding) => boolean; used: boolean; expired: boolean }>;
  private readonly usedInline = new Set<string>();

  constructor(private readonly input: SuppressionInput) {
    this.active = input.ignores.map((entry, index) => ({ entry, index, matches: compileIgnore(entry), used: false, expired: entry.expires !== undefined && entry.expires < input.today }));
  }

  apply(findings: readonly Finding[]): { kept: Finding[]; suppressed: SuppressedFinding[] } {
    const kept: Finding[] = [];
    const suppressed: SuppressedFinding[] = [];
    for (const finding of findings) {
      const inline = inlineSuppressionFor(this.input.project, finding);
      if (inline) {
        this.usedInline.add(`${finding.location.file}:${inline.line}:${finding.checkId}`);
        suppressed.push(suppressedFrom(finding, 'inline', inline.reason));
        continue;
      }
      const ignore = this.active.find((candidate) => !candidate.expired && candidate.matches(finding));
      if (ignore) {
        ignore.used = true;
        suppressed.push(suppressedFrom(finding, 'config', ignore.entry.reason));
        continue;
      }
      if (this.input.baseline?.has(finding.fingerprint)) {
        suppressed.push(suppressedFrom(finding, 'baseline', 'in the baseline report'));
        continue;
      }
      kept.push(finding);
    }
    return { kept, suppressed };
  }

  /** Unused, expired, unknown and unexplained ignores, once every phase has run. Never suppressible. */
  notices(runs: readonly CheckRun[]): Finding[] {
    const stageOf = new Map(runs.map((run) => [run.id, run.stage]));
    const ranChecks = new Set(runs.filter((run) => run.status === 'passed' || run.status === 'failed').map((run) => run.id));
    const notices: Finding[] = [];
    const configFile = this.input.configFile ?? '.liveready.yaml';
    for (const { entry, index, used, expired } of this.active) {
      const line = this.input.ignoreLine(index) ?? 1;
      const stage: StageId = entry.check === '*' ? 'config' : (stageOf.get(entry.check) ?? 'config');
      if (expired) {
        notices.push(notice(STALE_SUPPRESSION_ID, stage, configFile, line, `ignore[${index}] for ${entry.check} expired on ${entry.expires}; the findings it silenced are reported again.`, 'Fix the findings, or renew the expiry with a reason that still holds.', `expired:${index}:${entry.check}`));
      } else if (!used && (entry.check === '*' || ranChecks.has(entry.check))) {
        notices.push(notice(STALE_SUPPRESSION_ID, stage, configFile, line, `ignore[${index}] for ${entry.check} matched no finding; it silences nothing and hides future ones.`, 'Remove the entry.', `unused:${index}:${entry.check}`));
      }
    }
    for (const facts of this.input.project.allFacts()) {
      for (const directive of facts.suppressions) {
        for (const checkId of directive.checkIds) {
          const stage = stageOf.get(checkId) ?? 'scan';
          const isUsed = this.usedInline.has(`${facts.path}:${directive.line}:${checkId}`);
          if (!stageOf.has(checkId)) {
            notices.push(notice(STALE_SUPPRESSION_ID, stage, facts.path, directive.line, `liveready-ignore names ${checkId}, which is not a liveready check, so it silences nothing.`, 'Correct the check id (see `liveready checks`) or remove the comment.', `unknown:${checkId}`));
          } else if (!isUsed && ranChecks.has(checkId)) {
            notices.push(notice(STALE_SUPPRESSION_ID, stage, facts.path, directive.line, `liveready-ignore[${checkId}] silences nothing on this line or the next.`, 'Remove the comment, or move it onto the flagged line or the line above it.', `unused-inline:${checkId}`));
          } else if (isUsed && directive.reason === '') {
            notices.push(notice(UNEXPLAINED_SUPPRESSION_ID, stage, facts.path, directive.line, `liveready-ignore[${checkId}] gives no reason, so nobody can tell later whether it still holds.`, 'Add the reason after the bracket: liveready-ignore[id] why this is acceptable.', `no-reason:${checkId}`));
          }
        }
      }
    }
    return notices;
  }
}

function inlineSuppressionFor(project: Project, finding: Finding): { line: number; reason: string } | undefined {
  const directives = project.facts(finding.location.file)?.suppressions ?? [];
  const line = finding.location.line;
  return directives.find((directive) => (directive.line === line || directive.line === line - 1) && directive.checkIds.includes(finding.checkId));
}

function compileIgnore(entry: IgnoreEntryConfig): (finding: Finding) => boolean {
  const matchesPath = entry.paths && entry.paths.length > 0 ? picomatch(entry.paths.flatMap(expandDirectoryPattern), { dot: true }) : () => true;
  return (finding) =>
    (entry.check === '*' || entry.check === finding.checkId) &&
    (entry.fingerprint === undefined || entry.fingerprint === finding.fingerprint) &&
    matchesPath(finding.location.file);
}

// A pattern also means everything below what it matches: `legacy`, `legacy/`, `**/fixtures`.
export function expandDirectoryPattern(pattern: string): string[] {
  const trimmed = pattern.replace(/^\.\//, '').replace(/\/$/, '');
  return trimmed.endsWith('**') ? [trimmed] : [trimmed, `${trimmed}/**`];
}

function suppressedFrom(finding: Finding, by: SuppressedFinding['by'], reason: string): SuppressedFinding {
  const entry: SuppressedFinding = { checkId: finding.checkId, fingerprint: finding.fingerprint, location: finding.location, severity: finding.severity, by };
  if (reason) entry.reason = reason;
  return entry;
}

function notice(checkId: string, stage: StageId, file: string, line: number, message: string, remediation: string, content: string): Finding {
  return {
    checkId,
    stage,
    severity: 'low',
    category: 'maintainability',
    message,
    remediation,
    location: { file, line },
    fingerprint: computeFingerprint(checkId, file, content, 0),
  };
}
