import { computeLineStarts } from '../lexer/line-index.js';
import { positionAt } from '../positioned.js';

/**
 * A source file seen as code only: `code` has the same length and line breaks as the text, with the
 * inside of every comment and string literal replaced by spaces (quotes and string prefixes kept).
 * Regexes run on `code` can never match inside a string or a comment; values are read back from
 * the original text at the same offsets.
 */
export interface MaskedSource {
  text: string;
  code: string;
  /** Offset of each string literal's opening quote, ascending. */
  stringStarts: number[];
  /** Offset just after each string literal's closing quote (or where an unterminated one stopped). */
  stringEnds: number[];
  /** Quote length of each string (1, or 3 for Python triple-quoted strings); negative when it never closed. */
  stringQuotes: number[];
  lineStarts: number[];
  problems: MaskProblem[];
}

export interface MaskProblem {
  message: string;
  offset: number;
}

const SPACES: string[] = [];

/** `length` spaces (cached: the same few lengths come back constantly). */
export function spaces(length: number): string {
  if (length <= 0) return '';
  if (length > 1024) return ' '.repeat(length);
  let cached = SPACES[length];
  if (cached === undefined) {
    cached = ' '.repeat(length);
    SPACES[length] = cached;
  }
  return cached;
}

/** The text of [start, end) with everything but line breaks replaced by spaces. */
export function blankKeepingLines(text: string, start: number, end: number): string {
  if (end <= start) return '';
  let newline = text.indexOf('\n', start);
  if (newline === -1 || newline >= end) return spaces(end - start);
  let result = '';
  let from = start;
  while (newline !== -1 && newline < end) {
    result += `${spaces(newline - from)}\n`;
    from = newline + 1;
    newline = text.indexOf('\n', from);
  }
  return result + spaces(end - from);
}

/** Accumulates the masked copy of a text: code kept, ranges blanked. */
export class MaskBuilder {
  private readonly parts: string[] = [];
  private kept = 0;
  readonly stringStarts: number[] = [];
  readonly stringEnds: number[] = [];
  readonly stringQuotes: number[] = [];
  readonly problems: MaskProblem[] = [];

  constructor(readonly text: string) {}

  /** Blanks [start, end) (text before it is kept as code). */
  blank(start: number, end: number): void {
    if (end <= start) return;
    if (start > this.kept) this.parts.push(this.text.slice(this.kept, start));
    this.parts.push(blankKeepingLines(this.text, start, end));
    this.kept = end;
  }

  /** Records a string literal from its opening quote to its end, blanking its content. */
  string(quoteAt: number, end: number, quote: number, isClosed: boolean): void {
    this.stringStarts.push(quoteAt);
    this.stringEnds.push(end);
    this.stringQuotes.push(isClosed ? quote : -quote);
    this.blank(quoteAt + quote, isClosed ? end - quote : end);
  }

  problem(message: string, offset: number): void {
    if (this.problems.length < 20) this.problems.push({ message, offset });
  }

  finish(): MaskedSource {
    const text = this.text;
    if (this.kept < text.length) this.parts.push(text.slice(this.kept));
    const code = this.parts.length === 1 ? (this.parts[0] as string) : this.parts.join('');
    return { text, code, stringStarts: this.stringStarts, stringEnds: this.stringEnds, stringQuotes: this.stringQuotes, lineStarts: computeLineStarts(text), problems: this.problems };
  }
}

/** Index of the string literal whose opening quote is at `offset` (or that contains it), or -1. */
export function stringIndexAt(masked: MaskedSource, offset: number): number {
  const starts = masked.stringStarts;
  let low = 0;
  let high = starts.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const start = starts[mid] as number;
    if (start > offset) high = mid - 1;
    else if ((masked.stringEnds[mid] as number) <= offset) low = mid + 1;
    else return mid;
  }
  return -1;
}

const SIMPLE_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '0': '\0', '\\': '\\', "'": "'", '"': '"', '`': '`' };

/** The content of string literal `index` with simple escapes decoded (enough for paths, URLs, module names). */
export function stringValue(masked: MaskedSource, index: number): string {
  const quote = masked.stringQuotes[index] as number;
  const start = (masked.stringStarts[index] as number) + Math.abs(quote);
  const end = Math.max(start, (masked.stringEnds[index] as number) - (quote > 0 ? quote : 0));
  const raw = masked.text.slice(start, end);
  if (!raw.includes('\\')) return raw;
  return raw.replace(/\\(.)/gs, (whole, next: string) => SIMPLE_ESCAPES[next] ?? whole);
}

/** The value of the string literal starting at `offset` (its opening quote), if there is one. */
export function stringValueAt(masked: MaskedSource, offset: number): string | undefined {
  const index = stringIndexAt(masked, offset);
  return index === -1 || masked.stringStarts[index] !== offset ? undefined : stringValue(masked, index);
}

/** True when a string literal's raw text contains `${`/`{` interpolation (templates, f-strings). */
export function isInterpolated(masked: MaskedSource, index: number): boolean {
  const { text } = masked;
  const start = masked.stringStarts[index] as number;
  if (text.charCodeAt(start) === 96) {
    const interpolation = text.indexOf('${', start);
    return interpolation !== -1 && interpolation < (masked.stringEnds[index] as number);
  }
  // Python: an f or t right before the quote (alone, or after r/b/u), not the end of a longer word.
  const before = text.charCodeAt(start - 1) | 0x20;
  if (before !== 102 && before !== 116) {
    const second = text.charCodeAt(start - 2) | 0x20;
    const isPair = (before === 114 || before === 98) && (second === 102 || second === 116);
    return isPair && !isWordCode(text.charCodeAt(start - 3));
  }
  const previous = text.charCodeAt(start - 2) | 0x20;
  return !isWordCode(text.charCodeAt(start - 2)) || ((previous === 114 || previous === 98) && !isWordCode(text.charCodeAt(start - 3)));
}

function isWordCode(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95;
}

export function lineColumnOf(masked: MaskedSource, offset: number): { line: number; column: number } {
  return positionAt(masked.lineStarts, offset);
}
