import { describe, expect, it } from 'vitest';
import { lexPython } from './python.js';
import { TokenKind } from './token.js';

function strings(source: string): string[] {
  return lexPython(source)
    .tokens.filter((token) => token.kind === TokenKind.String || token.kind === TokenKind.Template)
    .map((token) => token.value);
}

describe('lexPython', () => {
  it.each([
    ['single and double quotes', `a = 'x'\nb = "y"`, ['x', 'y']],
    ['escapes decoded', `p = "C:\\\\Users\\\\bob"`, ['C:\\Users\\bob']],
    ['raw strings keep backslashes', `p = r"C:\\Users\\bob"`, ['C:\\Users\\bob']],
    ['triple-quoted spans lines', `d = """one\ntwo"""\nx = 'z'`, ['one\ntwo', 'z']],
    ['f-string replacement fields blanked', `u = f"/home/{user}/app"`, ['/home/{}/app']],
    ['f-string doubled braces', `s = f"{{literal}}"`, ['{literal}']],
    ['f-string nested quotes (3.12)', `s = f"{d["k"]}!"`, ['{}!']],
    ['bytes and unicode prefixes', `b = b'raw' + u'text'`, ['raw', 'text']],
    ['comment is not a string', `x = 1  # "not a string"`, []],
  ])('%s', (_name, source, expected) => {
    expect(strings(source)).toEqual(expected);
  });

  it('keeps comments with positions', () => {
    const { comments } = lexPython('x = 1\n# liveready-ignore[a/b] reason\ny = 2');
    expect(comments).toEqual([{ text: '# liveready-ignore[a/b] reason', line: 2, column: 1, start: 6 }]);
  });

  it('emits logical newlines only outside brackets', () => {
    const { tokens } = lexPython('call(\n  1,\n  2)\nnext_line\n');
    const newlines = tokens.filter((token) => token.kind === TokenKind.Newline).map((token) => token.line);
    expect(newlines).toEqual([3, 4]);
  });

  it('joins backslash continuations', () => {
    const { tokens } = lexPython('total = 1 + \\\n    2\n');
    expect(tokens.filter((token) => token.kind === TokenKind.Newline)).toHaveLength(1);
  });

  it('reports positions in 1-based lines and columns', () => {
    const { tokens } = lexPython('\n  value = "x"');
    const literal = tokens.find((token) => token.kind === TokenKind.String);
    expect(literal).toMatchObject({ line: 2, column: 11 });
  });

  it('recovers from an unterminated string at the line end', () => {
    const result = lexPython('a = "open\nb = "closed"\n');
    expect(result.problems[0]?.message).toBe('unterminated string literal');
    expect(strings('a = "open\nb = "closed"\n')).toEqual(['open', 'closed']);
  });

  it('records unbalanced brackets without throwing', () => {
    const result = lexPython('x = (1, 2]\ny = ]\nz = (\n');
    expect(result.problems.map((problem) => problem.message)).toEqual([
      "']' closes '('",
      "unbalanced closing ']'",
      "'(' is never closed",
    ]);
    // Where Python points ("'(' was never closed"): the bracket itself, not the end of the file.
    expect(result.problems[2]).toMatchObject({ line: 3, column: 5 });
  });

  it('names the innermost bracket left open, where it opens', () => {
    const { problems } = lexPython('x = foo(1, [2, 3\ny = 2\n');
    expect(problems).toEqual([{ message: "'[' is never closed (nor the bracket opened before it)", line: 1, column: 12 }]);
  });

  it('recovers statement boundaries after an unclosed bracket', () => {
    const { tokens, problems } = lexPython('config = load(\n\ndef handler():\n    return 1\n');
    expect(problems[0]).toEqual({ message: "'(' is never closed: line 3 starts a new statement", line: 1, column: 14 });
    expect(tokens.find((token) => token.value === 'def')?.depth).toBe(0);
  });

  it('handles 1,000 levels of nesting without recursion', () => {
    const source = `x = ${'('.repeat(1000)}1${')'.repeat(1000)}\n`;
    const result = lexPython(source);
    expect(result.problems).toEqual([]);
    expect(Math.max(...result.tokens.map((token) => token.depth))).toBe(1000);
  });
});
