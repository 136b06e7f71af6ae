import { defineCheck } from '../../api.js';
import { goalsOf } from '../goal-findings.js';

const CONSEQUENCE = {
  file: 'no goal in it can be judged',
  entry: 'this entry is left out of the goal tracking',
  field: 'this entry is judged without the invalid field',
} as const;

export const requireValidTracker = defineCheck({
  meta: {
    id: 'goals/require-valid-tracker',
    stage: 'goals',
    description: 'Require the goal tracker to be valid JSON that matches its schema',
    severity: 'moderate',
    category: 'configuration',
    appliesWhen: 'a goal tracker (goal_tracker.json or goals.path)',
  },
  appliesTo: (project) => goalsOf(project) !== undefined,
  run({ project, report }) {
    const goals = goalsOf(project);
    if (!goals) return;
    const { tracker } = goals;
    for (const problem of tracker.problems) {
      const unreadable = problem.effect === 'file';
      report({
        message: `${tracker.file}: ${problem.message}, so ${CONSEQUENCE[problem.effect]}.`,
        remediation: unreadable
          ? `Make ${tracker.file} a JSON array of {"module", "path", "goal", "status"} entries (schemas/goal-tracker.schema.json), or regenerate it with liveready goals init --force.`
          : 'Fix the entry to match schemas/goal-tracker.schema.json: module and goal are strings, status is one of validated, failing, untested, unknown, and module names are unique.',
        location: { file: tracker.file, line: problem.line, ...(problem.column === undefined ? {} : { column: problem.column }) },
        ...(problem.lineText === undefined ? {} : { evidence: problem.lineText }),
        fingerprintContent: `${problem.message}`,
      });
    }
  },
});
