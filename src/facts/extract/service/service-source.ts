import type { Brackets } from '../../../parsers/code/brackets.js';
import { type Argument, argumentCode, callArguments, keywordArgumentsIn, literalArgument, positionalArgumentsIn } from '../../../parsers/code/call-arguments.js';
import type { CallSite } from '../../../parsers/code/call-sites.js';
import { type MaskedSource, lineColumnOf } from '../../../parsers/code/masked-source.js';
import type { CodeFacts, CodeScope } from '../../code-types.js';
import type { SourceFacts } from '../../types.js';
import type { Positioned } from '../../service-types.js';
import type { CodePasses } from '../code/python-code.js';
import type { Binding } from './bindings.js';

/** One file as the service passes see it: the pre-pass's masked text, calls and scopes, its facts so far. */
export interface ServiceSource {
  family: 'python' | 'javascript';
  masked: MaskedSource;
  brackets: Brackets;
  calls: readonly CallSite[];
  code: CodeFacts;
  source: SourceFacts;
  passes: CodePasses;
  /** Local names bound by imports: `FastAPI` -> fastapi, `express` -> express (default). */
  bindings: ReadonlyMap<string, Binding>;
  /** Built on first use: calls by the last part of their name, and calls of imported names. */
  byLast?: Map<string, CallSite[]>;
  imported?: CallSite[];
}

/**
 * The calls whose name ends in one of `names` (`app.include_router` for `include_router`), in
 * source order. The passes look up a few names each, so calls are bucketed once per file instead
 * of every pass walking (and slicing) every call.
 */
export function callsNamed(source: ServiceSource, ...names: string[]): CallSite[] {
  source.byLast ??= bucketByLast(source.calls);
  if (names.length === 1) return source.byLast.get(names[0] as string) ?? [];
  return names.flatMap((name) => source.byLast?.get(name) ?? []).sort((a, b) => a.start - b.start);
}

/** Calls of a name an import binds (`express()`, `web.Application()`, `cors({...})`, `cron.schedule(...)`). */
export function importedCalls(source: ServiceSource): CallSite[] {
  source.imported ??= source.calls.filter((call) => {
    const dot = call.name.indexOf('.');
    return source.bindings.has(dot === -1 ? call.name : call.name.slice(0, dot));
  });
  return source.imported;
}

/** Calls of imported names and calls named one of `names`, once each, in source order. */
export function importedOrNamed(source: ServiceSource, ...names: string[]): CallSite[] {
  const named = callsNamed(source, ...names);
  return [...new Set([...importedCalls(source), ...named])].sort((a, b) => a.start - b.start);
}

function bucketByLast(calls: readonly CallSite[]): Map<string, CallSite[]> {
  const buckets = new Map<string, CallSite[]>();
  for (const call of calls) {
    const bucket = buckets.get(call.last);
    if (bucket) bucket.push(call);
    else buckets.set(call.last, [call]);
  }
  return buckets;
}

export function scopeAt(source: ServiceSource, offset: number): CodeScope {
  return (source.passes.python ?? source.passes.javascript)?.scopeAt(offset) ?? 'import';
}

const PYTHON_CONDITIONAL = new Set(['if', 'elif', 'else', 'try', 'except', 'while', 'for', 'match', 'case', 'with']);
const JAVASCRIPT_CONDITIONAL = new Set(['if', 'else', 'try', 'catch', 'while', 'for', 'do', 'switch']);

/** Under an if/try/loop of its own scope (a `__main__` guard does not count). */
export function isConditionalAt(source: ServiceSource, offset: number): boolean {
  const python = source.passes.python;
  if (python) {
    for (let index = python.blockAt(offset); index !== -1; index = python.block(index)?.parent ?? -1) {
      const block = python.block(index);
      if (!block || block.kind === 'def' || block.kind === 'class') return false;
      if (PYTHON_CONDITIONAL.has(block.kind) && block.kind !== 'with' && !/__name__/.test(source.masked.code.slice(block.start, block.colon))) return true;
    }
    return false;
  }
  const javascript = source.passes.javascript;
  for (let index = javascript?.blockAt(offset) ?? -1; index !== -1; index = javascript?.block(index)?.parent ?? -1) {
    const block = javascript?.block(index);
    if (!block || block.kind === 'function' || block.kind === 'arrow' || block.kind === 'method') return false;
    if (JAVASCRIPT_CONDITIONAL.has(block.kind)) return true;
  }
  return false;
}

