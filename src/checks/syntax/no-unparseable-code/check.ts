import { defineCheck } from '../../api.js';
import { moduleGraph } from '../../../facts/module-graph/module-graph.js';

export const noUnparseableCode = defineCheck({
  meta: {
    id: 'syntax/no-unparseable-code',
    stage: 'scan',
    description: 'Disallow source files with unbalanced brackets or unterminated strings',
    severity: 'moderate',
    category: 'correctness',
  },
  run({ project, report }) {
    const loadedAtStart = moduleGraph(project).loadedAtStart;
    for (const facts of project.allFacts()) {
      const problems = facts.source?.syntaxProblems ?? [];
      const first = problems[0];
      if (!first || facts.kind === 'shell') continue;
      const isPython = facts.kind === 'python';
      const atStart = isPython && loadedAtStart.has(facts.path);
      const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : '';
      report({
        message: `${facts.path} does not parse: ${first.message}${more}. ${isPython ? `Python refuses the whole file with a SyntaxError${atStart ? ', and the app loads it at start, so the process dies there' : ' when it is imported'}` : 'Node or the bundler refuses the whole file'}; liveready's other checks may also miss facts in it.`,
        remediation: 'Open the file at this line and close the bracket or string (an editor or `python -m py_compile` / `node --check` points at it).',
        location: { file: facts.path, line: first.line, column: first.column },
        severity: atStart ? 'critical' : 'moderate',
        fingerprintContent: first.message,
      });
    }
  },
});
