import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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

/** 50,000 lines of ordinary Python, with one swallowed exception near the end. */
function bigModule(): string {
  const lines = ['import os', 'import time', ''];
  for (let index = 0; lines.length < 49_990; index += 1) {
    lines.push(`def handler_${index}(payload):`, `    total = 0`, `    while total < ${index % 7}:`, `        total += 1`, `    return os.environ.get("KEY_${index % 50}", total)`, '');
  }
  lines.push('def flush():', '    try:', '        time.sleep(0)', '    except Exception:', '        pass', '');
  return lines.join('\n');
}

describe('hostile code', () => {
  it('audits a 50,000-line module, unbalanced brackets and a 1,000-level nested expression, and reports each file', () => {
    root = mkdtempSync(join(tmpdir(), 'liveready-hostile-code-'));
    writeFileSync(join(root, 'big.py'), bigModule());
    writeFileSync(join(root, 'unbalanced.py'), 'def register(app:\n    app.route("/", [1, 2\n\nclass Views(:\n    pass\n');
    writeFileSync(join(root, 'nested.py'), `import requests\n\nVALUE = ${'('.repeat(1000)}requests.get("https://api.example.com/ping")${')'.repeat(1000)}\n`);
    writeFileSync(join(root, 'nested.js'), `const deep = ${'['.repeat(1000)}fetch('https://api.example.com/ping')${']'.repeat(1000)};\nmodule.exports = ${'{ a: '.repeat(1000)}1${' }'.repeat(1000)};\n`);

    const result = runCli(['audit', root, '--static', '--format', 'json', '--no-cache'], { timeoutMs: 60_000 });
    expect(result.stderr).toBe('');
    expect([0, 1]).toContain(result.status);
    const report = JSON.parse(result.stdout) as Report;
    expect(report.stats.files).toBe(4);
    expect(report.stats.skipped).toEqual([]);
    const byFile = (file: string): string[] => report.findings.filter((finding) => finding.location.file === file).map((finding) => finding.checkId);
    expect(byFile('big.py')).toContain('resilience/no-swallowed-exception');
    expect(report.findings.find((finding) => finding.location.file === 'big.py')?.location.line).toBeGreaterThan(49_000);
    expect(byFile('unbalanced.py')).toContain('syntax/no-unparseable-code');
    expect(byFile('nested.py')).toContain('resilience/require-http-timeout');
    expect(byFile('nested.js')).toContain('resilience/require-http-timeout');
    // 8,000+ reads of KEY_0..KEY_49: the env section lists the first places and counts the rest.
    const key0 = (report.sections.env as { variables: Array<{ name: string; readCount: number; readAt: unknown[] }> }).variables.find((variable) => variable.name === 'KEY_0');
    expect(key0?.readAt).toHaveLength(20);
    expect(key0?.readCount).toBeGreaterThan(100);
  });
});
