import { MaskBuilder, type MaskedSource } from './masked-source.js';

/** After these words a `/` starts a regular expression, not a division. */
const REGEX_AFTER_WORDS = new Set(['return', 'typeof', 'instanceof', 'in', 'of', 'new', 'delete', 'void', 'throw', 'case', 'do', 'else', 'yield', 'await']);

/**
 * Masks JavaScript/TypeScript (and JSX): comments, string, template (with nested `${}` parts) and
 * regex literal contents become spaces. Quotes that do not close on their line are plain
 * characters (JSX text such as `Don't`), as in the lexer. Linear and iterative, never throws.
 */
export function maskJavaScript(text: string): MaskedSource {
  const mask = new MaskBuilder(text);
  const special = /["'`/]/g;
  let pos = 0;
  if (text.startsWith('#!')) {
    const newline = text.indexOf('\n');
    pos = newline === -1 ? text.length : newline;
    mask.blank(0, pos);
  }
  let lastComment = { start: -1, end: -1 };
  while (pos < text.length) {
    special.lastIndex = pos;
    const match = special.exec(text);
    if (!match) break;
    const at = match.index;
    const code = text.charCodeAt(at);
    if (code === 47) {
      const next = text.charCodeAt(at + 1);
      if (next === 47 || next === 42) {
        const end = commentEnd(text, at, next === 42);
        if (end === -1) {
          mask.problem('unterminated block comment', at);
          mask.blank(at, text.length);
          return mask.finish();
        }
        mask.blank(at, end);
        lastComment = { start: at, end };
        pos = end;
        continue;
      }
      const regexEnd = isRegexStart(text, at, lastComment) ? scanRegex(text, at) : -1;
      if (regexEnd !== -1) {
        // The flags after the closing slash stay as code (they are letters, harmless there).
        mask.string(at, regexEnd, 1, true);
        pos = regexEnd;
      } else pos = at + 1;
      continue;
    }
    if (code === 96) {
      pos = readTemplate(mask, at);
      continue;
    }
    const end = quotedEnd(text, at);
    if (end === -1) {
      pos = at + 1;
      continue;
    }
    mask.string(at, end, 1, true);
    pos = end;
  }
  return mask.finish();
}

function commentEnd(text: string, at: number, isBlock: boolean): number {
  if (isBlock) {
    const close = text.indexOf('*/', at + 2);
    return close === -1 ? -1 : close + 2;
  }
  const newline = text.indexOf('\n', at);
  return newline === -1 ? text.length : newline;
}

/** End of a '...' or "..." string at `at`, or -1 when it does not close on its line. */
function quotedEnd(text: string, at: number): number {
  const quote = text.charCodeAt(at);
  let pos = at + 1;
  while (pos < text.length) {
    const code = text.charCodeAt(pos);
    if (code === quote) return pos + 1;
    if (code === 10) return -1;
    if (code === 92) pos += text.charCodeAt(pos + 1) === 13 && text.charCodeAt(pos + 2) === 10 ? 3 : 2;
    else pos += 1;
  }
  return -1;
}

/** Decides from the previous significant character whether a `/` at `at` starts a regex literal. */
function isRegexStart(text: string, at: number, lastComment: { start: number; end: number }): boolean {
  let index = at - 1;
  while (index >= 0) {
    const code = text.charCodeAt(index);
    if (code === 32 || code === 9 || code === 10 || code === 13) index -= 1;
    else if (index < lastComment.end && index >= lastComment.start) index = lastComment.start - 1;
    else break;
  }
  if (index < 0) return true;
  const code = text.charCodeAt(index);
  if (code === 41 || code === 93 || code === 34 || code === 39 || code === 96) return false;
  if (isIdentCode(code)) {
    let start = index;
    while (start > 0 && isIdentCode(text.charCodeAt(start - 1))) start -= 1;
    return REGEX_AFTER_WORDS.has(text.slice(start, index + 1));
  }
  // `x++ / 2`, `x-- / 2`
  if ((code === 43 || code === 45) && text.charCodeAt(index - 1) === code) return false;
  return true;
}

function isIdentCode(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95 || code === 36 || code > 127;
}

/** Offset after the closing slash of a regex literal at `at`, or -1 when it does not close on its line (then it was a division). */
function scanRegex(text: string, at: number): number {
  let pos = at + 1;
  let inClass = false;
  while (pos < text.length) {
    const code = text.charCodeAt(pos);
    if (code === 10) return -1;
    if (code === 92) pos += 2;
    else if (code === 91) {
      inClass = true;
      pos += 1;
    } else if (code === 93) {
      inClass = false;
      pos += 1;
    } else if (code === 47 && !inClass) return pos + 1;
    else pos += 1;
  }
  return -1;
}

/**
 * Reads a template literal from its backtick, including `${...}` parts that hold code with their
 * own strings, comments and nested templates (an explicit stack, so nesting depth costs no native
 * stack). The whole literal is one masked string. Returns the offset after it.
 */
function readTemplate(mask: MaskBuilder, at: number): number {
  const text = mask.text;
  // Each entry: brace depth inside a `${` part (-1 = in template text).
  const stack: number[] = [-1];
  let pos = at + 1;
  while (pos < text.length && stack.length > 0) {
    const top = stack[stack.length - 1] as number;
    const code = text.charCodeAt(pos);
    if (top === -1) {
      if (code === 92) pos += 2;
      else if (code === 96) {
        stack.pop();
        pos += 1;
      } else if (code === 36 && text.charCodeAt(pos + 1) === 123) {
        stack[stack.length - 1] = 0;
        pos += 2;
      } else pos += 1;
      continue;
    }
    if (code === 96) {
      stack.push(-1);
      pos += 1;
    } else if (code === 123) {
      stack[stack.length - 1] = top + 1;
      pos += 1;
    } else if (code === 125) {
      stack[stack.length - 1] = top === 0 ? -1 : top - 1;
      pos += 1;
    } else if (code === 34 || code === 39) {
      const end = quotedEnd(text, pos);
      pos = end === -1 ? pos + 1 : end;
    } else if (code === 47 && (text.charCodeAt(pos + 1) === 47 || text.charCodeAt(pos + 1) === 42)) {
      const end = commentEnd(text, pos, text.charCodeAt(pos + 1) === 42);
      pos = end === -1 ? text.length : end;
    } else pos += 1;
  }
  const isClosed = stack.length === 0;
  const end = Math.min(pos, text.length);
  if (!isClosed) mask.problem('unterminated template literal', at);
  mask.string(at, end, 1, isClosed);
  return end;
}
