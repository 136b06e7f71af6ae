import { describe, expect, it } from 'vitest';
import { parseDockerfile } from './dockerfile.js';
import { parseIni } from './ini.js';
import { parseYaml } from './yaml.js';

describe('parseDockerfile', () => {
  it.each([
    ['shell-form CMD', 'FROM python:3.12\nCMD python app.py', { keyword: 'CMD', args: 'python app.py', line: 2, argsColumn: 5 }],
    ['exec-form CMD', 'FROM node:20\nCMD ["node", "server.js"]', { keyword: 'CMD', execForm: ['node', 'server.js'] }],
    ['lower-case keyword', 'from node:20\nexpose 3000', { keyword: 'EXPOSE', args: '3000' }],
    ['continuation lines are joined', 'FROM node:20\nRUN npm ci \\\n  && npm run build', { keyword: 'RUN', args: 'npm ci && npm run build', line: 2 }],
    ['comment lines inside a continuation are dropped', 'FROM node:20\nRUN a \\\n# note\n  b', { args: 'a b' }],
    ['escape directive', '# escape=`\nFROM mcr.microsoft.com/windows\nRUN dir `\n  c:\\', { keyword: 'RUN', args: 'dir c:\\', line: 3 }],
  ])('%s', (_name, text, expected) => {
    const { instructions, problems } = parseDockerfile(text);
    expect(problems).toEqual([]);
    expect(instructions.at(-1)).toMatchObject(expected);
  });

  it('skips heredoc bodies and keeps later line numbers', () => {
    const { instructions, problems } = parseDockerfile('FROM alpine\nRUN <<EOF\necho hi\nCMD not-an-instruction\nEOF\nCMD ["sh"]\n');
    expect(problems).toEqual([]);
    expect(instructions.map((instruction) => `${instruction.line}:${instruction.keyword}`)).toEqual(['1:FROM', '2:RUN', '6:CMD']);
    expect(instructions[1]?.heredocs).toEqual(['echo hi\nCMD not-an-instruction']);
  });

  it.each([
    ['unknown instruction', 'FROM node\nCOPPY . .', '2: unknown instruction COPPY'],
    ['instruction before FROM', 'RUN echo hi\nFROM node', '1: RUN before the first FROM'],
    ['ARG before FROM is allowed, empty args are not', 'ARG BASE=node\nFROM $BASE\nWORKDIR', '3: WORKDIR has no arguments'],
    ['single-quoted exec form', "FROM python\nCMD ['python', 'app.py']", '2: CMD looks like exec form but is not a JSON array (exec form needs double quotes), so Docker runs it as a shell command'],
    ['exec form with a number', 'FROM node\nENTRYPOINT ["node", 3]', '2: ENTRYPOINT exec form must be a JSON array of strings'],
    ['unterminated heredoc', 'FROM alpine\nRUN <<EOF\necho', '2: heredoc <<EOF is never closed'],
    ['garbage line', 'FROM node\n--> merge conflict', '2: line is not an instruction: "--> merge conflict"'],
  ])('reports %s', (_name, text, expected) => {
    const { problems } = parseDockerfile(text);
    expect(problems.map((problem) => `${problem.line}: ${problem.message}`)).toEqual([expected]);
  });

  it('survives binary-looking and enormous input', () => {
    expect(() => parseDockerfile('\u0000\u0001FROM\n'.repeat(5000))).not.toThrow();
    expect(parseDockerfile(`FROM a\nRUN ${'x \\\n'.repeat(20_000)}y`).instructions[1]?.args.length).toBeGreaterThan(20_000);
  });
});

