import { type Argument, argumentCode, callArguments, lastLiteralIn, literalArgument } from '../../../parsers/code/call-arguments.js';
import type { CallSite } from '../../../parsers/code/call-sites.js';
import { openOf } from '../../../parsers/code/brackets.js';
import { lineColumnOf } from '../../../parsers/code/masked-source.js';
import type { PyLine } from '../../../parsers/code/python-structure.js';
import type { CallFact, SwallowedFact } from '../../code-types.js';
import { categorizeCall } from './call-catalog.js';
import type { PythonScope } from './python-scope.js';

const BROAD_EXCEPT = /^except\s*(?:\(?[\w.,\s]*\b(?:Exception|BaseException)\b[\w.,\s]*\)?)?(?:\s+as\s+\w+)?\s*:$/;

/** Calls of interest with what their arguments say (timeouts, targets, modes). */
export function pythonCalls(scope: PythonScope, calls: readonly CallSite[], functionIndexAt: (offset: number) => number): CallFact[] {
  let constants: Map<string, string> | undefined;
  const facts: CallFact[] = [];
  for (const call of calls) {
    const category = categorizeCall('python', call.name, false);
    if (!category) continue;
    const args = callArguments(scope.masked.code, scope.structure.brackets, call.paren);
    // os.spawn*(os.P_WAIT, ...) runs the program to completion: a synchronous run, not a child left running.
    if (category === 'child-process' && /^os\.spawn/.test(call.name) && args[0] && /P_WAIT$/.test(argumentCode(scope.masked.code, args[0]))) continue;
    constants ??= moduleConstants(scope);
    const fact = describeCall(scope, call, category, args, constants, functionIndexAt(call.start));
    if (fact) facts.push(fact);
  }
  return facts;
}

function describeCall(scope: PythonScope, call: CallSite, category: CallFact['category'], args: Argument[], constants: Map<string, string>, functionIndex: number): CallFact | undefined {
  const { masked } = scope;
  const positional = args.filter((arg) => !/^\*|^[A-Za-z_]\w*\s*=(?!=)/.test(argumentCode(masked.code, arg)));
  const options: string[] = [];
  let hasOpaqueOptions = false;
  for (const arg of args) {
    const text = argumentCode(masked.code, arg);
    const keyword = /^([A-Za-z_]\w*)\s*=(?!=)/.exec(text);
    if (keyword) options.push(keyword[1] as string);
    else if (text.startsWith('*')) hasOpaqueOptions = true;
  }
  const mode = category === 'file-write' && /(?:^|\.)open$/.test(call.name) ? openMode(scope, args, positional) : undefined;
  if (category === 'file-write' && /(?:^|\.)open$/.test(call.name) && (mode === undefined || !/[wax+]/.test(mode))) return undefined;
  const position = lineColumnOf(masked, call.start);
  const fact: CallFact = { category, callee: call.name, line: position.line, column: position.column, options, arity: args.length, functionName: scope.functionName(scope.functionAt(call.start)), functionIndex, scope: scope.scopeAt(call.start) };
  if (isConditionalAt(scope, call.start)) fact.isConditional = true;
  const target = callTarget(scope, call, category, positional, constants);
  if (target !== undefined) fact.target = target;
  if (mode !== undefined) fact.mode = mode;
  if (hasOpaqueOptions) fact.hasOpaqueOptions = true;
  if (isInWithHeader(scope, call)) fact.isManaged = true;
  return fact;
}

const CONDITIONAL_BLOCKS = new Set(['if', 'elif', 'else', 'try', 'except', 'while', 'for', 'match', 'case']);

/** Inside an if/try/loop of its own scope (module level or its function). */
function isConditionalAt(scope: PythonScope, offset: number): boolean {
  let index = scope.blockAt(offset);
  while (index !== -1) {
    const block = scope.block(index);
    if (!block || block.kind === 'def' || block.kind === 'class') return false;
    if (CONDITIONAL_BLOCKS.has(block.kind) && !/__name__/.test(scope.masked.code.slice(block.start, block.colon))) return true;
    index = block.parent;
  }
  return false;
}

function openMode(scope: PythonScope, args: Argument[], positional: Argument[]): string | undefined {
  const keyword = args.find((arg) => /^mode\s*=/.test(argumentCode(scope.masked.code, arg)));
  if (keyword) return literalArgument(scope.masked, { start: scope.masked.code.indexOf('=', keyword.start) + 1 + countSpaces(scope.masked.code, scope.masked.code.indexOf('=', keyword.start) + 1), end: keyword.end });
  const second = positional[1];
  if (!second) return 'r';
  return literalArgument(scope.masked, second);
}

