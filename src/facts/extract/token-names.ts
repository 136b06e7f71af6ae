import { type Token, TokenKind } from '../../parsers/lexer/token.js';

/** `sys.path.insert(` -> "sys.path.insert"; '' when the bracket is not a call. */
export function dottedNameBefore(tokens: Token[], parenIndex: number): string {
  const parts: string[] = [];
  let index = parenIndex - 1;
  while (index >= 0) {
    const token = tokens[index] as Token;
    if (token.kind !== TokenKind.Name) break;
    parts.unshift(token.value);
    const dot = tokens[index - 1];
    if (!dot || dot.kind !== TokenKind.Punct || (dot.value !== '.' && dot.value !== '?.')) break;
    index -= 2;
  }
  return parts.join('.');
}
