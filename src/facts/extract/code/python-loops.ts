import type { CallSite } from '../../../parsers/code/call-sites.js';
import { lineColumnOf } from '../../../parsers/code/masked-source.js';
import type { PyBlock } from '../../../parsers/code/python-structure.js';
import type { LoopExit, LoopFact } from '../../code-types.js';
import { categorizeCall, isWaitingCall } from './call-catalog.js';
import { changedNames, conditionParts, hasAssignment, localNamesOf, newLoopFact, scalarNames } from './loop-conditions.js';
import { isNoiseCall } from './noise-calls.js';
import type { PythonScope } from './python-scope.js';

const CONSTANT_TRUE = /^\(?\s*(?:True|1|not\s+False|not\s+None|not\s+0)\s*\)?$/;
const PYTHON_WORDS = new Set(['not', 'and', 'or', 'is', 'in', 'None', 'True', 'False', 'lambda', 'if', 'else']);

/** Every `while` loop with what its body contains. */
export function pythonLoops(scope: PythonScope, calls: readonly CallSite[], functionIndexAt: (offset: number) => number): LoopFact[] {
  const loops: LoopFact[] = [];
  const { code } = scope.masked;
  let callIndex = 0;
  scope.structure.blocks.forEach((block, blockIndex) => {
    if (block.kind !== 'while') return;
    const keywordEnd = code.indexOf('while', block.start) + 5;
    const condition = code.slice(keywordEnd, block.colon).replace(/\s+/g, ' ').trim();
    const parts = conditionParts(condition, PYTHON_WORDS);
    const start = lineColumnOf(scope.masked, block.start);
    const fact = newLoopFact(
      {
        kind: 'while',
        line: start.line,
        column: start.column,
        endLine: lineColumnOf(scope.masked, block.end).line,
        condition,
        isConstantTrue: CONSTANT_TRUE.test(condition),
        functionName: scope.functionName(scope.functionAt(block.start)),
        functionIndex: functionIndexAt(block.start),
        scope: scope.scopeAt(block.start),
      },
      parts,
    );
    while (callIndex < calls.length && (calls[callIndex] as CallSite).start <= block.colon) callIndex += 1;
    describeBody(scope, block, blockIndex, fact, calls, callIndex);
    const body = code.slice(block.colon + 1, block.end);
    const definition = scope.block(scope.functionAt(block.start));
    // Initializations sit near the loop: look at most 4,000 characters back.
    const before = code.slice(Math.max(definition ? definition.colon + 1 : 0, block.start - 4000), block.start);
    fact.changed = changedNames(body, fact.conditionNames, 'python', scalarNames(fact.conditionNames, before), before);
    if (isInsideTry(scope, block)) fact.isInsideTry = true;
    fact.assigns = hasAssignment(body);
    fact.localNames = pythonLocals(scope, block, fact.conditionNames);
    loops.push(fact);
  });
  return loops;
}

function describeBody(scope: PythonScope, block: PyBlock, blockIndex: number, fact: LoopFact, calls: readonly CallSite[], firstCall: number): void {
  const code = scope.masked.code;
  const exits = new Set<LoopExit>();
  const waits = new Set<string>();
  const called = new Set<string>();
  const keywords = /\b(break|return|raise|yield|await)\b/g;
  const body = code.slice(block.colon + 1, block.end);
  for (let match = keywords.exec(body); match; match = keywords.exec(body)) {
    const word = match[1] as string;
    const nesting = nestingBetween(scope, scope.blockAt(block.colon + 1 + match.index), blockIndex);
    if (nesting === 'function' || (word === 'break' && nesting === 'loop')) continue;
    if (word === 'yield' || word === 'await') waits.add(word);
    else {
      exits.add(word as LoopExit);
      if (scope.blockAt(block.colon + 1 + match.index) === blockIndex) fact.exitsUnconditionally = true;
    }
  }
  for (let index = firstCall; index < calls.length; index += 1) {
    const call = calls[index] as CallSite;
    if (call.start >= block.end) break;
    if (call.start <= block.colon || nestingBetween(scope, scope.blockAt(call.start), blockIndex) === 'function') continue;
    const category = categorizeCall('python', call.name, false);
    if (category === 'exit') exits.add('exit');
    if (isWaitingCall(call.name) || category === 'http' || category === 'subprocess') waits.add(call.last);
    const name = call.last;
    if (!isNoiseCall(name)) called.add(name);
  }
  fact.exits = [...exits];
  fact.waits = [...waits];
  fact.calls = [...called];
}

function isInsideTry(scope: PythonScope, loop: PyBlock): boolean {
  let index = loop.parent;
  while (index !== -1) {
    const block = scope.block(index) as PyBlock;
    if (block.kind === 'def' || block.kind === 'class') return false;
    if (block.kind === 'try') return true;
    index = block.parent;
  }
  return false;
}

/** Condition names that are locals of the def around the loop. */
function pythonLocals(scope: PythonScope, loop: PyBlock, names: readonly string[]): string[] {
  const functionIndex = scope.functionAt(loop.start);
  const definition = scope.block(functionIndex);
  if (!definition || names.length === 0) return [];
  const { code } = scope.masked;
  const open = code.indexOf('(', definition.start);
  const parameters = open !== -1 && open < definition.colon ? code.slice(open + 1, code.lastIndexOf(')', definition.colon)) : '';
  const nested: string[] = [];
  const { blocks } = scope.structure;
  // Blocks are in source order: the ones inside the def follow it directly.
  for (let index = functionIndex + 1; index < blocks.length && (blocks[index] as PyBlock).start < definition.end; index += 1) {
    const block = blocks[index] as PyBlock;
    if (block.kind === 'def') nested.push(code.slice(block.colon + 1, block.end));
  }
  return localNamesOf(names, parameters, code.slice(Math.max(definition.colon + 1, loop.start - 8000), loop.start), nested, 'python');
}

/** What lies between an inner block and the loop: a nested function, a nested loop, or nothing. */
function nestingBetween(scope: PythonScope, inner: number, loop: number): 'function' | 'loop' | 'none' {
  let result: 'function' | 'loop' | 'none' = 'none';
  let index = inner;
  while (index !== -1 && index !== loop) {
    const block = scope.block(index) as PyBlock;
    if (block.kind === 'def' || block.kind === 'class') return 'function';
    if (block.kind === 'while' || block.kind === 'for') result = 'loop';
    index = block.parent;
  }
  return result;
}
