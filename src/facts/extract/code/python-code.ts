import { type CallSite, findCallSites } from '../../../parsers/code/call-sites.js';
import { maskPython } from '../../../parsers/code/mask-python.js';
import type { MaskedSource } from '../../../parsers/code/masked-source.js';
import { type PyLine, buildPythonStructure } from '../../../parsers/code/python-structure.js';
import type { MaskProblem } from '../../../parsers/code/masked-source.js';
import type { CodeFacts } from '../../code-types.js';
import { pythonCalls, pythonSwallowed } from './python-calls.js';
import { pythonFunctions } from './python-functions.js';
import { pythonImports } from './python-imports.js';
import { pythonLoops } from './python-loops.js';
import { PythonScope } from './python-scope.js';
import type { JavaScriptScope } from './javascript-scope.js';

export interface CodeExtraction {
  code: CodeFacts;
  masked: MaskedSource;
  /** Unterminated strings and unbalanced brackets (offsets). */
  problems: MaskProblem[];
  /** Python: the logical lines (the token gate lexes only some of them). */
  pythonLines?: PyLine[];
  /** What the pre-pass built, for later passes over the same file (service facts) without a second parse. */
  passes?: CodePasses;
}

export interface CodePasses {
  calls: readonly CallSite[];
  functionIndexAt(offset: number): number;
  python?: PythonScope;
  javascript?: JavaScriptScope;
}

/** Code facts of a Python file, from one masking pass and the block structure. */
export function extractPythonCode(text: string): CodeExtraction {
  const masked = maskPython(text);
  const structure = buildPythonStructure(masked);
  const scope = new PythonScope(masked, structure);
  const calls = findCallSites(masked.code);
  const functions = pythonFunctions(scope, calls);
  const functionIndexAt = (offset: number): number => functions.byBlock.get(scope.functionAt(offset)) ?? -1;
  const code: CodeFacts = {
    imports: pythonImports(scope, calls),
    functions: functions.functions,
    loops: pythonLoops(scope, calls, functionIndexAt),
    calls: pythonCalls(scope, calls, functionIndexAt),
    routes: functions.routes,
    swallowed: pythonSwallowed(scope, functionIndexAt),
    importTimeCalls: functions.importTimeCalls,
    mainCalls: functions.mainCalls,
  };
  if (scope.hasMainGuard) code.hasMainGuard = true;
  const problems = [...masked.problems, ...structure.brackets.problems];
  return { code, masked: { ...masked, problems }, problems, pythonLines: structure.lines, passes: { calls, functionIndexAt, python: scope } };
}
