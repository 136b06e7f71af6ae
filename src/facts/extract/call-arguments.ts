import { type Token, TokenKind } from '../../parsers/lexer/token.js';
import { isPunct } from './env-reads.js';

/** One argument of a call: tokens [start, end), and its keyword (`port=8000`, `{ port: 8000 }`). */
export interface CallArgument {
  start: number;
  end: number;
  keyword?: string;
}

/**
 * The top-level arguments of the call whose `(` (or `{`) is at `open`, split on commas at that depth.
 * `name=value` (Python keywords) and `name: value` (JS object properties) get their keyword.
 */
export function callArguments(tokens: readonly Token[], open: number): CallArgument[] {
  const close = boundedClosingIndex(tokens, open);
  if (close === -1) return [];
  const depth = (tokens[open] as Token).depth + 1;
  const args: CallArgument[] = [];
  let start = open + 1;
  for (let index = open + 1; index <= close; index += 1) {
    const token = tokens[index] as Token;
    if (index !== close && !(token.depth === depth && isPunct(token, ','))) continue;
    if (index > start) args.push(withKeyword(tokens, start, index));
    start = index + 1;
  }
  return args;
}

/** Matching bracket of every bracket token, computed once per token list (linear even on unbalanced input). */
const MATCHES = new WeakMap<readonly Token[], Int32Array>();

function matchingBrackets(tokens: readonly Token[]): Int32Array {
  let matches = MATCHES.get(tokens);
  if (matches) return matches;
  matches = new Int32Array(tokens.length).fill(-1);
  // Brackets carry the depth before them, so an opener and its closer share one depth.
  const openAtDepth: number[] = [];
  tokens.forEach((token, index) => {
    if (token.kind !== TokenKind.Punct) return;
    if (token.value === '(' || token.value === '[' || token.value === '{') openAtDepth[token.depth] = index;
    else if (token.value === ')' || token.value === ']' || token.value === '}') {
      const open = openAtDepth[token.depth];
      if (open !== undefined && open !== -1) {
        (matches as Int32Array)[open] = index;
        openAtDepth[token.depth] = -1;
      }
    }
  });
  MATCHES.set(tokens, matches);
  return matches;
}

/** The bracket closing the one at `open`, or -1 (same answer as a forward scan, in constant time). */
export function boundedClosingIndex(tokens: readonly Token[], open: number): number {
  return matchingBrackets(tokens)[open] ?? -1;
}

function withKeyword(tokens: readonly Token[], start: number, end: number): CallArgument {
  const first = tokens[start] as Token;
  const second = tokens[start + 1];
  if (end - start >= 3 && (first.kind === TokenKind.Name || first.kind === TokenKind.String) && (isPunct(second, '=') || isPunct(second, ':'))) {
    return { start: start + 2, end, keyword: first.value };
  }
  // JS shorthand `{ port }` means `{ port: port }`.
  return { start, end };
}

/** The argument with this keyword, or the positional one at `position` (keywords not counted). */
export function argumentNamed(args: readonly CallArgument[], keyword: string, position?: number): CallArgument | undefined {
  const named = args.find((arg) => arg.keyword === keyword);
  if (named || position === undefined) return named;
  return args.filter((arg) => arg.keyword === undefined)[position];
}

/** The single string literal an argument is, if it is one. */
export function stringArgument(tokens: readonly Token[], arg: CallArgument | undefined): string | undefined {
  if (!arg || arg.end - arg.start !== 1) return undefined;
  const token = tokens[arg.start] as Token;
  return token.kind === TokenKind.String ? token.value : undefined;
}

/** Index ranges of Python logical lines (tokens between Newline tokens). */
export function logicalLines(tokens: readonly Token[]): Array<[number, number]> {
  const lines: Array<[number, number]> = [];
  let start = 0;
  for (let index = 0; index < tokens.length; index += 1) {
    if ((tokens[index] as Token).kind !== TokenKind.Newline) continue;
    if (index > start) lines.push([start, index]);
    start = index + 1;
  }
  if (start < tokens.length) lines.push([start, tokens.length]);
  return lines;
}
