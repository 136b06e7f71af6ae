import type { GoalsEvidence, MeasuredGoal } from '../facts/evidence/goals.js';
import type { UnmetGoal } from '../verdict/compute-verdict.js';

export const MET_GOALS_CHECK = 'goals/require-met-goals';

/** Goals that name a core module and are not measured `validated`: each one keeps LIVE_READY false. */
export function unmetCoreGoals(evidence: GoalsEvidence): MeasuredGoal[] {
  return evidence.goals.filter((goal) => goal.isCore && goal.measured !== 'validated');
}

/** The verdict's view of the unmet goals, in tracker order. */
export function unmetGoalsForVerdict(evidence: GoalsEvidence): UnmetGoal[] {
  return unmetCoreGoals(evidence).map((goal) => ({
    module: goal.entry.module,
    path: goal.label,
    measured: goal.measured,
    checkId: MET_GOALS_CHECK,
    summary: `${goal.entry.module} (${goal.label}) is ${goal.measured}: ${goal.evidence[0] ?? 'no evidence'}`,
  }));
}

/** "3 goals: 1 validated, 2 failing": the measured statuses, for the goals stage's summary line. */
export function describeGoalCounts(evidence: GoalsEvidence): string {
  const counts = new Map<string, number>();
  for (const goal of evidence.goals) counts.set(goal.measured, (counts.get(goal.measured) ?? 0) + 1);
  const parts = ['validated', 'failing', 'untested', 'unknown'].filter((status) => counts.has(status)).map((status) => `${counts.get(status)} ${status}`);
  const total = evidence.goals.length;
  return `${total} goal${total === 1 ? '' : 's'}${parts.length > 0 ? `: ${parts.join(', ')}` : ''}`;
}
