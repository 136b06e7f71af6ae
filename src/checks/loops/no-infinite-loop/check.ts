import { defineCheck } from '../../api.js';
import type { CodeFacts } from '../../../facts/code-types.js';
import { loopHeader, loopPlace, loopsOf, waitsOnPeer } from '../../../facts/loop-text.js';
import { functionKey, mustReturn } from '../../../facts/must-return.js';

export const noInfiniteLoop = defineCheck({
  meta: {
    id: 'loops/no-infinite-loop',
    stage: 'scan',
    description: 'Disallow `while True`/`while (true)`/`for (;;)` loops with no way out in code that must return (request handlers, import time, code they call)',
    severity: 'critical',
    category: 'reliability',
  },
  run({ project, report }) {
    const must = mustReturn(project);
    for (const { facts, loop, language } of loopsOf(project)) {
      const code = facts.source?.code as CodeFacts;
      if (!loop.isConstantTrue || loop.exits.length > 0 || loop.waits.includes('yield') || waitsOnPeer(loop)) continue;
      // Inside a try, an exception from a call in the body is the way out (parsers, retry-until-fails loops).
      if (loop.isInsideTry && loop.calls.length + loop.waits.length > 0) continue;
      const handler = loop.functionIndex >= 0 ? code.routes.find((route) => route.handlerIndex === loop.functionIndex) : undefined;
      if (handler?.method === 'WEBSOCKET') continue;
      const why = loop.scope === 'function' ? must.functions.get(functionKey(facts.path, loop.functionIndex)) : loop.scope === 'import' ? must.modules.get(facts.path) : undefined;
      if (!why) continue;
      const header = loopHeader(loop, language);
      const consequence = loop.scope === 'import' ? 'the import never finishes, so the app never starts serving' : 'every call to it hangs forever and ties up the worker that runs it';
      report({
        message: `\`${header}\` ${loopPlace(loop)} has no break, return, raise or exit, and it must finish (${why}): ${consequence}.`,
        remediation: loop.scope === 'import'
          ? 'Move the loop into a function started by the worker entrypoint (or a background task), not at import time.'
          : 'Give the loop an exit (a condition, a break, a timeout) or move it to a background worker that the handler only signals.',
        location: { file: facts.path, line: loop.line, column: loop.column },
        fingerprintContent: `${loop.functionName}:${header}`,
      });
    }
  },
});