function countSpaces(code: string, from: number): number {
  let count = 0;
  while (code.charCodeAt(from + count) === 32) count += 1;
  return count;
}

/** The first argument as a literal or module constant; for dumps the file argument; for `.write_text` the receiver's path. */
function callTarget(scope: PythonScope, call: CallSite, category: CallFact['category'], positional: Argument[], constants: Map<string, string>): string | undefined {
  const { masked } = scope;
  if (call.name.startsWith('.') || /\.(?:write_text|write_bytes)$/.test(call.name)) return receiverPath(scope, call, constants);
  const argument = /\.dump$/.test(call.name) ? positional[1] : positional[0];
  if (!argument) return undefined;
  const literal = literalArgument(masked, argument);
  if (literal !== undefined) return literal;
  const text = argumentCode(masked.code, argument);
  if (/^[A-Za-z_]\w*$/.test(text)) return constants.get(text);
  if (category === 'subprocess' || category === 'child-process') {
    if (!text.startsWith('[')) return undefined;
    return listLiterals(scope, argument).join(' ') || undefined;
  }
  return lastLiteralIn(masked, argument);
}

function receiverPath(scope: PythonScope, call: CallSite, constants: Map<string, string>): string | undefined {
  const { code } = scope.masked;
  const receiver = call.name.slice(0, call.name.lastIndexOf('.'));
  if (receiver && /^[A-Za-z_]\w*$/.test(receiver)) return constants.get(receiver);
  let end = call.start - 1;
  while (end >= 0 && /\s/.test(code.charAt(end))) end -= 1;
  if (code.charAt(end) !== ')') return undefined;
  const open = openOf(scope.structure.brackets, end);
  return open === -1 ? undefined : lastLiteralIn(scope.masked, { start: open, end: end + 1 });
}

function listLiterals(scope: PythonScope, argument: Argument): string[] {
  const values: string[] = [];
  const { stringStarts, stringEnds } = scope.masked;
  for (let index = 0; index < stringStarts.length; index += 1) {
    if ((stringStarts[index] as number) >= argument.start && (stringEnds[index] as number) <= argument.end) {
      const value = literalArgument(scope.masked, { start: stringStarts[index] as number, end: stringEnds[index] as number });
      if (value !== undefined) values.push(value);
    }
  }
  return values;
}

function isInWithHeader(scope: PythonScope, call: CallSite): boolean {
  const line = scope.structure.lines[scope.lineIndexAt(call.start)] as PyLine;
  if (line.word !== 'with' && line.word !== 'async') return false;
  const block = scope.structure.blocks.find((candidate) => candidate.start === line.start);
  return block !== undefined && block.kind === 'with' && call.start < block.colon;
}

/** `NAME = "literal"` (or an expression ending in a literal path) at module level. */
function moduleConstants(scope: PythonScope): Map<string, string> {
  const constants = new Map<string, string>();
  const { code } = scope.masked;
  for (const line of scope.structure.lines) {
    if (line.indent !== 0 || line.word === '' || !/^[A-Za-z_]/.test(line.word)) continue;
    const match = /^([A-Za-z_]\w*)\s*(?::[^=]*)?=(?!=)\s*/.exec(code.slice(line.start, Math.min(line.end, line.start + 200)));
    if (!match) continue;
    const value = lastLiteralIn(scope.masked, { start: line.start + match[0].length, end: line.end });
    if (value !== undefined) constants.set(match[1] as string, value);
  }
  return constants;
}

/** `except:` / `except Exception:` handlers whose whole body is `pass` or `...`. */
export function pythonSwallowed(scope: PythonScope, functionIndexAt: (offset: number) => number): SwallowedFact[] {
  const found: SwallowedFact[] = [];
  const { code, text } = scope.masked;
  for (const block of scope.structure.blocks) {
    if (block.kind !== 'except') continue;
    const header = code.slice(block.start, block.colon + 1).replace(/\s+/g, ' ');
    if (!BROAD_EXCEPT.test(header)) continue;
    const body = code.slice(block.colon + 1, block.end).trim();
    if (body !== 'pass' && body !== '...') continue;
    const position = lineColumnOf(scope.masked, block.start);
    found.push({ line: position.line, column: position.column, form: header, hasComment: text.slice(block.colon + 1, block.end).includes('#'), functionName: scope.functionName(scope.functionAt(block.start)), functionIndex: functionIndexAt(block.start) });
  }
  return found;
}
