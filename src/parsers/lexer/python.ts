import { LexCursor, decodeEscape, isDigit, isIdentPart, isIdentStart, scanNumber } from './cursor.js';
import { TokenKind, type LexResult } from './token.js';

const STRING_PREFIXES = new Set(['r', 'u', 'b', 'f', 't', 'br', 'rb', 'fr', 'rf', 'tr', 'rt']);
const RECOVERY_WORDS = new Set(['def', 'class', 'import', 'from', 'async']);
const THREE_CHAR_OPS = new Set(['**=', '//=', '>>=', '<<=', '...']);
const TWO_CHAR_OPS = new Set([
  '**', '//', '<<', '>>', '<=', '>=', '==', '!=', '->', ':=', '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=', '@=',
]);

/**
 * Tokenize Python source. Linear, iterative, never throws: unterminated strings end at the line
 * (or file) end and unbalanced brackets are recorded as problems.
 */
export function lexPython(text: string): LexResult {
  const cursor = new LexCursor(text);
  const length = text.length;
  let pos = 0;
  let lineHasToken = false;

  while (pos < length) {
    const code = text.charCodeAt(pos);

    if (code === 10) {
      if (cursor.depth === 0 && lineHasToken) {
        cursor.push(TokenKind.Newline, '\n', pos, pos + 1);
        lineHasToken = false;
      }
      pos += 1;
      continue;
    }
    if (code === 32 || code === 9 || code === 13 || code === 12) {
      pos += 1;
      continue;
    }
    if (code === 35) {
      const end = lineEnd(text, pos);
      cursor.comment(pos, end);
      pos = end;
      continue;
    }
    if (code === 92) {
      // Line continuation: a backslash before the newline joins the lines.
      pos += text[pos + 1] === '\r' && text[pos + 2] === '\n' ? 3 : 2;
      continue;
    }
    lineHasToken = true;

    if (code === 34 || code === 39) {
      pos = readString(cursor, pos, pos, '');
      continue;
    }
    if (isIdentStart(code)) {
      let end = pos + 1;
      while (end < length && isIdentPart(text.charCodeAt(end))) end += 1;
      const word = text.slice(pos, end);
      const next = text.charCodeAt(end);
      if ((next === 34 || next === 39) && word.length <= 2 && STRING_PREFIXES.has(word.toLowerCase())) {
        pos = readString(cursor, pos, end, word.toLowerCase());
        continue;
      }
      if (cursor.depth > 0 && RECOVERY_WORDS.has(word) && (pos === 0 || text.charCodeAt(pos - 1) === 10)) {
        // A statement keyword at column 1 cannot be inside brackets: an earlier bracket was never closed.
        cursor.resetDepth(pos);
        cursor.push(TokenKind.Newline, '', pos, pos);
      }
      cursor.push(TokenKind.Name, word, pos, end);
      pos = end;
      continue;
    }
    if (isDigit(code) || (code === 46 && isDigit(text.charCodeAt(pos + 1)))) {
      const end = scanNumber(text, pos);
      cursor.push(TokenKind.Number, text.slice(pos, end), pos, end);
      pos = end;
      continue;
    }
    pos = readPunct(cursor, pos);
  }
  if (lineHasToken) cursor.push(TokenKind.Newline, '', length, length);
  cursor.reportUnclosed();
  return { tokens: cursor.tokens, comments: cursor.comments, lineStarts: cursor.lineStarts, problems: cursor.problems };
}

function lineEnd(text: string, pos: number): number {
  const end = text.indexOf('\n', pos);
  return end === -1 ? text.length : end;
}

/** Characters that can start an operator of two or more characters. */
const MULTI_CHAR_START = new Uint8Array(128);
for (const char of '*/><=!-:+%&|^@.') MULTI_CHAR_START[char.charCodeAt(0)] = 1;

function readPunct(cursor: LexCursor, pos: number): number {
  const text = cursor.text;
  const code = text.charCodeAt(pos);
  const char = text.charAt(pos);
  if (code >= 128 || MULTI_CHAR_START[code] === 0) return pushSingle(cursor, char, pos);
  const three = text.slice(pos, pos + 3);
  if (THREE_CHAR_OPS.has(three)) {
    cursor.push(TokenKind.Punct, three, pos, pos + 3);
    return pos + 3;
  }
  const two = text.slice(pos, pos + 2);
  if (TWO_CHAR_OPS.has(two)) {
    cursor.push(TokenKind.Punct, two, pos, pos + 2);
    return pos + 2;
  }
  return pushSingle(cursor, char, pos);
}

