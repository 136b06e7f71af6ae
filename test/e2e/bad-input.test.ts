import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Report } from '../../src/model/report.js';
import { runCli } from '../support/run-cli.js';

let root = '';
afterEach(() => {
  if (root) rmSync(root, { recursive: true, force: true });
  root = '';
});

function tree(files: Record<string, string | Buffer>): string {
  root = mkdtempSync(join(tmpdir(), 'liveready-bad-input-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

describe('hostile trees', () => {
  it('reports a binary file, a 5 MB minified bundle, invalid UTF-8 and a symlink loop as skipped, and completes', () => {
    const dir = tree({
      'app.py': 'print("ready")\n',
      'static/logo.dat': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x0d, 0x0a, 0x00, 0x01]),
      'static/bundle.js': `var a=${'1+'.repeat(2_500_000)}1;`,
      'legacy/latin1.py': Buffer.concat([Buffer.from('NAME = "caf'), Buffer.from([0xe9]), Buffer.from('"\n')]),
    });
    symlinkSync('loop-b', join(dir, 'loop-a'));
    symlinkSync('loop-a', join(dir, 'loop-b'));
    symlinkSync('.', join(dir, 'self'));

    const result = runCli(['audit', dir, '--static', '--format', 'json'], { timeoutMs: 30_000 });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout) as Report;
    const reasons = Object.fromEntries(report.stats.skipped.map((entry) => [entry.file, entry.reason]));
    expect(reasons['static/logo.dat']).toBe('binary file (NUL bytes)');
    expect(reasons['static/bundle.js']).toMatch(/^minified or generated bundle: 4\.8 MB with no line break/);
    expect(reasons['legacy/latin1.py']).toBe('invalid UTF-8 at byte 11');
    expect(reasons['loop-a']).toBe('symlink loop: the link resolves to itself');
    expect(reasons['loop-b']).toBe('symlink loop: the link resolves to itself');
    expect(reasons.self).toBe('symlink to a directory: not followed');
    expect(report.stats.files).toBe(4);
  });

  it('says which files were skipped in the terminal summary', () => {
    const dir = tree({ 'app.py': 'print(1)\n', 'data/blob.bin': Buffer.from([0, 1, 2, 3]) });
    const result = runCli(['audit', dir]);
    expect(result.stdout).toContain('Skipped 1 file (1 binary):');
    expect(result.stdout).toContain('data/blob.bin: binary file (by extension)');
  });

  it('handles a file over the size limit with a clear reason', () => {
    const dir = tree({ 'app.py': 'print(1)\n', 'data/seed.sql': 'INSERT INTO t VALUES (1);\n'.repeat(120_000), '.liveready.yaml': 'maxFileSize: 1MB\n' });
    const report = JSON.parse(runCli(['audit', dir, '--format', 'json']).stdout) as Report;
    expect(report.stats.skipped).toEqual([{ file: 'data/seed.sql', code: 'too-large', reason: '3.0 MB is over the 1 MB size limit (maxFileSize)' }]);
  });
});

describe('configuration errors exit 2 with the key path', () => {
  it.each([
    ['an unknown top-level key', 'failOn: critical\nsimulat:\n  port: 3000\n', "simulat: unknown key"],
    ['a wrong type deep inside', 'simulate:\n  port: "eighty"\n', 'simulate.port: must be integer'],
    ['a bad enum value', 'failOn: urgent\n', 'failOn: must be one of "critical", "moderate", "low", "info"'],
    ['an ignore entry without a reason', 'ignore:\n  - check: env/no-committed-dotenv\n', 'ignore[0]: missing required key "reason"'],
    ['an unknown check id', 'checks:\n  env/no-commited-dotenv: off\n', 'checks.env/no-commited-dotenv: unknown check id (did you mean env/no-committed-dotenv?)'],
    ['a YAML syntax error', 'checks:\n  - a: [1, 2\n', 'YAML syntax error at line'],
    ['an expiry that is not a date', 'ignore:\n  - check: "*"\n    reason: legacy code\n    expires: next week\n', 'ignore[0].expires: must be a date (YYYY-MM-DD)'],
  ])('%s', (_name, config, expected) => {
    const dir = tree({ 'app.py': 'print(1)\n', '.liveready.yaml': config });
    const result = runCli(['audit', dir]);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(expected);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('exit codes', () => {
  it('4 when there is nothing to audit', () => {
    const dir = tree({ 'README.md': '# notes\n', 'photo.jpg': Buffer.from([0xff, 0xd8, 0xff]) });
    const result = runCli(['audit', dir]);
    expect(result.status).toBe(4);
    expect(result.stderr).toMatch(/^liveready: nothing to audit in .*: found 2 files but no source code/);
  });

  it('a Prisma schema alone is a project to audit (its model constraints are checked)', () => {
    const dir = tree({ 'prisma/schema.prisma': 'datasource db {\n  provider = "postgresql"\n  url = env("DATABASE_URL")\n}\n\nmodel Log {\n  message String\n}\n' });
    const result = runCli(['audit', dir, '--static', '--offline', '--format', 'json']);
    expect(result.status).not.toBe(4);
    expect((JSON.parse(result.stdout) as { findings: Array<{ checkId: string }> }).findings.map((finding) => finding.checkId)).toContain('data/require-model-constraints');
  });

  it('2 for a path that does not exist, an unknown option, and a bad --fail-on', () => {
    expect(runCli(['audit', '/nonexistent/liveready-path']).status).toBe(2);
    const unknown = runCli(['audit', '--frobnicate']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain("unknown option '--frobnicate'");
    const failOn = runCli(['audit', '.', '--fail-on', 'severe']);
    expect(failOn.status).toBe(2);
    expect(failOn.stderr).toContain('--fail-on takes critical, moderate, low or info (got "severe")');
  });

  it('1 when a finding reaches --fail-on, 0 when it does not', () => {
    const dir = tree({ 'app.py': 'DATA = "/Users/erin/data.csv"\n' });
    expect(runCli(['audit', dir, '--static']).status).toBe(0);
    expect(runCli(['audit', dir, '--static', '--fail-on', 'moderate']).status).toBe(1);
  });

  it('2 for a baseline that is not a liveready report', () => {
    const dir = tree({ 'app.py': 'print(1)\n', 'old.json': '{"findings": "nope"}' });
    const result = runCli(['audit', dir, '--baseline', join(dir, 'old.json')]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('not a liveready JSON report');
  });

  it('0 for --version and --help', () => {
    expect(runCli(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    expect(runCli(['audit', '--help']).status).toBe(0);
  });
});
