import { describe, expect, it } from 'vitest';
import { lexJavaScript } from './javascript.js';
import { TokenKind } from './token.js';

function literals(source: string): string[] {
  return lexJavaScript(source)
    .tokens.filter((token) => token.kind === TokenKind.String || token.kind === TokenKind.Template)
    .map((token) => token.value);
}

describe('lexJavaScript', () => {
  it.each([
    ['quotes and escapes', `const a = 'it\\'s'; const b = "x\\ty";`, ["it's", 'x\ty']],
    ['template with substitutions', 'const u = `/home/${user}/app`;', ['/home/{}/app']],
    ['nested templates', 'const s = `a${`b${c}`}d`;', ['a{}d', 'b{}']],
    ['object literal inside substitution', 'const s = `${ {a: "x"}.a }!`;', ['{}!', 'x']],
    ['line comment hides quotes', `const a = 1; // "not"`, []],
    ['block comment hides quotes', `/* 'no' */ const b = "yes";`, ['yes']],
    ['regex literal is not a string', `const r = /"quoted"/g; const s = 'after';`, ['after']],
    ['division is not a regex', `const half = total / 2; const s = "x" / 1;`, ['x']],
    ['regex after return', `function f() { return /'/.test(s) ? 'a' : 'b'; }`, ['a', 'b']],
    ['JSX apostrophe does not swallow the file', `const el = <p>Don't panic</p>;\nconst path = "/home/bob";`, ['/home/bob']],
  ])('%s', (_name, source, expected) => {
    expect(literals(source)).toEqual(expected);
  });

  it('skips a hashbang line', () => {
    expect(literals('#!/usr/bin/env node\nconst a = "x";')).toEqual(['x']);
  });

  it('tracks bracket depth through substitutions', () => {
    const { tokens, problems } = lexJavaScript('const s = `${a}`; const o = { k: 1 };');
    expect(problems).toEqual([]);
    expect(tokens.find((token) => token.value === 'k')?.depth).toBe(1);
  });

  it('reports an unterminated template and block comment', () => {
    expect(lexJavaScript('const s = `open').problems[0]?.message).toBe('unterminated template literal');
    expect(lexJavaScript('/* open').problems[0]?.message).toBe('unterminated block comment');
    // Reported where the template starts, even though the lexer has read on to the end of the file.
    expect(lexJavaScript('const s = `open\nmore\nlines').problems[0]).toEqual({ message: 'unterminated template literal', line: 1, column: 11 });
  });

  it('names the innermost brace left open at the end of the file, where it opens', () => {
    const source = "export function label(count) {\n  if (count === 1) {\n    return 'one';\n  return 'many';\n}\n";
    expect(lexJavaScript(source).problems).toEqual([{ message: "'{' is never closed", line: 1, column: 30 }]);
    expect(lexJavaScript('const s = `${f(`').problems.map((problem) => problem.message)).toContain("'(' is never closed (nor the bracket opened before it)");
  });
});