function pushSingle(cursor: LexCursor, char: string, pos: number): number {
  if (char === ')' || char === ']' || char === '}') cursor.close(pos, char);
  cursor.push(TokenKind.Punct, char, pos, pos + 1);
  if (char === '(' || char === '[' || char === '{') cursor.open(char, pos);
  return pos + 1;
}

/** Reads a string starting at `start` (prefix included) whose opening quote is at `quoteAt`. Returns the end offset. */
function readString(cursor: LexCursor, start: number, quoteAt: number, prefix: string): number {
  const text = cursor.text;
  const quote = text.charAt(quoteAt);
  const triple = text.charAt(quoteAt + 1) === quote && text.charAt(quoteAt + 2) === quote;
  const isRaw = prefix.includes('r');
  const isFormatted = prefix.includes('f') || prefix.includes('t');
  let pos = quoteAt + (triple ? 3 : 1);
  const parts: string[] = [];
  let runStart = pos;
  let closed = false;

  while (pos < text.length) {
    const char = text.charAt(pos);
    if (char === quote && (!triple || (text.charAt(pos + 1) === quote && text.charAt(pos + 2) === quote))) {
      parts.push(text.slice(runStart, pos));
      pos += triple ? 3 : 1;
      closed = true;
      break;
    }
    if (char === '\\') {
      parts.push(text.slice(runStart, pos));
      const next = text.charAt(pos + 1);
      parts.push(isRaw ? `\\${next}` : decodeEscape(next, true));
      pos += 2;
      runStart = pos;
      continue;
    }
    if (char === '\n' && !triple) break;
    if (isFormatted && (char === '{' || char === '}')) {
      parts.push(text.slice(runStart, pos));
      if (text.charAt(pos + 1) === char) {
        parts.push(char);
        pos += 2;
      } else if (char === '{') {
        parts.push('{}');
        pos = skipReplacementField(text, pos + 1, quote, triple);
      } else {
        parts.push('}');
        pos += 1;
      }
      runStart = pos;
      continue;
    }
    pos += 1;
  }
  if (!closed) {
    parts.push(text.slice(runStart, pos));
    cursor.problem('unterminated string literal', start);
  }
  cursor.push(isFormatted ? TokenKind.Template : TokenKind.String, parts.join(''), start, pos);
  return pos;
}

/**
 * Skips an f-string replacement field `{expr!r:spec}` up to and including its closing brace.
 * Nested strings inside the expression are skipped without decoding; an unclosed field ends at the
 * closing quote of the f-string (or the line end for single-quoted ones).
 */
export function skipReplacementField(text: string, pos: number, quote: string, triple: boolean): number {
  let depth = 0;
  while (pos < text.length) {
    const char = text.charAt(pos);
    if (char === '\n' && !triple) return pos;
    if (char === quote && (!triple || text.startsWith(quote.repeat(3), pos))) {
      // In Python < 3.12 the f-string's own quote cannot appear inside; treat it as the end.
      const innerEnd = depth > 0 ? findQuoteEnd(text, pos) : -1;
      if (innerEnd === -1) return pos;
      pos = innerEnd;
      continue;
    }
    if (char === '"' || char === "'") {
      const innerEnd = findQuoteEnd(text, pos);
      pos = innerEnd === -1 ? pos + 1 : innerEnd;
      continue;
    }
    if (char === '{' || char === '(' || char === '[') depth += 1;
    else if (char === ')' || char === ']') depth = Math.max(0, depth - 1);
    else if (char === '}') {
      if (depth === 0) return pos + 1;
      depth -= 1;
    }
    pos += 1;
  }
  return pos;
}

/** End offset of a simple quoted string at `pos`, or -1 when it does not close on this line. */
function findQuoteEnd(text: string, pos: number): number {
  const quote = text.charAt(pos);
  let index = pos + 1;
  while (index < text.length) {
    const char = text.charAt(index);
    if (char === '\\') index += 2;
    else if (char === quote) return index + 1;
    else if (char === '\n') return -1;
    else index += 1;
  }
  return -1;
}
