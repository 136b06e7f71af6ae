import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { writeTree } from '../support/temp-tree.js';

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

function tree(files: Record<string, string>): string {
  const made = writeTree(files);
  cleanups.push(made.cleanup);
  return made.root;
}

describe('liveready watch [path] -- <command>', () => {
  it('reports what the command changed, flags rewritten config files, and exits with its exit code', () => {
    const root = tree({ 'config.json': '{\n  "currency": "EUR",\n  "api_key": "k-123"\n}\n', 'notes.txt': 'old\n', 'src/app.py': 'print("hi")\n' });
    const script = [
      "const fs = require('node:fs');",
      "fs.writeFileSync('config.json', JSON.stringify({ currency: 'USD', api_key: 'k-456' }, null, 2) + '\\n');",
      "fs.mkdirSync('data'); fs.writeFileSync('data/orders.csv', 'id\\n1\\n');",
      "fs.unlinkSync('notes.txt');",
      "process.exit(7);",
    ].join(' ');
    const result = runCli(['watch', root, '--', process.execPath, '-e', script], { cwd: root });
    expect(result.status).toBe(7);
    expect(result.stdout).toBe('');
    const lines = result.stderr.split('\n');
    expect(lines).toContain('liveready watch: 3 files changed (3 compared before and after); exit code 7');
    expect(lines).toContain('liveready watch:   modified config.json  +2 -2  <- config file changed at runtime');
    expect(lines).toContain('liveready watch:   created  data/orders.csv  +2 -0');
    expect(lines).toContain('liveready watch:   deleted  notes.txt  +0 -1');
    // The changed lines of a config file are shown, secret-named values masked.
    expect(result.stderr).toContain('+   "currency": "USD",');
    expect(lines.filter((line) => line.includes('"api_key"'))).toEqual(['liveready watch:       -   "api_key": ********', 'liveready watch:       +   "api_key": ********']);
    // As they happen, too (live watcher), before the summary.
    expect(lines.findIndex((line) => /s {2}modified config\.json$/.test(line))).toBeGreaterThan(-1);
    expect(readFileSync(join(root, 'config.json'), 'utf8')).toContain('USD');
  });

  it('passes the command its own stdout and reports no change when there is none', () => {
    const root = tree({ 'app.py': 'print(1)\n' });
    const result = runCli(['watch', root, '--', process.execPath, '-e', "console.log('hello')"]);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('hello\n');
    expect(result.stderr).toContain('0 files changed (1 compared before and after); exit code 0');
  });

  it('exits 2 for usage errors: no command, or a path that is not a directory', () => {
    expect(runCli(['watch', '.']).status).toBe(2);
    expect(runCli(['watch', '/definitely/not/here', '--', 'true']).status).toBe(2);
  });

  it('a command that cannot be started exits 127', () => {
    const root = tree({ 'app.py': 'print(1)\n' });
    const result = runCli(['watch', root, '--', 'liveready-no-such-program-xyz']);
    expect(result.status).toBe(127);
    expect(result.stderr).toContain('could not run liveready-no-such-program-xyz');
  });
});
