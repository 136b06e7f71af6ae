import { describe, expect, it } from 'vitest';
import { maskJavaScript } from './mask-javascript.js';
import { maskPython } from './mask-python.js';
import { stringValue } from './masked-source.js';

describe('maskPython', () => {
  it.each([
    ['comments', 'x = 1  # while True: pass\n', 'x = 1                    \n'],
    ['string contents, quotes kept', 'url = "http://localhost:8000"\n', 'url = "                     "\n'],
    ['prefixed and triple-quoted strings keep their lines', 'd = rb"""a\nb"""\n', 'd = rb""" \n """\n'],
    ['f-strings with the same quote inside a field (3.12)', 's = f"{d["k"]}(" + x\n', 's = f"         " + x\n'],
    ['an identifier ending in a prefix letter is not a prefix', 'elif"x": pass\n', 'elif" ": pass\n'],
  ])('blanks %s', (_name, source, expected) => {
    const masked = maskPython(source);
    expect(masked.code).toBe(expected);
    expect(masked.code.length).toBe(source.length);
  });

  it('reports an unterminated string and keeps going on the next line', () => {
    const masked = maskPython('a = "open\nb = (1)\n');
    expect(masked.problems.map((problem) => problem.message)).toEqual(['unterminated string literal']);
    expect(masked.code).toBe('a = "    \nb = (1)\n');
  });

  it('reads string values back from the original text', () => {
    const masked = maskPython('p = "C:\\\\Users\\\\bob"\n');
    expect(stringValue(masked, 0)).toBe('C:\\Users\\bob');
  });
});

describe('maskJavaScript', () => {
  it.each([
    ['line and block comments', 'a(); // x()\n/* y()\n */ b();\n', `a(); ${' '.repeat(6)}\n${' '.repeat(6)}\n    b();\n`],
    ['a regex literal after an operator', 'const re = /[(")]/g;\n', 'const re = /     /g;\n'],
    ['a division is not a regex', 'const half = total / 2 / count;\n', 'const half = total / 2 / count;\n'],
    ['templates with nested templates and braces', 'const s = `a ${b ? `${c}}` : "{"} d`; f();\n', `const s = \`${' '.repeat(24)}\`; f();\n`],
    ["a JSX apostrophe that never closes", "const p = <p>Don't {x}</p>;\n", "const p = <p>Don't {x}</p>;\n"],
  ])('blanks %s', (_name, source, expected) => {
    const masked = maskJavaScript(source);
    expect(masked.code).toBe(expected);
    expect(masked.code.length).toBe(source.length);
  });

  it('reports an unterminated template literal', () => {
    expect(maskJavaScript('const s = `open ${x}\n').problems.map((problem) => problem.message)).toEqual(['unterminated template literal']);
  });
});
