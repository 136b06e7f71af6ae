import { defineCheck } from '../../api.js';
import { mustReturn } from '../../../facts/must-return.js';
import { isNonProductionPath } from '../../../facts/path-roles.js';

export const noExitAtImport = defineCheck({
  meta: {
    id: 'lifecycle/no-exit-at-import',
    stage: 'scan',
    description: 'Disallow sys.exit/os._exit/process.exit at import time of a module that other code imports',
    severity: 'critical',
    category: 'reliability',
  },
  run({ project, report }) {
    const modules = mustReturn(project).modules;
    for (const facts of project.allFacts()) {
      const why = modules.get(facts.path);
      if (!why || isNonProductionPath(facts.path)) continue;
      for (const call of facts.source?.code?.calls ?? []) {
        if (call.category !== 'exit' || call.scope !== 'import') continue;
        report({
          message: `${call.callee}() runs when ${facts.path} is imported (${why}): it ${call.isConditional ? 'can end' : 'ends'} whatever process imports it (the web server, a worker, the test runner) with no traceback, and the platform only sees an exit.`,
          remediation: 'Raise an exception (RuntimeError/Error with the reason) instead of exiting, and keep exits in the entry script\'s main block.',
          location: { file: facts.path, line: call.line, column: call.column },
          ...(call.isConditional ? { severity: 'moderate' as const } : {}),
          fingerprintContent: `${call.callee}:${facts.snippets[call.line]?.trim() ?? ''}`,
        });
      }
    }
  },
});
