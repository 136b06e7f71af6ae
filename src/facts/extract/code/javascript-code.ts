import { findCallSites } from '../../../parsers/code/call-sites.js';
import { maskJavaScript } from '../../../parsers/code/mask-javascript.js';
import { buildJavaScriptStructure } from '../../../parsers/code/javascript-structure.js';
import type { CodeFacts } from '../../code-types.js';
import { javascriptCalls, javascriptSwallowed } from './javascript-calls.js';
import { javascriptFunctions } from './javascript-functions.js';
import { javascriptImports } from './javascript-imports.js';
import { javascriptLoops } from './javascript-loops.js';
import { JavaScriptScope } from './javascript-scope.js';
import type { CodeExtraction } from './python-code.js';
import { usesBrowserGlobals } from './browser-globals.js';

/** Code facts of a JS/TS file, from one masking pass and its brace structure. */
export function extractJavaScriptCode(text: string): CodeExtraction {
  const masked = maskJavaScript(text);
  const structure = buildJavaScriptStructure(masked);
  const scope = new JavaScriptScope(masked, structure);
  const calls = findCallSites(masked.code);
  const imports = javascriptImports(scope);
  const functions = javascriptFunctions(scope, calls);
  const functionIndexAt = (offset: number): number => functions.byBlock.get(scope.functionAt(offset)) ?? -1;
  const hasChildProcessImport = imports.some((entry) => entry.module === 'child_process' || entry.module === 'node:child_process');
  const code: CodeFacts = {
    imports,
    functions: functions.functions,
    loops: javascriptLoops(scope, calls, functions.definitionParens, functionIndexAt),
    calls: javascriptCalls(scope, calls, functions.definitionParens, hasChildProcessImport, functionIndexAt),
    routes: functions.routes,
    swallowed: javascriptSwallowed(scope, calls, functionIndexAt),
    importTimeCalls: functions.importTimeCalls,
    mainCalls: functions.mainCalls,
  };
  if (usesBrowserGlobals(masked.code)) code.usesBrowserGlobals = true;
  return { code, masked: { ...masked, problems: [...masked.problems, ...structure.brackets.problems] }, problems: [...masked.problems, ...structure.brackets.problems], passes: { calls, functionIndexAt, javascript: scope } };
}
