import { type Brackets, closeOf } from '../../../parsers/code/brackets.js';
import type { CallSite } from '../../../parsers/code/call-sites.js';
import { lineColumnOf } from '../../../parsers/code/masked-source.js';
import { type JsBlock, isFunctionBlock, previousSignificant } from '../../../parsers/code/javascript-structure.js';
import type { LoopExit, LoopFact } from '../../code-types.js';
import { categorizeCall, isWaitingCall } from './call-catalog.js';
import type { JavaScriptScope } from './javascript-scope.js';
import { changedNames, conditionParts, hasAssignment, localNamesOf, newLoopFact, scalarNames } from './loop-conditions.js';
import { isNoiseCall } from './noise-calls.js';

const CONSTANT_TRUE = /^(?:true|1|!0|!false|!!1)?$/;
const JS_WORDS = new Set(['true', 'false', 'null', 'undefined', 'typeof', 'instanceof', 'in', 'new', 'void', 'this', 'NaN', 'Infinity']);

interface LoopSpan {
  kind: LoopFact['kind'];
  /** Where the loop statement starts (`while`, `for`, `do`). */
  start: number;
  condition: string;
  bodyStart: number;
  bodyEnd: number;
  /** The loop's own block (-1 for a body without braces). */
  block: number;
}

/** `while (...)`, `do {} while (...)` and C-style `for (;;)` loops with what their bodies contain. */
export function javascriptLoops(scope: JavaScriptScope, calls: readonly CallSite[], definitionParens: ReadonlySet<number>, functionIndexAt: (offset: number) => number): LoopFact[] {
  return loopSpans(scope)
    .sort((a, b) => a.start - b.start)
    .map((span) => describeLoop(scope, span, calls, definitionParens, functionIndexAt(span.start)));
}

