import { skipReplacementField } from '../lexer/python.js';
import { MaskBuilder, type MaskedSource } from './masked-source.js';

const PREFIX = /^(?:[rRuUbBfFtT]|[rR][bBfFtT]|[bBfFtT][rR])$/;

/**
 * Masks Python source: comments and string contents (single, triple-quoted, prefixed, f-strings
 * with nested quotes in their replacement fields) become spaces. Linear, jumps between the only
 * characters that matter with a native regex search, never throws.
 */
export function maskPython(text: string): MaskedSource {
  const mask = new MaskBuilder(text);
  const special = /[#"']/g;
  let pos = 0;
  while (pos < text.length) {
    special.lastIndex = pos;
    const match = special.exec(text);
    if (!match) break;
    const at = match.index;
    if (text.charCodeAt(at) === 35) {
      const newline = text.indexOf('\n', at);
      const end = newline === -1 ? text.length : newline;
      mask.blank(at, end);
      pos = end;
      continue;
    }
    pos = readString(mask, at, prefixBefore(text, at));
  }
  return mask.finish();
}

/** The string prefix (`f`, `rb`...) glued to the quote at `quoteAt`, lower-cased, or ''. */
function prefixBefore(text: string, quoteAt: number): string {
  if (quoteAt === 0 || !isWordCode(text.charCodeAt(quoteAt - 1))) return '';
  let start = quoteAt;
  while (start > 0 && quoteAt - start < 3 && isWordCode(text.charCodeAt(start - 1))) start -= 1;
  if (start === quoteAt || quoteAt - start > 2) return '';
  const prefix = text.slice(start, quoteAt);
  return PREFIX.test(prefix) ? prefix.toLowerCase() : '';
}

function isWordCode(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95;
}

/** Reads the string whose opening quote is at `quoteAt`; returns the offset after it. */
function readString(mask: MaskBuilder, quoteAt: number, prefix: string): number {
  const text = mask.text;
  const quote = text.charCodeAt(quoteAt);
  const isTriple = text.charCodeAt(quoteAt + 1) === quote && text.charCodeAt(quoteAt + 2) === quote;
  const isFormatted = prefix.includes('f') || prefix.includes('t');
  const quoteLength = isTriple ? 3 : 1;
  let pos = quoteAt + quoteLength;
  while (pos < text.length) {
    const code = text.charCodeAt(pos);
    if (code === 92) {
      pos += 2;
      continue;
    }
    if (code === quote && (!isTriple || (text.charCodeAt(pos + 1) === quote && text.charCodeAt(pos + 2) === quote))) {
      const end = pos + quoteLength;
      mask.string(quoteAt, end, quoteLength, true);
      return end;
    }
    if (code === 10 && !isTriple) break;
    if (isFormatted && code === 123) {
      if (text.charCodeAt(pos + 1) === 123) pos += 2;
      else pos = skipReplacementField(text, pos + 1, String.fromCharCode(quote), isTriple);
      continue;
    }
    pos += 1;
  }
  const end = Math.min(pos, text.length);
  mask.problem('unterminated string literal', quoteAt);
  mask.string(quoteAt, end, quoteLength, false);
  return end;
}
