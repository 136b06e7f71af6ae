import type { MaskProblem } from './masked-source.js';

/**
 * Matched bracket pairs of masked code, found with an explicit stack (nesting depth costs no native
 * stack). `opens[i]`/`closes[i]` is one pair, in order of the opening bracket; an unclosed bracket has
 * close -1. `byClose` lists pair indexes in order of their closing bracket.
 */
export interface Brackets {
  opens: number[];
  closes: number[];
  byClose: number[];
  /** Line breaks outside any bracket (only collected when line resets are asked for: Python). */
  lineBreaks: number[];
  problems: MaskProblem[];
}

/**
 * Pairs every `(`/`[`/`{` with its closer. A closer that matches nothing is a problem and is
 * ignored; a closer of the wrong kind closes the nearest opener of its kind when there is one (so
 * one stray bracket does not shift every pair after it). `isReset(offset)` may drop all open
 * brackets at a line start (Python: a `def` at column 1 cannot be inside brackets).
 */
export function matchBrackets(code: string, isReset?: (lineStart: number) => boolean): Brackets {
  const opens: number[] = [];
  const closes: number[] = [];
  const byClose: number[] = [];
  const lineBreaks: number[] = [];
  const problems: MaskProblem[] = [];
  const stack: number[] = [];
  const state: MatchState = { opens, closes, byClose, stack, problems };
  // A plain scan with a lookup table: a regex search allocates a match per bracket, and code is
  // full of brackets.
  const table = isReset ? WITH_LINE_BREAKS : BRACKETS_ONLY;
  const length = code.length;
  for (let at = 0; at < length; at += 1) {
    const char = code.charCodeAt(at);
    if (char >= 128 || table[char] === 0) continue;
    if (char === 40 || char === 91 || char === 123) {
      stack.push(opens.length);
      opens.push(at);
      closes.push(-1);
    } else if (char === 10) {
      if (stack.length > 0 && (isReset as (lineStart: number) => boolean)(at + 1)) {
        problem(problems, `${stack.length} unclosed bracket(s) before this line`, at + 1);
        stack.length = 0;
      }
      if (stack.length === 0) lineBreaks.push(at);
    } else closeBracket(code, at, char === 41 ? 40 : char - 2, state);
  }
  if (stack.length > 0) problem(problems, `${stack.length} unclosed bracket(s) at end of file`, code.length);
  return { opens, closes, byClose, lineBreaks, problems };
}

/** 1 for the characters the bracket scan stops at: brackets, and line breaks when lines can reset. */
const BRACKETS_ONLY = new Uint8Array(128);
for (const char of '()[]{}') BRACKETS_ONLY[char.charCodeAt(0)] = 1;
const WITH_LINE_BREAKS = BRACKETS_ONLY.slice();
WITH_LINE_BREAKS[10] = 1;

interface MatchState {
  opens: number[];
  closes: number[];
  byClose: number[];
  stack: number[];
  problems: MaskProblem[];
}

function closeBracket(code: string, at: number, wanted: number, state: MatchState): void {
  const { opens, stack } = state;
  const top = stack.length - 1;
  let depth = top;
  // A closer of the wrong kind closes the nearest opener of its kind within two levels, if any.
  while (depth >= 0 && depth >= top - 2 && code.charCodeAt(opens[stack[depth] as number] as number) !== wanted) depth -= 1;
  if (depth < 0 || depth < top - 2) {
    problem(state.problems, `unbalanced closing '${code.charAt(at)}'`, at);
    return;
  }
  if (depth !== top) {
    problem(state.problems, `'${code.charAt(at)}' closes an earlier bracket than the last one opened`, at);
    stack.length = depth + 1;
  }
  const index = stack.pop() as number;
  state.closes[index] = at;
  state.byClose.push(index);
}

function problem(problems: MaskProblem[], message: string, offset: number): void {
  if (problems.length < 20) problems.push({ message, offset });
}

/** Offset of the bracket closing the one opened at `open`, or -1. */
export function closeOf(brackets: Brackets, open: number): number {
  const index = pairIndex(brackets.opens, open);
  return index === -1 ? -1 : (brackets.closes[index] as number);
}

/** Offset of the bracket opening the one closed at `close`, or -1. */
export function openOf(brackets: Brackets, close: number): number {
  const order = brackets.byClose;
  let low = 0;
  let high = order.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const index = order[mid] as number;
    const at = brackets.closes[index] as number;
    if (at === close) return brackets.opens[index] as number;
    if (at < close) low = mid + 1;
    else high = mid - 1;
  }
  return -1;
}

function pairIndex(sorted: readonly number[], offset: number): number {
  let low = 0;
  let high = sorted.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const at = sorted[mid] as number;
    if (at === offset) return mid;
    if (at < offset) low = mid + 1;
    else high = mid - 1;
  }
  return -1;
}