function loopSpans(scope: JavaScriptScope): LoopSpan[] {
  const { code } = scope.masked;
  const { blocks, brackets } = scope.structure;
  const spans: LoopSpan[] = [];
  const braced = new Set<number>();
  blocks.forEach((block, index) => {
    if ((block.kind === 'while' || block.kind === 'for') && block.paren !== undefined) {
      const close = closeOf(brackets, block.paren);
      const header = code.slice(block.paren + 1, close === -1 ? block.open : close);
      braced.add(block.paren);
      if (block.kind === 'for') {
        const parts = splitTopLevel(header, ';');
        if (parts.length !== 3) return;
        spans.push({ kind: 'for', start: block.start, condition: fold(parts[1] as string), bodyStart: block.open + 1, bodyEnd: block.close, block: index });
      } else spans.push({ kind: 'while', start: block.start, condition: fold(header), bodyStart: block.open + 1, bodyEnd: block.close, block: index });
    } else if (block.kind === 'do') {
      const tail = /^\s*while\s*\(/.exec(code.slice(block.close + 1, block.close + 40));
      if (!tail) return;
      const paren = block.close + tail[0].length;
      braced.add(paren);
      const close = closeOf(brackets, paren);
      spans.push({ kind: 'do-while', start: block.start, condition: fold(code.slice(paren + 1, close === -1 ? paren + 1 : close)), bodyStart: block.open + 1, bodyEnd: block.close, block: index });
    }
  });
  for (const match of code.matchAll(/\bwhile\s*\(/g)) {
    const paren = (match.index as number) + match[0].length - 1;
    if (braced.has(paren) || isDoTail(scope, match.index as number)) continue;
    const close = closeOf(brackets, paren);
    if (close === -1) continue;
    const end = statementEnd(code, brackets, close + 1);
    spans.push({ kind: 'while', start: match.index as number, condition: fold(code.slice(paren + 1, close)), bodyStart: close + 1, bodyEnd: end, block: -1 });
  }
  return spans;
}

function isDoTail(scope: JavaScriptScope, whileAt: number): boolean {
  const before = previousSignificant(scope.masked.code, whileAt - 1);
  if (before < 0 || scope.masked.code.charCodeAt(before) !== 125) return false;
  return scope.structure.blocks.some((block) => block.close === before && block.kind === 'do');
}

/** The end of a braceless loop body: the statement after `)`, which may start on the next line and span lines inside brackets. */
function statementEnd(code: string, brackets: Brackets, from: number): number {
  let pos = from;
  while (pos < code.length && /\s/.test(code.charAt(pos))) pos += 1;
  while (pos < code.length) {
    const char = code.charCodeAt(pos);
    if (char === 40 || char === 91 || char === 123) {
      const close = closeOf(brackets, pos);
      if (close === -1) return code.length;
      pos = close + 1;
      continue;
    }
    if (char === 59) return pos + 1;
    if (char === 10) return pos;
    pos += 1;
  }
  return code.length;
}

function describeLoop(scope: JavaScriptScope, span: LoopSpan, calls: readonly CallSite[], definitionParens: ReadonlySet<number>, functionIndex: number): LoopFact {
  const parts = conditionParts(span.condition, JS_WORDS);
  const start = lineColumnOf(scope.masked, span.start);
  const isConstantTrue = CONSTANT_TRUE.test(span.condition.replace(/\s+/g, ''));
  const fact = newLoopFact(
    {
      kind: span.kind,
      line: start.line,
      column: start.column,
      endLine: lineColumnOf(scope.masked, span.bodyEnd).line,
      condition: span.condition,
      isConstantTrue,
      functionName: scope.functionName(scope.functionAt(span.start)),
      functionIndex,
      scope: scope.scopeAt(span.start),
    },
    parts,
  );
  describeBody(scope, span, fact, calls, definitionParens);
  const body = scope.masked.code.slice(span.bodyStart, span.bodyEnd);
  const update = span.kind === 'for' ? forUpdate(scope, span) : '';
  const owner = scope.block(scope.functionAt(span.start));
  const before = scope.masked.code.slice(Math.max(owner ? owner.open + 1 : 0, span.start - 4000), span.bodyStart);
  fact.changed = changedNames(`${body}\n${update}`, fact.conditionNames, 'javascript', scalarNames(fact.conditionNames, before), before);
  if (isInsideTry(scope, span)) fact.isInsideTry = true;
  fact.assigns = hasAssignment(body) || hasAssignment(update);
  fact.localNames = javascriptLocals(scope, span, fact.conditionNames);
  return fact;
}

function isInsideTry(scope: JavaScriptScope, span: LoopSpan): boolean {
  let index = scope.blockAt(span.start);
  while (index !== -1) {
    const block = scope.block(index) as JsBlock;
    if (isFunctionBlock(block) || block.kind === 'class') return false;
    if (block.kind === 'try') return true;
    index = block.parent;
  }
  return false;
}

/** The update clause of a C-style `for` (`i++` in `for (;; i++)`). */
function forUpdate(scope: JavaScriptScope, span: LoopSpan): string {
  const header = scope.masked.code.slice(span.start, span.bodyStart);
  return splitTopLevel(header.slice(header.indexOf('(') + 1, header.lastIndexOf(')')), ';')[2] ?? '';
}

function javascriptLocals(scope: JavaScriptScope, span: LoopSpan, names: readonly string[]): string[] {
  const functionIndex = scope.functionAt(span.start);
  const owner = scope.block(functionIndex);
  if (!owner || names.length === 0) return [];
  const { code } = scope.masked;
  const parameters = owner.paren === undefined ? '' : code.slice(owner.paren + 1, code.lastIndexOf(')', owner.open));
  const nested: string[] = [];
  const { blocks } = scope.structure;
  for (let index = functionIndex + 1; index < blocks.length && (blocks[index] as JsBlock).open < owner.close; index += 1) {
    const block = blocks[index] as JsBlock;
    if (isFunctionBlock(block)) nested.push(code.slice(block.open + 1, block.close));
  }
  const header = code.slice(span.start, span.bodyStart);
  return localNamesOf(names, parameters, code.slice(Math.max(owner.open + 1, span.start - 8000), span.start) + header, nested, 'javascript');
}

function describeBody(scope: JavaScriptScope, span: LoopSpan, fact: LoopFact, calls: readonly CallSite[], definitionParens: ReadonlySet<number>): void {
  const { code } = scope.masked;
  const container = span.block === -1 ? scope.blockAt(span.start) : span.block;
  const exits = new Set<LoopExit>();
  const waits = new Set<string>();
  const called = new Set<string>();
  const body = code.slice(span.bodyStart, span.bodyEnd);
  for (const match of body.matchAll(/\b(break|return|throw|yield|await)\b(\s+[A-Za-z_$][\w$]*)?/g)) {
    const word = match[1] as string;
    const nesting = nestingBetween(scope, scope.blockAt(span.bodyStart + (match.index as number)), container);
    const isLabeled = word === 'break' && match[2] !== undefined && !/^\s+(?:case|default)$/.test(match[2]);
    if (nesting === 'function' || (word === 'break' && nesting === 'loop' && !isLabeled)) continue;
    if (word === 'yield' || word === 'await') waits.add(word);
    else {
      exits.add(word === 'throw' ? 'raise' : (word as LoopExit));
      if (scope.blockAt(span.bodyStart + (match.index as number)) === container && span.block !== -1) fact.exitsUnconditionally = true;
    }
  }
  for (let index = firstCallFrom(calls, span.bodyStart); index < calls.length; index += 1) {
    const call = calls[index] as CallSite;
    if (call.start >= span.bodyEnd) break;
    if (definitionParens.has(call.paren) || nestingBetween(scope, scope.blockAt(call.start), container) === 'function') continue;
    const category = categorizeCall('javascript', call.name, false);
    const name = call.last;
    if (category === 'exit') exits.add('exit');
    if (isWaitingCall(call.name) || category === 'http' || category === 'subprocess') waits.add(name);
    if (!isNoiseCall(name)) called.add(name);
  }
  fact.exits = [...exits];
  fact.waits = [...waits];
  fact.calls = [...called];
}

function nestingBetween(scope: JavaScriptScope, inner: number, loop: number): 'function' | 'loop' | 'none' {
  let result: 'function' | 'loop' | 'none' = 'none';
  let index = inner;
  while (index !== -1 && index !== loop) {
    const block = scope.block(index) as JsBlock;
    if (isFunctionBlock(block) || block.kind === 'class') return 'function';
    if (block.kind === 'while' || block.kind === 'for' || block.kind === 'do' || block.kind === 'switch') result = 'loop';
    index = block.parent;
  }
  return result;
}

/** Index of the first call starting at or after `offset` (calls are in source order). */
export function firstCallFrom(calls: readonly CallSite[], offset: number): number {
  let low = 0;
  let high = calls.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((calls[mid] as CallSite).start < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

export function splitTopLevel(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let pos = 0; pos < text.length; pos += 1) {
    const char = text.charAt(pos);
    if (char === '(' || char === '[' || char === '{') depth += 1;
    else if (char === ')' || char === ']' || char === '}') depth -= 1;
    else if (char === separator && depth === 0) {
      parts.push(text.slice(start, pos));
      start = pos + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

function fold(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
