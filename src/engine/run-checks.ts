import type { Check, FindingInput } from '../checks/api.js';
import type { Project } from '../facts/project.js';
import type { Finding } from '../model/finding.js';
import type { CheckRun } from '../model/report.js';
import { RUNTIME_STAGES } from '../model/stage.js';
import type { CheckSettings } from './check-settings.js';
import { type TreeMemo, watchReads } from './tree-memo.js';

export interface RawFinding {
  check: Check;
  input: FindingInput;
}

export interface ChecksOutcome {
  raw: RawFinding[];
  runs: CheckRun[];
}

/** What a check that read only the tree concluded, as the memo keeps it. */
interface CheckResult {
  /** The reason it did not apply, or what it reported. */
  notApplicable?: true;
  inputs?: FindingInput[];
}

/**
 * Runs each enabled check; a check that throws is `errored` and the audit goes on. With a memo, a
 * check that read neither the evidence nor earlier findings last time on this same tree is not run
 * again: what it reported then is reported now (`reused` on its run).
 */
export function runChecks(project: Project, checks: readonly Check[], settings: Map<string, CheckSettings>, isStatic: boolean, priorFindings: readonly Finding[] = [], memo?: TreeMemo): ChecksOutcome {
  const raw: RawFinding[] = [];
  const runs: CheckRun[] = [];
  for (const check of checks) {
    const { id, stage } = check.meta;
    const setting = settings.get(id);
    const run: CheckRun = { id, stage, status: 'passed', findings: 0, description: check.meta.description, severity: setting?.severity ?? check.meta.severity, category: check.meta.category };
    if (check.meta.experimental) run.experimental = true;
    runs.push(run);
    if (setting && !setting.enabled) {
      Object.assign(run, { status: 'skipped', reason: 'turned off in config' });
      continue;
    }
    if (isStatic && RUNTIME_STAGES.includes(stage)) {
      Object.assign(run, { status: 'skipped', reason: '--static: the app was not executed' });
      continue;
    }
    try {
      const options = setting?.options ?? {};
      const started = performance.now();
      const recalled = memo?.recall(`check:${id}`, options);
      const result = recalled ? (recalled.value as CheckResult) : runOnce(check, project, priorFindings, options, memo);
      if (recalled) run.reused = true;
      if (result.notApplicable) {
        Object.assign(run, { status: 'skipped', reason: `does not apply: needs ${check.meta.appliesWhen ?? 'something this project lacks'}` });
        continue;
      }
      const inputs = result.inputs ?? [];
      run.durationMs = Math.round((performance.now() - started) * 10) / 10;
      for (const input of inputs) raw.push({ check, input });
      run.findings = inputs.length;
      run.status = inputs.length > 0 ? 'failed' : 'passed';
    } catch (error) {
      Object.assign(run, { status: 'errored', reason: describeError(error) });
    }
  }
  return { raw, runs };
}

/** Runs one check; remembers its result when it read nothing but the tree (and its options). */
function runOnce(check: Check, project: Project, priorFindings: readonly Finding[], options: Record<string, unknown>, memo: TreeMemo | undefined): CheckResult {
  const watch = memo ? watchReads(project, priorFindings) : undefined;
  let result: CheckResult;
  if (check.appliesTo && !check.appliesTo(project)) result = { notApplicable: true };
  else {
    const inputs: FindingInput[] = [];
    check.run({ project, findings: watch?.findings ?? priorFindings, options, report: (input) => inputs.push(input) });
    result = { inputs };
  }
  if (memo && watch?.readTreeOnly()) memo.remember(`check:${check.meta.id}`, options, result);
  return result;
}

function describeError(error: unknown): string {
  if (error instanceof Error) {
    const frame = error.stack?.split('\n').find((line) => line.includes('/src/') || line.includes('/dist/'))?.trim();
    return `${error.name}: ${error.message}${frame ? ` (${frame})` : ''}`;
  }
  return String(error);
}
