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
