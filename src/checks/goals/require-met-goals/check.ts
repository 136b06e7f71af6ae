import { defineCheck } from '../../api.js';
import { unmetCoreGoals } from '../../../goals/unmet-goals.js';
import { READABLE_TRACKER, describeGoal, entryLocation, evidenceClause, goalsOf, hasReadableTracker } from '../goal-findings.js';

export const requireMetGoals = defineCheck({
  meta: {
    id: 'goals/require-met-goals',
    stage: 'goals',
    description: 'Require every goal that names a core module to be measured validated',
    severity: 'critical',
    category: 'reliability',
    appliesWhen: READABLE_TRACKER,
  },
  appliesTo: hasReadableTracker,
  run({ project, report }) {
    const goals = goalsOf(project);
    if (!goals) return;
    for (const goal of unmetCoreGoals(goals)) {
      const isFailing = goal.measured === 'failing';
      report({
        message: isFailing
          ? `${describeGoal(goal, true)} is not met: the module is failing (${evidenceClause(goal)}), so this part of the service does not do what it is for.`
          : `${describeGoal(goal, true)} is not met: nothing shows the module works (${evidenceClause(goal)}), so the service cannot be called live-ready.`,
        remediation: isFailing
          ? `Fix what fails in ${goal.label} (the findings and log errors named above), then re-run the audit.`
          : `Exercise ${goal.entry.module}: add a smoke request to one of its routes in simulate.smoke, or fix the findings in its files so its checks pass.`,
        severity: isFailing ? 'critical' : 'moderate',
        ...entryLocation(goals, goal),
        fingerprintContent: `unmet ${goal.entry.module} ${goal.measured}`,
      });
    }
  },
});
