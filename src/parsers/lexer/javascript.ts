import { LexCursor, decodeEscape, isDigit, isIdentPart, isIdentStart, scanNumber } from './cursor.js';
import { TokenKind, type LexResult, type Token } from './token.js';

const THREE_CHAR_OPS = new Set(['===', '!==', '...', '**=', '??=', '||=', '&&=', '>>>', '<<=', '>>=']);
const TWO_CHAR_OPS = new Set([
  '=>', '??', '==', '!=', '&&', '||', '**', '++', '--', '<=', '>=', '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=',
  '<<', '>>',
]);
/** After these words a `/` starts a regular expression, not a division. */
const REGEX_AFTER_WORDS = new Set([
  'return', 'typeof', 'instanceof', 'in', 'of', 'new', 'delete', 'void', 'throw', 'case', 'do', 'else', 'yield',
  'await',
]);

interface OpenTemplate {
  token: Token;
  parts: string[];
  /** Bracket depth at which the `${` was opened. */
  depth: number;
}

/**
 * Tokenize JavaScript/TypeScript (incl. JSX). Linear, iterative, never throws. Quotes that do not
 * close on their line are taken as plain characters (JSX text such as `Don't`), so one stray
 * apostrophe cannot swallow the rest of the file.
 */
export function lexJavaScript(text: string): LexResult {
  const cursor = new LexCursor(text);
  const templates: OpenTemplate[] = [];
  const length = text.length;
  let pos = text.startsWith('#!') ? lineEnd(text, 0) : 0;

  while (pos < length) {
    const code = text.charCodeAt(pos);
    if (code === 32 || code === 10 || code === 9 || code === 13 || code === 12 || code === 0xfeff) {
      pos += 1;
      continue;
    }
    if (code === 47) {
      const next = text.charCodeAt(pos + 1);
      if (next === 47) {
        const end = lineEnd(text, pos);
        cursor.comment(pos, end);
        pos = end;
        continue;
      }
      if (next === 42) {
        const close = text.indexOf('*/', pos + 2);
        const end = close === -1 ? length : close + 2;
        if (close === -1) cursor.problem('unterminated block comment', pos);
        cursor.comment(pos, end);
        pos = end;
        continue;
      }
      if (regexAllowed(cursor.tokens[cursor.tokens.length - 1])) {
        const end = scanRegex(text, pos);
        if (end !== -1) {
          cursor.push(TokenKind.Regex, text.slice(pos, end), pos, end);
          pos = end;
          continue;
        }
      }
    }
    if (code === 34 || code === 39) {
      const end = readQuoted(cursor, pos);
      if (end !== -1) {
        pos = end;
        continue;
      }
      cursor.push(TokenKind.Punct, text.charAt(pos), pos, pos + 1);
      pos += 1;
      continue;
    }
    if (code === 96) {
      const token = cursor.push(TokenKind.Template, '', pos, pos);
      pos = readTemplateChunk(cursor, templates, { token, parts: [], depth: cursor.depth }, pos + 1);
      continue;
    }
    if (code === 125 && templates.length > 0 && templates[templates.length - 1]?.depth === cursor.depth - 1) {
      const open = templates.pop() as OpenTemplate;
      cursor.close(pos, '}');
      pos = readTemplateChunk(cursor, templates, open, pos + 1);
      continue;
    }
    if (isIdentStart(code) || (code === 35 && isIdentStart(text.charCodeAt(pos + 1)))) {
      let end = pos + 1;
      while (end < length && isIdentPart(text.charCodeAt(end))) end += 1;
      cursor.push(TokenKind.Name, text.slice(pos, end), pos, end);
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
  for (const open of templates) {
    open.token.value = open.parts.join('');
    cursor.problem('unterminated template literal', open.token.start);
  }
  cursor.reportUnclosed();
  return { tokens: cursor.tokens, comments: cursor.comments, lineStarts: cursor.lineStarts, problems: cursor.problems };
}

function lineEnd(text: string, pos: number): number {
  const end = text.indexOf('\n', pos);
  return end === -1 ? text.length : end;
}

function regexAllowed(previous: Token | undefined): boolean {
  if (previous === undefined) return true;
  switch (previous.kind) {
    case TokenKind.Name:
      return REGEX_AFTER_WORDS.has(previous.value);
    case TokenKind.Punct:
      return previous.value !== ')' && previous.value !== ']' && previous.value !== '++' && previous.value !== '--';
    default:
      return false;
  }
}

/** End of a regex literal at `pos`, or -1 when it does not close on its line (then it was a division). */
function scanRegex(text: string, pos: number): number {
  let index = pos + 1;
  let inClass = false;
  while (index < text.length) {
    const char = text.charAt(index);
    if (char === '\n') return -1;
    if (char === '\\') index += 2;
    else if (char === '[') {
      inClass = true;
      index += 1;
    } else if (char === ']') {
      inClass = false;
      index += 1;
    } else if (char === '/' && !inClass) {
      index += 1;
      while (index < text.length && isIdentPart(text.charCodeAt(index))) index += 1;
      return index;
    } else index += 1;
  }
  return -1;
}

/** Reads a '...' or "..." string; returns its end, or -1 when it does not close on its line. */
function readQuoted(cursor: LexCursor, start: number): number {
  const text = cursor.text;
  const quote = text.charAt(start);
  const parts: string[] = [];
  let pos = start + 1;
  let runStart = pos;
  while (pos < text.length) {
    const char = text.charAt(pos);
    if (char === quote) {
      parts.push(text.slice(runStart, pos));
      cursor.push(TokenKind.String, parts.join(''), start, pos + 1);
      return pos + 1;
    }
    if (char === '\n') return -1;
    if (char === '\\') {
      parts.push(text.slice(runStart, pos));
      let next = text.charAt(pos + 1);
      let skip = 2;
      if (next === '\r' && text.charAt(pos + 2) === '\n') {
        next = '\n';
        skip = 3;
      }
      parts.push(decodeEscape(next, false));
      pos += skip;
      runStart = pos;
      continue;
    }
    pos += 1;
  }
  return -1;
}

/** Reads template text from `pos` up to the closing backtick or the next `${`. Returns the new offset. */
function readTemplateChunk(cursor: LexCursor, templates: OpenTemplate[], open: OpenTemplate, pos: number): number {
  const text = cursor.text;
  let runStart = pos;
  while (pos < text.length) {
    const char = text.charAt(pos);
    if (char === '`') {
      open.parts.push(text.slice(runStart, pos));
      open.token.value = open.parts.join('');
      open.token.end = pos + 1;
      return pos + 1;
    }
    if (char === '\\') {
      open.parts.push(text.slice(runStart, pos), decodeEscape(text.charAt(pos + 1), false));
      pos += 2;
      runStart = pos;
      continue;
    }
    if (char === '$' && text.charAt(pos + 1) === '{') {
      open.parts.push(text.slice(runStart, pos), '{}');
      open.depth = cursor.depth;
      templates.push(open);
      cursor.open('{', pos + 1);
      return pos + 2;
    }
    pos += 1;
  }
  open.parts.push(text.slice(runStart, pos));
  open.token.value = open.parts.join('');
  open.token.end = pos;
  cursor.problem('unterminated template literal', open.token.start);
  return pos;
}

/** Characters that can start an operator of two or more characters. */
const MULTI_CHAR_START = new Uint8Array(128);
for (const char of '=!.*?|&><+-/%^') MULTI_CHAR_START[char.charCodeAt(0)] = 1;

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
  if (TWO_CHAR_OPS.has(two) || (two === '?.' && !isDigit(text.charCodeAt(pos + 2)))) {
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
