import { describe, expect, it } from 'vitest';
import { parseDotenv } from './dotenv.js';
import { parseJson } from './json.js';
import { parseProcfile } from './procfile.js';
import { parseToml } from './toml.js';

describe('parseDotenv', () => {
  it.each([
    ['plain', 'PORT=8000', { key: 'PORT', value: '8000', quote: 'none' }],
    ['export prefix', 'export NODE_ENV=production', { key: 'NODE_ENV', value: 'production', isExported: true }],
    ['double quotes with escapes', 'GREETING="hi\\nthere"', { value: 'hi\nthere', quote: 'double' }],
    ['single quotes are literal', "PATTERN='a\\nb'", { value: 'a\\nb', quote: 'single' }],
    ['inline comment after unquoted value', 'LEVEL=info # verbose in dev', { value: 'info' }],
    ['hash inside quotes is kept', 'COLOR="#ff0000"', { value: '#ff0000' }],
    ['spaces around equals', 'KEY = value', { value: 'value', hasSpaceAroundEquals: true }],
    ['empty value', 'EMPTY=', { value: '' }],
    ['url with equals signs', 'DSN=postgres://u:p@h/db?sslmode=require', { value: 'postgres://u:p@h/db?sslmode=require' }],
  ])('%s', (_name, line, expected) => {
    const { entries, problems } = parseDotenv(line);
    expect(problems).toEqual([]);
    expect(entries[0]).toMatchObject(expected);
  });

  it('reads a multi-line double-quoted value and keeps line numbers of later keys', () => {
    const { entries } = parseDotenv('KEY="-----BEGIN KEY-----\nabc\n-----END KEY-----"\nNEXT=1\n');
    expect(entries.map((entry) => [entry.key, entry.line])).toEqual([['KEY', 1], ['NEXT', 4]]);
    expect(entries[0]?.value).toBe('-----BEGIN KEY-----\nabc\n-----END KEY-----');
  });

  it('reports malformed lines with positions and goes on', () => {
    const { entries, problems } = parseDotenv('GOOD=1\nnot an assignment\n9LIVES=x\nmy-key=1\nBAD="open\n');
    expect(entries.map((entry) => entry.key)).toEqual(['GOOD', 'my-key', 'BAD']);
    expect(problems.map((problem) => `${problem.line}: ${problem.message}`)).toEqual([
      '2: line is not KEY=value: "not an assignment"',
      '3: invalid variable name "9LIVES"',
      `4: variable name "my-key" contains '.' or '-', which shells cannot export`,
      '5: unterminated double-quoted value',
    ]);
  });
});

describe('parseProcfile', () => {
  it('parses process types with command columns', () => {
    const { entries, problems } = parseProcfile('# processes\nweb: gunicorn app:app\nworker:   python worker.py\n');
    expect(problems).toEqual([]);
    expect(entries).toEqual([
      { process: 'web', command: 'gunicorn app:app', line: 2, commandColumn: 6 },
      { process: 'worker', command: 'python worker.py', line: 3, commandColumn: 11 },
    ]);
  });

  it('flags lines without a type, empty commands and duplicates', () => {
    const { problems } = parseProcfile('web gunicorn app:app\nworker:\nweb: a\nweb: b\n');
    expect(problems.map((problem) => problem.line)).toEqual([1, 2, 4]);
  });
});

describe('parseToml', () => {
  it('parses and locates keys, tables and array tables', () => {
    const doc = parseToml('run = "python main.py"\n\n[deployment]\nrun = ["sh", "-c", "x"]\n\n[[ports]]\nlocalPort = 3000\n\n[[ports]]\nlocalPort = 8000\n');
    expect(doc.problems).toEqual([]);
    expect(doc.data.run).toBe('python main.py');
    expect(doc.lineOf(['run'])).toBe(1);
    expect(doc.lineOf(['deployment', 'run'])).toBe(4);
    expect(doc.lineOf(['ports', '1', 'localPort'])).toBe(10);
    expect(doc.lineOf(['missing'])).toBeUndefined();
  });

  it('turns a syntax error into a problem with its position', () => {
    const doc = parseToml('a = 1\nb = = 2\n');
    expect(doc.data).toEqual({});
    expect(doc.problems[0]).toMatchObject({ line: 2 });
    expect(doc.problems[0]?.message).toMatch(/^TOML syntax error: /);
  });
});

describe('parseJson', () => {
  it('locates values and tolerates comments and trailing commas', () => {
    const doc = parseJson('{\n  // scripts\n  "scripts": { "start": "node server.js", },\n}\n');
    expect(doc.problems).toEqual([]);
    expect(doc.data).toEqual({ scripts: { start: 'node server.js' } });
    expect(doc.positionOf(['scripts', 'start'])).toEqual({ line: 3, column: 25 });
  });

  it('does not let __proto__ keys touch the prototype', () => {
    const doc = parseJson('{"__proto__": {"polluted": true}}');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(doc.data as object)).toEqual(['__proto__']);
  });

  it('survives documents nested deeper than the parser can recurse', () => {
    const doc = parseJson(`${'['.repeat(200_000)}${']'.repeat(200_000)}`);
    expect(doc.problems.length + (doc.data === undefined ? 0 : 1)).toBeGreaterThan(0);
  });
});
