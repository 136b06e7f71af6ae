import { defineCheck } from '../../api.js';
import { READABLE_TRACKER, describeGoal, entryLocation, evidenceClause, goalsOf, hasReadableTracker } from '../goal-findings.js';

export const noStatusMismatch = defineCheck({
  meta: {
    id: 'goals/no-status-mismatch',
    stage: 'goals',
    description: 'Disallow goal statuses declared validated that the evidence does not support',
    severity: 'moderate',
    category: 'correctness',
    appliesWhen: READABLE_TRACKER,
  },
  appliesTo: hasReadableTracker,
  run({ project, report }) {
    const goals = goalsOf(project);
    if (!goals) return;
    for (const goal of goals.goals) {
      if (goal.entry.declared !== 'validated' || (goal.measured !== 'failing' && goal.measured !== 'untested')) continue;
      report({
        message: `${goals.tracker.file} declares ${describeGoal(goal)} validated, but the evidence says ${goal.measured}: ${evidenceClause(goal)}, so the tracker claims more than was measured.`,
        remediation: goal.measured === 'failing' ? `Fix what fails in ${goal.entry.module}, or set its status to "failing" (liveready goals --update writes the measured statuses).` : `Exercise ${goal.entry.module} (a smoke request to its routes in simulate.smoke), or set its status to "untested" (liveready goals --update writes the measured statuses).`,
        ...entryLocation(goals, goal),
        fingerprintContent: `mismatch ${goal.entry.module} validated ${goal.measured}`,
      });
    }
  },
});
