import { LexCursor } from './cursor.js';
import { TokenKind, type LexResult, type Token } from './token.js';

const OPERATOR_CHARS = new Set([';', '&', '|', '<', '>', '(', ')']);
const TWO_CHAR_OPERATORS = new Set(['&&', '||', ';;', '>>', '<<', '>&', '<&', '&>', '|&']);

/**
 * Tokenize a POSIX shell script into words and operators. Each word is one String token whose
 * value is the word with its quotes removed (expansions such as `${PORT:-8000}` kept verbatim);
 * words that were entirely unquoted are Name tokens. A Newline token ends every command line.
 * A heredoc body is one String token per line (its text verbatim, so `$VAR` reads stay visible and
 * an apostrophe in prose cannot open a quote), then its delimiter line as a Name token.
 */
export function lexShell(text: string): LexResult {
  const cursor = new LexCursor(text);
  const length = text.length;
  let pos = text.startsWith('#!') ? lineEnd(text, 0) : 0;
  let lineHasToken = false;
  const heredocs: Heredoc[] = [];
  let expectDelimiter: Heredoc | undefined;

  while (pos < length) {
    const char = text.charAt(pos);
    if (char === '\n') {
      if (lineHasToken) cursor.push(TokenKind.Newline, '\n', pos, pos + 1);
      lineHasToken = false;
      pos = heredocs.length > 0 ? readHeredocBodies(cursor, pos + 1, heredocs.splice(0)) : pos + 1;
      continue;
    }
    if (char === ' ' || char === '\t' || char === '\r') {
      pos += 1;
      continue;
    }
    if (char === '\\' && (text.charAt(pos + 1) === '\n' || text.startsWith('\r\n', pos + 1))) {
      pos += text.charAt(pos + 1) === '\n' ? 2 : 3;
      continue;
    }
    if (char === '#') {
      const end = lineEnd(text, pos);
      cursor.comment(pos, end);
      pos = end;
      continue;
    }
    lineHasToken = true;
    if (OPERATOR_CHARS.has(char)) {
      const two = text.slice(pos, pos + 2);
      const op = TWO_CHAR_OPERATORS.has(two) ? two : char;
      cursor.push(TokenKind.Punct, op, pos, pos + op.length);
      // `<<EOF` and `<<-EOF` start a heredoc; `<<<` is a here-string.
      if (op === '<<' && text.charAt(pos + 2) !== '<') expectDelimiter = { delimiter: '', stripTabs: false };
      pos += op.length;
      continue;
    }
    pos = readWord(cursor, pos);
    if (expectDelimiter) {
      const word = (cursor.tokens[cursor.tokens.length - 1] as Token).value;
      if (word === '-') expectDelimiter.stripTabs = true;
      else {
        heredocs.push({ delimiter: word.replace(/^-/, ''), stripTabs: expectDelimiter.stripTabs || word.startsWith('-') });
        expectDelimiter = undefined;
      }
    }
  }
  if (lineHasToken) cursor.push(TokenKind.Newline, '', length, length);
  return { tokens: cursor.tokens, comments: cursor.comments, lineStarts: cursor.lineStarts, problems: cursor.problems };
}

interface Heredoc {
  delimiter: string;
  /** `<<-`: leading tabs of body lines and of the delimiter line are ignored. */
  stripTabs: boolean;
}

/** Reads the bodies of the heredocs opened on the line that just ended; returns where the next line starts. */
function readHeredocBodies(cursor: LexCursor, start: number, heredocs: readonly Heredoc[]): number {
  const text = cursor.text;
  let pos = start;
  for (const { delimiter, stripTabs } of heredocs) {
    while (pos < text.length) {
      const end = lineEnd(text, pos);
      const line = text.slice(pos, end).replace(/\r$/, '');
      const isDelimiter = (stripTabs ? line.replace(/^\t+/, '') : line) === delimiter;
      if (isDelimiter || line.trim() !== '') {
        cursor.push(isDelimiter ? TokenKind.Name : TokenKind.String, isDelimiter ? delimiter : line, pos, end);
        cursor.push(TokenKind.Newline, '\n', end, Math.min(end + 1, text.length));
      }
      pos = end + 1;
      if (isDelimiter) break;
    }
  }
  return pos;
}

function lineEnd(text: string, pos: number): number {
  const end = text.indexOf('\n', pos);
  return end === -1 ? text.length : end;
}

function readWord(cursor: LexCursor, start: number): number {
  const text = cursor.text;
  const parts: string[] = [];
  let pos = start;
  let quoted = false;
  while (pos < text.length) {
    const char = text.charAt(pos);
    if (char === ' ' || char === '\t' || char === '\n' || char === '\r' || OPERATOR_CHARS.has(char)) break;
    if (char === '\\') {
      parts.push(text.charAt(pos + 1));
      pos += 2;
      continue;
    }
    if (char === "'" || char === '"') {
      quoted = true;
      const close = findClosingQuote(text, pos);
      if (close === -1) {
        cursor.problem('unterminated quote', pos);
        parts.push(text.slice(pos + 1));
        pos = text.length;
        break;
      }
      parts.push(char === '"' ? unescapeDoubleQuoted(text.slice(pos + 1, close)) : text.slice(pos + 1, close));
      pos = close + 1;
      continue;
    }
    if (char === '$' && text.charAt(pos + 1) === '{') {
      const close = text.indexOf('}', pos + 2);
      const end = close === -1 ? text.length : close + 1;
      parts.push(text.slice(pos, end));
      pos = end;
      continue;
    }
    if (char === '$' && text.charAt(pos + 1) === '(') {
      const end = skipParens(text, pos + 1);
      parts.push(text.slice(pos, end));
      pos = end;
      continue;
    }
    parts.push(char);
    pos += 1;
  }
  cursor.push(quoted ? TokenKind.String : TokenKind.Name, parts.join(''), start, pos);
  return pos;
}

function findClosingQuote(text: string, pos: number): number {
  const quote = text.charAt(pos);
  let index = pos + 1;
  while (index < text.length) {
    const char = text.charAt(index);
    if (char === quote) return index;
    if (char === '\\' && quote === '"') index += 2;
    else index += 1;
  }
  return -1;
}

function unescapeDoubleQuoted(body: string): string {
  return body.replace(/\\([$`"\\\n])/g, (_match, escaped: string) => (escaped === '\n' ? '' : escaped));
}

function skipParens(text: string, pos: number): number {
  let depth = 0;
  let index = pos;
  while (index < text.length) {
    const char = text.charAt(index);
    if (char === '(') depth += 1;
    else if (char === ')') {
      depth -= 1;
      if (depth === 0) return index + 1;
    } else if (char === '\n' && depth === 0) return index;
    index += 1;
  }
  return index;
}