export function positionOf(source: ServiceSource, offset: number): Positioned {
  return lineColumnOf(source.masked, offset);
}

export function argumentsOf(source: ServiceSource, call: Pick<CallSite, 'name' | 'start' | 'paren'>): Argument[] {
  return callArguments(source.masked.code, source.brackets, call.paren);
}

/** The argument's code, whitespace folded (strings blank inside). */
export function codeOf(source: ServiceSource, argument: Argument): string {
  return argumentCode(source.masked.code, argument);
}

/** The argument's original text (string contents included). */
export function textOf(source: ServiceSource, argument: Argument): string {
  return source.masked.text.slice(argument.start, argument.end);
}

export function literalOf(source: ServiceSource, argument: Argument | undefined): string | undefined {
  return argument ? literalArgument(source.masked, argument) : undefined;
}

/** Python keyword arguments by name, each with the span of its value. */
export function keywordArguments(source: ServiceSource, args: readonly Argument[]): Map<string, Argument> {
  return keywordArgumentsIn(source.masked.code, args);
}

/** Positional arguments (Python: not `name=...`, not `*args`/`**kwargs`). */
export function positionalArguments(source: ServiceSource, args: readonly Argument[]): Argument[] {
  return positionalArgumentsIn(source.masked.code, args);
}

/** `name = <call>` / `const name = <call>` / `this.name = <call>`: the name the call's value is assigned to, or ''. */
export function assignedName(source: ServiceSource, start: number): string {
  const code = source.masked.code;
  const lineStart = code.lastIndexOf('\n', start - 1) + 1;
  const before = code.slice(Math.max(lineStart, start - 160), start);
  const match = /(?:^|[\s;{(,])(?:(?:export\s+)?(?:const|let|var)\s+)?((?:self\.|this\.)?[A-Za-z_$][\w$]*)\s*(?::[^=]{1,60})?=\s*(?:await\s+|new\s+)?$/.exec(before);
  return match?.[1] ?? '';
}

/** Top-level keys of a JS object literal argument (`{ origin: '*', credentials: true }`); undefined when it is not one. */
export function objectKeys(source: ServiceSource, argument: Argument | undefined): string[] | undefined {
  if (!argument) return undefined;
  const code = source.masked.code.slice(argument.start, argument.end);
  if (!code.startsWith('{')) return undefined;
  const keys: string[] = [];
  let depth = 0;
  let expectKey = true;
  for (let pos = 1; pos < code.length - 1; pos += 1) {
    const char = code.charCodeAt(pos);
    if (char === 123 || char === 40 || char === 91) depth += 1;
    else if (char === 125 || char === 41 || char === 93) depth -= 1;
    else if (depth === 0 && char === 44) expectKey = true;
    else if (depth === 0 && expectKey && char > 32) {
      expectKey = false;
      const key = /^(?:\.\.\.)?["']?([A-Za-z_$][\w$]*)/.exec(source.masked.text.slice(argument.start + pos, argument.start + pos + 60));
      if (key) keys.push(code.startsWith('...', pos) ? '...' : (key[1] as string));
    }
  }
  return keys;
}

/** The value text (original) of `key:` in a JS object literal argument, up to the next top-level comma. */
export function objectValue(source: ServiceSource, argument: Argument, key: string): string | undefined {
  const code = source.masked.code;
  const pattern = new RegExp(`[{,]\\s*["']?${key}["']?\\s*:\\s*`, 'g');
  pattern.lastIndex = argument.start;
  for (let match = pattern.exec(code); match && match.index < argument.end; match = pattern.exec(code)) {
    const start = match.index + match[0].length;
    let end = start;
    let depth = 0;
    while (end < argument.end - 1) {
      const char = code.charCodeAt(end);
      if (char === 123 || char === 40 || char === 91) depth += 1;
      else if (char === 125 || char === 41 || char === 93) depth -= 1;
      if (depth < 0 || (depth === 0 && char === 44)) break;
      end += 1;
    }
    return source.masked.text.slice(start, end).trim();
  }
  return undefined;
}

/** Offsets of the body of the function `functionIndex` ([start of its first line, end of its last line)). */
export function functionRange(source: ServiceSource, functionIndex: number): { start: number; end: number } | undefined {
  const fact = source.code.functions[functionIndex];
  if (!fact) return undefined;
  const { lineStarts, text } = source.masked;
  return { start: lineStarts[fact.line - 1] ?? 0, end: lineStarts[fact.endLine] ?? text.length };
}
