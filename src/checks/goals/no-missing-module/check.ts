import { defineCheck } from '../../api.js';
import { READABLE_TRACKER, entryLocation, goalsOf, hasReadableTracker } from '../goal-findings.js';

export const noMissingModule = defineCheck({
  meta: {
    id: 'goals/no-missing-module',
    stage: 'goals',
    description: 'Disallow goal tracker entries that point at modules that do not exist',
    severity: 'moderate',
    category: 'maintainability',
    appliesWhen: READABLE_TRACKER,
  },
  appliesTo: hasReadableTracker,
  run({ project, report }) {
    const goals = goalsOf(project);
    if (!goals) return;
    for (const goal of goals.goals) {
      if (goal.measured !== 'unknown') continue;
      const wanted = goal.entry.path === undefined ? `its module name "${goal.entry.module}" (read as a path)` : `its path ${goal.entry.path}`;
      report({
        message: `${goal.entry.module} in ${goals.tracker.file} points at ${wanted}, which matches no file in the project, so its goal cannot be checked and its status stays unknown.`,
        remediation: `Fix the entry's "path" to the module's file or directory (repo-relative), or remove the entry if the module is gone.`,
        ...entryLocation(goals, goal),
        fingerprintContent: `missing ${goal.entry.module} ${goal.entry.path ?? ''}`,
      });
    }
  },
});
