import type { Finding } from '../model/finding.js';
import type { CheckRun, StageResult } from '../model/report.js';
import { RUNTIME_STAGES, STAGES, type StageId } from '../model/stage.js';

/** A stage implemented outside the check registry (the simulation, log ingestion) reports here. */
export interface StageOverride {
  status: StageResult['status'];
  summary: string;
}

/**
 * Each stage's status from its checks' runs and findings. A stage with nothing implemented, or
 * whose checks were all skipped, is `skipped` with the reason: never `passed`.
 */
export function summarizeStages(runs: CheckRun[], findings: Finding[], isStatic: boolean, overrides: Partial<Record<StageId, StageOverride>> = {}): StageResult[] {
  return STAGES.map((id) => {
    const override = overrides[id];
    if (override) return { id, ...override };
    const stageRuns = runs.filter((run) => run.stage === id);
    if (isStatic && RUNTIME_STAGES.includes(id)) return { id, status: 'skipped', summary: '--static: the app was not executed' };
    if (stageRuns.length === 0) return { id, status: 'skipped', summary: 'not implemented' };
    const active = stageRuns.filter((run) => run.status !== 'skipped');
    if (active.length === 0) {
      const reasons = [...new Set(stageRuns.map((run) => run.reason ?? 'skipped'))];
      return { id, status: 'skipped', summary: `no check applied (${reasons.join('; ')})` };
    }
    const stageFindings = findings.filter((finding) => finding.stage === id && !finding.experimental);
    const counts = countBySeverity(stageFindings);
    const errored = stageRuns.filter((run) => run.status === 'errored');
    const skippedCount = stageRuns.length - active.length;
    const ran = `${active.length} check${active.length === 1 ? '' : 's'} ran${skippedCount > 0 ? `, ${skippedCount} skipped` : ''}`;
    const erroredNote = errored.length > 0 ? `; ${errored.length} errored (${errored.map((run) => run.id).join(', ')})` : '';
    if (counts.critical + counts.moderate > 0) return { id, status: 'failed', summary: `${ran}: ${describeCounts(counts)}${erroredNote}` };
    if (errored.length > 0) return { id, status: 'errored', summary: `${ran}${erroredNote}` };
    return { id, status: 'passed', summary: `${ran}: ${stageFindings.length === 0 ? 'no findings' : describeCounts(counts)}` };
  });
}

function countBySeverity(findings: Finding[]): Record<Finding['severity'], number> {
  const counts = { critical: 0, moderate: 0, low: 0, info: 0 };
  for (const finding of findings) counts[finding.severity] += 1;
  return counts;
}

function describeCounts(counts: Record<Finding['severity'], number>): string {
  return (Object.entries(counts) as Array<[string, number]>)
    .filter(([, count]) => count > 0)
    .map(([severity, count]) => `${count} ${severity}`)
    .join(', ');
}
