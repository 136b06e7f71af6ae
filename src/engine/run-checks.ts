import type { Check, FindingInput } from '../checks/api.js';
import type { Project } from '../facts/project.js';
import type { Finding } from '../model/finding.js';
import type { CheckRun } from '../model/report.js';
import { RUNTIME_STAGES } from '../model/stage.js';
import type { CheckSettings } from './check-settings.js';

export interface RawFinding {
  check: Check;
  input: FindingInput;
}

export interface ChecksOutcome {
  raw: RawFinding[];
  runs: CheckRun[];
}

/** Runs each enabled check; a check that throws is `errored` and the audit goes on. */
export function runChecks(project: Project, checks: readonly Check[], settings: Map<string, CheckSettings>, isStatic: boolean, priorFindings: readonly Finding[] = []): ChecksOutcome {
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
      if (check.appliesTo && !check.appliesTo(project)) {
        Object.assign(run, { status: 'skipped', reason: `does not apply: needs ${check.meta.appliesWhen ?? 'something this project lacks'}` });
        continue;
      }
      const found: RawFinding[] = [];
      const started = performance.now();
      check.run({ project, findings: priorFindings, options: setting?.options ?? {}, report: (input) => found.push({ check, input }) });
      run.durationMs = Math.round((performance.now() - started) * 10) / 10;
      raw.push(...found);
      run.findings = found.length;
      run.status = found.length > 0 ? 'failed' : 'passed';
    } catch (error) {
      Object.assign(run, { status: 'errored', reason: describeError(error) });
    }
  }
  return { raw, runs };
}

function describeError(error: unknown): string {
  if (error instanceof Error) {
    const frame = error.stack?.split('\n').find((line) => line.includes('/src/') || line.includes('/dist/'))?.trim();
    return `${error.name}: ${error.message}${frame ? ` (${frame})` : ''}`;
  }
  return String(error);
}
