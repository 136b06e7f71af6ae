import { type Brackets, matchBrackets } from './brackets.js';
import type { MaskedSource } from './masked-source.js';

/** One logical line of Python (physical lines joined by brackets, strings and backslashes). */
export interface PyLine {
  /** Offset of its first character of code. */
  start: number;
  /** Offset of the line break that ends it (or the text length). */
  end: number;
  indent: number;
  /** First word (`def`, `while`, `return`, `x`...), '' when it starts with punctuation. */
  word: string;
}

/** A compound statement: its header line and its indented (or same-line) body. */
export interface PyBlock {
  /** def, class, while, for, if, elif, else, try, except, finally, with, match, case. */
  kind: string;
  isAsync: boolean;
  /** Index of the header in `lines`. */
  header: number;
  /** Offset of the header's first character (the keyword, or `async`). */
  start: number;
  /** Offset of the colon ending the header. */
  colon: number;
  /** Offset where the body ends (end of its last line). */
  end: number;
  /** Index of the body's last line in `lines` (the header itself for one-line bodies). */
  last: number;
  indent: number;
  /** Index of the enclosing block, -1 at module level. */
  parent: number;
  /** True when the body is on the header line (`while True: pass`). */
  isInline: boolean;
}

export interface PythonStructure {
  lines: PyLine[];
  blocks: PyBlock[];
  brackets: Brackets;
}

const COMPOUND = new Set(['def', 'class', 'while', 'for', 'if', 'elif', 'else', 'try', 'except', 'finally', 'with', 'match', 'case']);
const RESET_WORDS = /^(?:def|class|async|import|from|@)/;

/** Logical lines and compound blocks of masked Python code. Iterative, linear in the text. */
export function buildPythonStructure(masked: MaskedSource): PythonStructure {
  const code = masked.code;
  const brackets = matchBrackets(code, (lineStart) => isResetLine(code, lineStart));
  const lines = logicalLines(masked, brackets.lineBreaks);
  const blocks: PyBlock[] = [];
  const open: number[] = [];
  let previous = -1;
  lines.forEach((line, index) => {
    while (open.length > 0 && line.indent <= (blocks[open[open.length - 1] as number] as PyBlock).indent) {
      closeBlock(blocks[open.pop() as number] as PyBlock, lines, previous);
    }
    previous = index;
    const block = headerBlock(code, line, index, open.length > 0 ? (open[open.length - 1] as number) : -1);
    if (!block) return;
    blocks.push(block);
    if (!block.isInline) open.push(blocks.length - 1);
  });
  while (open.length > 0) closeBlock(blocks[open.pop() as number] as PyBlock, lines, previous);
  return { lines, blocks, brackets };
}

function isResetLine(code: string, lineStart: number): boolean {
  const char = code.charCodeAt(lineStart);
  return (char === 100 || char === 99 || char === 97 || char === 105 || char === 102 || char === 64) && RESET_WORDS.test(code.slice(lineStart, lineStart + 6));
}

function closeBlock(block: PyBlock, lines: PyLine[], last: number): void {
  const line = lines[Math.max(last, block.header)] as PyLine;
  block.last = Math.max(last, block.header);
  block.end = line.end;
}

function logicalLines(masked: MaskedSource, breaks: number[]): PyLine[] {
  const { code, stringStarts, stringEnds } = masked;
  const lines: PyLine[] = [];
  let segmentStart = 0;
  let stringIndex = 0;
  const finishAt = (end: number): void => {
    const line = lineAt(code, segmentStart, end);
    if (line) lines.push(line);
    segmentStart = end + 1;
  };
  for (const at of breaks) {
    while (stringIndex < stringEnds.length && (stringEnds[stringIndex] as number) <= at) stringIndex += 1;
    if (stringIndex < stringStarts.length && (stringStarts[stringIndex] as number) < at) continue;
    if (isContinued(code, at)) continue;
    finishAt(at);
  }
  if (segmentStart < code.length) finishAt(code.length);
  return lines;
}

function isContinued(code: string, lineBreak: number): boolean {
  const before = code.charCodeAt(lineBreak - 1);
  return before === 92 || (before === 13 && code.charCodeAt(lineBreak - 2) === 92);
}

function lineAt(code: string, start: number, end: number): PyLine | undefined {
  let pos = start;
  let indent = 0;
  while (pos < end) {
    const char = code.charCodeAt(pos);
    if (char === 32) indent += 1;
    else if (char === 9) indent = indent - (indent % 8) + 8;
    else if (char === 10 || char === 13 || char === 12) indent = 0;
    else break;
    pos += 1;
  }
  if (pos >= end) return undefined;
  let wordEnd = pos;
  while (wordEnd < end && isWordChar(code.charCodeAt(wordEnd))) wordEnd += 1;
  return { start: pos, end, indent, word: code.slice(pos, wordEnd) };
}

function isWordChar(char: number): boolean {
  return (char >= 97 && char <= 122) || (char >= 65 && char <= 90) || (char >= 48 && char <= 57) || char === 95 || char > 127;
}

function headerBlock(code: string, line: PyLine, index: number, parent: number): PyBlock | undefined {
  let kind = line.word;
  let keywordAt = line.start;
  const isAsync = kind === 'async';
  if (isAsync) {
    const rest = /^async\s+(\w+)/.exec(code.slice(line.start, Math.min(line.end, line.start + 40)));
    kind = rest?.[1] ?? '';
    keywordAt = line.start + (rest ? rest[0].length - kind.length : 0);
  }
  if (!COMPOUND.has(kind)) return undefined;
  // `match`/`case` are soft keywords: `match = re.match(...)` is an assignment.
  if ((kind === 'match' || kind === 'case') && /^\s*[=.([,]/.test(code.slice(keywordAt + kind.length, keywordAt + kind.length + 3))) return undefined;
  const colon = headerColon(code, keywordAt + kind.length, line.end);
  if (colon === -1) return undefined;
  const isInline = /\S/.test(code.slice(colon + 1, line.end));
  return { kind, isAsync, header: index, start: line.start, colon, end: line.end, last: index, indent: line.indent, parent, isInline };
}

/** The `:` that ends a compound statement's header: the first at bracket depth 0 (not `:=`). */
function headerColon(code: string, from: number, end: number): number {
  let depth = 0;
  for (let pos = from; pos < end; pos += 1) {
    const char = code.charCodeAt(pos);
    if (char === 40 || char === 91 || char === 123) depth += 1;
    else if (char === 41 || char === 93 || char === 125) depth = Math.max(0, depth - 1);
    else if (char === 58 && depth === 0 && code.charCodeAt(pos + 1) !== 61) return pos;
    else if (char === 108 && depth === 0 && code.startsWith('lambda', pos) && !isWordChar(code.charCodeAt(pos - 1))) {
      // `lambda x: y` in a header: its colon is not the header's.
      const lambdaColon = code.indexOf(':', pos);
      if (lambdaColon === -1 || lambdaColon >= end) return -1;
      pos = lambdaColon;
    }
  }
  return -1;
}
