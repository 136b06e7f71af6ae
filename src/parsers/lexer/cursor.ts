import type { Comment, LexProblem, Token, TokenKind } from './token.js';
import { positionAt } from '../positioned.js';
import { computeLineStarts } from './line-index.js';

/**
 * Shared bookkeeping for the hand-written lexers: tokens are emitted in source order,
 * so line numbers advance monotonically and cost nothing to compute.
 */
export class LexCursor {
  readonly tokens: Token[] = [];
  readonly comments: Comment[] = [];
  readonly problems: LexProblem[] = [];
  readonly lineStarts: number[];
  depth = 0;
  private lineIndex = 0;

  constructor(readonly text: string) {
    this.lineStarts = computeLineStarts(text);
  }

  /** 1-based line and column of an offset at or after the last one asked for. */
  position(offset: number): { line: number; column: number } {
    const starts = this.lineStarts;
    while (this.lineIndex + 1 < starts.length && (starts[this.lineIndex + 1] ?? Infinity) <= offset) {
      this.lineIndex += 1;
    }
    return { line: this.lineIndex + 1, column: offset - (starts[this.lineIndex] ?? 0) + 1 };
  }

  push(kind: TokenKind, value: string, start: number, end: number): Token {
    // Inlined position(): one token per few characters, so no intermediate object.
    const starts = this.lineStarts;
    let lineIndex = this.lineIndex;
    while (lineIndex + 1 < starts.length && (starts[lineIndex + 1] as number) <= start) lineIndex += 1;
    this.lineIndex = lineIndex;
    const token: Token = { kind, value, start, end, line: lineIndex + 1, column: start - (starts[lineIndex] as number) + 1, depth: this.depth };
    this.tokens.push(token);
    return token;
  }

  comment(start: number, end: number): void {
    const { line, column } = this.position(start);
    this.comments.push({ text: this.text.slice(start, end), line, column, start });
  }

  /** A problem at any offset (problems are rare: found by binary search, not by the token order). */
  problem(message: string, offset: number): void {
    if (this.problems.length >= 20) return;
    const { line, column } = positionAt(this.lineStarts, offset);
    this.problems.push({ message, line, column });
  }

  private readonly openers: Array<{ char: string; offset: number }> = [];

  open(char: string, offset: number): void {
    this.openers.push({ char, offset });
    this.depth += 1;
  }

  close(offset: number, char: string): void {
    const opener = this.openers.pop();
    if (opener === undefined) {
      this.problem(`unbalanced closing '${char}'`, offset);
      return;
    }
    if (PAIRS[opener.char] !== char) this.problem(`'${char}' closes '${opener.char}'`, offset);
    this.depth -= 1;
  }

  /**
   * Reports the brackets still open, at the innermost one (where Python's "'(' was never closed"
   * points): `why` says where it became clear (empty: the end of the file).
   */
  reportUnclosed(why = ''): void {
    const innermost = this.openers[this.openers.length - 1];
    if (innermost === undefined) return;
    const others = this.openers.length - 1;
    const before = others > 0 ? ` (nor ${others === 1 ? 'the bracket' : `${others} brackets`} opened before it)` : '';
    this.problem(`'${innermost.char}' is never closed${before}${why}`, innermost.offset);
  }

  /** Drops every open bracket (error recovery when a statement clearly starts a new line). */
  resetDepth(offset: number): void {
    if (this.depth === 0) return;
    this.reportUnclosed(`: line ${positionAt(this.lineStarts, offset).line} starts a new statement`);
    this.openers.length = 0;
    this.depth = 0;
  }
}

const PAIRS: Record<string, string> = { '(': ')', '[': ']', '{': '}' };

export function isIdentStart(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 95 || code === 36 || code > 127;
}

export function isIdentPart(code: number): boolean {
  return isIdentStart(code) || (code >= 48 && code <= 57);
}

export function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** End of a number literal starting at `start` (permissive: hex, underscores, exponents, suffixes). */
export function scanNumber(text: string, start: number): number {
  let pos = start;
  while (pos < text.length) {
    const code = text.charCodeAt(pos);
    if (isIdentPart(code) || code === 46) {
      if ((code === 101 || code === 69) && (text[pos + 1] === '+' || text[pos + 1] === '-')) pos += 1;
      pos += 1;
    } else break;
  }
  return pos;
}

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '0': '\0', b: '\b', f: '\f', v: '\v' };

/** The decoded character for a simple escape; unknown escapes keep the backslash, as Python does. */
export function decodeEscape(next: string, keepBackslashForUnknown: boolean): string {
  const mapped = ESCAPES[next];
  if (mapped !== undefined) return mapped;
  if (next === '\\' || next === "'" || next === '"' || next === '`' || next === '\n') return next === '\n' ? '' : next;
  return keepBackslashForUnknown ? `\\${next}` : next;
}
