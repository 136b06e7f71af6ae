import { defineCheck } from '../../api.js';
import { READABLE_TRACKER, goalsOf, hasReadableTracker } from '../goal-findings.js';

export const requireGoalForCoreModule = defineCheck({
  meta: {
    id: 'goals/require-goal-for-core-module',
    stage: 'goals',
    description: 'Require every core module to have a goal in the goal tracker',
    severity: 'moderate',
    category: 'maintainability',
    appliesWhen: READABLE_TRACKER,
  },
  appliesTo: hasReadableTracker,
  run({ project, report }) {
    const goals = goalsOf(project);
    if (!goals) return;
    const file = goals.tracker.file;
    for (const module of goals.uncovered) {
      const files = module.files.length === 1 ? module.files[0] : `${module.files.length} core files`;
      report({
        message: `Core module ${module.path} (${files}) has no entry in ${file}, so nothing says what it is for and its status is never tracked.`,
        remediation: `Add {"module": "...", "path": "${module.path}", "goal": "<what it is for>"} to ${file} (liveready goals init lists every core module).`,
        location: { file, line: 1 },
        fingerprintContent: `uncovered ${module.path}`,
      });
    }
    for (const goal of goals.goals) {
      if (!goal.isCore || goal.entry.goal.trim() !== '') continue;
      report({
        message: `${goal.entry.module} names core code (${goal.label}) but its goal is empty, so there is nothing to judge it against.`,
        remediation: `Write what ${goal.entry.module} is for in its "goal" (one sentence a reviewer can check).`,
        location: { file, line: goal.entry.line, column: goal.entry.column },
        evidence: goal.entry.lineText,
        severity: 'low',
        fingerprintContent: `empty goal ${goal.entry.module}`,
      });
    }
  },
});
