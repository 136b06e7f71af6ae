import { type Brackets, closeOf } from './brackets.js';
import { type MaskedSource, isInterpolated, stringIndexAt, stringValue } from './masked-source.js';

/** One argument of a call: its code span (trimmed) in the masked text. */
export interface Argument {
  start: number;
  end: number;
}

/** The arguments of the call whose `(` is at `paren`, split at depth 0; [] when it never closes. */
export function callArguments(code: string, brackets: Brackets, paren: number): Argument[] {
  const close = closeOf(brackets, paren);
  if (close === -1) return [];
  const args: Argument[] = [];
  let start = paren + 1;
  for (let pos = paren + 1; pos <= close; pos += 1) {
    const char = code.charCodeAt(pos);
    if (pos === close || char === 44) {
      const trimmed = trim(code, start, pos);
      if (trimmed) args.push(trimmed);
      start = pos + 1;
    } else if (char === 40 || char === 91 || char === 123) {
      // Jump over the nested bracket: only depth-0 commas split arguments.
      const nestedClose = closeOf(brackets, pos);
      if (nestedClose === -1 || nestedClose > close) break;
      pos = nestedClose;
    }
  }
  return args;
}

function trim(code: string, start: number, end: number): Argument | undefined {
  let from = start;
  let to = end;
  while (from < to && isSpace(code.charCodeAt(from))) from += 1;
  while (to > from && isSpace(code.charCodeAt(to - 1))) to -= 1;
  return to > from ? { start: from, end: to } : undefined;
}

function isSpace(char: number): boolean {
  return char === 32 || char === 10 || char === 9 || char === 13;
}

/** The value when the argument is exactly one string literal (no concatenation, no interpolation). */
export function literalArgument(masked: MaskedSource, argument: Argument): string | undefined {
  const prefix = /^[rRbBuU]{0,2}(?=["'`])/.exec(masked.code.slice(argument.start, argument.start + 3))?.[0].length ?? 0;
  const index = stringIndexAt(masked, argument.start + prefix);
  if (index === -1 || masked.stringStarts[index] !== argument.start + prefix || masked.stringEnds[index] !== argument.end) return undefined;
  if (isInterpolated(masked, index)) return undefined;
  return stringValue(masked, index);
}

/** The last string literal inside an argument (`os.path.join(BASE, "config.json")` -> `config.json`). */
export function lastLiteralIn(masked: MaskedSource, argument: Argument): string | undefined {
  let found: string | undefined;
  const { stringStarts, stringEnds } = masked;
  let index = stringIndexAt(masked, argument.start);
  if (index === -1) index = firstStringAfter(stringStarts, argument.start);
  for (; index < stringStarts.length && (stringStarts[index] as number) < argument.end; index += 1) {
    if ((stringEnds[index] as number) <= argument.end) found = stringValue(masked, index);
  }
  return found;
}

/** Index of the first string literal that starts at or after `offset` (binary search over the sorted starts). */
export function firstStringAfter(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((starts[mid] as number) < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The code text of an argument, whitespace folded. */
export function argumentCode(code: string, argument: Argument): string {
  const text = code.slice(argument.start, argument.end);
  return /\s\s|[\n\t\r]/.test(text) ? text.replace(/\s+/g, ' ') : text;
}

/** Python keyword arguments by name, each with the span of its value. */
export function keywordArgumentsIn(code: string, args: readonly Argument[]): Map<string, Argument> {
  const found = new Map<string, Argument>();
  for (const arg of args) {
    const match = /^([A-Za-z_]\w*)\s*=(?!=)\s*/.exec(code.slice(arg.start, Math.min(arg.end, arg.start + 80)));
    if (match) found.set(match[1] as string, { start: arg.start + match[0].length, end: arg.end });
  }
  return found;
}

/** Positional arguments (Python: not `name=...`, not `*args`/`**kwargs`). */
export function positionalArgumentsIn(code: string, args: readonly Argument[]): Argument[] {
  return args.filter((arg) => !/^\*|^[A-Za-z_]\w*\s*=(?!=)/.test(code.slice(arg.start, Math.min(arg.end, arg.start + 80))));
}