describe('parseYaml', () => {
  it('parses and locates keys and sequence items, with merge keys', () => {
    const doc = parseYaml('x-env: &env\n  LOG_LEVEL: info\nservices:\n  web:\n    environment:\n      <<: *env\n      PORT: "8000"\n    ports:\n      - "8000:8000"\n');
    expect(doc.problems).toEqual([]);
    expect(doc.data).toMatchObject({ services: { web: { environment: { LOG_LEVEL: 'info', PORT: '8000' }, ports: ['8000:8000'] } } });
    expect(doc.positionOf(['services', 'web', 'environment', 'PORT'])).toEqual({ line: 7, column: 7 });
    expect(doc.positionOf(['services', 'web', 'ports', 0])).toEqual({ line: 9, column: 9 });
    expect(doc.positionOf(['services', 'db'])).toBeUndefined();
  });

  it.each([
    ['bad indentation', 'services:\n  web:\n    image: a\n   build: .\n', /^YAML syntax error: /],
    ['duplicate key', 'services:\n  web: {}\n  web: {}\n', /YAML syntax error: Map keys must be unique/],
    ['unclosed flow sequence', 'ports: [80, 443\n', /^YAML syntax error: /],
    ['alias bomb', `a: &a [x, x]\nb: &b [${'*a, '.repeat(30)}*a]\nc: &c [${'*b, '.repeat(30)}*b]\nd: [${'*c, '.repeat(30)}*c]\n`, /^cannot read YAML: /],
  ])('reports %s as a problem with a line', (_name, text, pattern) => {
    const doc = parseYaml(text);
    expect(doc.problems[0]?.message).toMatch(pattern);
    expect(doc.problems[0]?.line).toBeGreaterThanOrEqual(1);
  });

  it('survives very deep nesting', () => {
    const doc = parseYaml(`${'['.repeat(50_000)}${']'.repeat(50_000)}`);
    expect(doc.problems.length + (doc.data === undefined ? 0 : 1)).toBeGreaterThan(0);
  });
});

describe('parseIni', () => {
  it('reads supervisord configparser syntax: continuations, inline comments, lower-cased keys', () => {
    const doc = parseIni('[supervisord]\nnodaemon=true\n\n[program:web]\nCommand = gunicorn app:app ; the web process\nenvironment=A="1",\n  B="2"\n', 'python');
    expect(doc.problems).toEqual([]);
    expect(doc.sections.map((section) => section.name)).toEqual(['supervisord', 'program:web']);
    expect(doc.sections[1]?.entries).toEqual([
      { key: 'command', value: 'gunicorn app:app', line: 5, valueColumn: 11 },
      { key: 'environment', value: 'A="1",\nB="2"', line: 6, valueColumn: 13 },
    ]);
  });

  it('reads systemd units: repeated keys and backslash continuations', () => {
    const doc = parseIni('[Service]\nEnvironment=A=1\nEnvironment=B=2\nExecStart=/usr/bin/node \\\n  server.js\n', 'systemd');
    expect(doc.problems).toEqual([]);
    expect(doc.sections[0]?.entries.map((entry) => `${entry.line} ${entry.key}=${entry.value}`)).toEqual(['2 Environment=A=1', '3 Environment=B=2', '4 ExecStart=/usr/bin/node server.js']);
  });

  it.each([
    ['python', 'command=x\n[program:a]\n', '1: command is outside any [section]'],
    ['python', '[program:a\ncommand=x\n', '1: section header is not closed: "[program:a"'],
    ['python', '[program:a]\ncommand=x\n[program:a]\n', '3: section [program:a] is declared twice'],
    ['python', '[program:a]\ncommand=x\ncommand=y\n', '3: command is set twice in [program:a]'],
    ['python', '[program:a]\njust words\n', '2: line is not key=value: "just words"'],
    ['systemd', '[Service]\nExec Start=/bin/true\n', '2: line is not key=value: "Exec Start=/bin/true"'],
  ] as const)('%s dialect: %j', (dialect, text, expected) => {
    const { problems } = parseIni(text, dialect);
    expect(problems.map((problem) => `${problem.line}: ${problem.message}`)).toEqual([expected]);
  });
});
