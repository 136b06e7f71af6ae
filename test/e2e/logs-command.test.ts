import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { validateAgainst } from '../../src/config/validate.js';
import type { LogsSection } from '../../src/model/logs-section-schema.js';
import { ReportSchema } from '../../src/model/report-schema.js';
import type { Report } from '../../src/model/report.js';
import { REPO_ROOT, runCli } from '../support/run-cli.js';
import { writeTree } from '../support/temp-tree.js';

const LOGS = join(REPO_ROOT, 'test/fixtures/logs');
const cleanups: Array<() => void> = [];
afterAll(() => cleanups.forEach((cleanup) => cleanup()));

/** A project the fixture logs could have come from (frames resolve against these files). */
function project(): string {
  const created = writeTree({ 'app/__init__.py': '', 'app/payments.py': 'def charge(order):\n    pass\n', 'app/tasks.py': '', 'app/views.py': '', 'app/uploads.py': '', 'worker.py': 'import time\n' });
  cleanups.push(created.cleanup);
  return created.root;
}

describe('liveready logs', () => {
  it('exits 1 and reports the module over the threshold, in a JSON report that validates', () => {
    const result = runCli(['logs', join(LOGS, 'supervisord.log'), '--root', project(), '--format', 'json']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(1);
    const report = JSON.parse(result.stdout) as Report;
    expect(validateAgainst(ReportSchema, report)).toEqual([]);
    expect(report.stages.map((stage) => `${stage.id} ${stage.status}`)).toEqual(['logs failed']);
    const section = report.sections.logs as LogsSection;
    expect(section.modules.map((module) => `${module.module} ${module.via} ${module.failures} ${module.overThreshold}`)).toEqual(['worker process 5 true', 'web process 1 false']);
    expect(report.findings.map((finding) => `${finding.severity} ${finding.checkId}`)).toEqual(['critical logs/no-failing-modules', 'moderate logs/no-resource-failures']);
  });

  it('prints the module and group tables, exits 0 when no module is over the threshold, and 1 with --threshold 1', () => {
    const root = project();
    const logs = [join(LOGS, 'python-logging.log'), join(LOGS, 'app.log.1.gz')];
    const result = runCli(['logs', ...logs, '--root', root]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('2 sources, 47 lines, 8 error events');
    expect(result.stdout).toMatch(/! app\/payments\.py \(frame\)\s+2\s+2/);
    expect(result.stdout).toMatch(/bd5ddd6522ab\s+2\s+2\s+2024-03-05 09:59\s+KeyError: 'amount_cents' raised at app\/payments\.py:18 in charge/);
    expect(result.stdout.trimEnd().split('\n').pop()).toMatch(/^GATE=passed/);
    expect(runCli(['logs', ...logs, '--root', root, '--threshold', '1']).status).toBe(1);
  });

  it('writes the log summary as markdown', () => {
    const result = runCli(['logs', join(LOGS, 'app.log.1.gz'), '--root', project(), '--format', 'markdown']);
    expect(result.stdout).toContain('## Log summary');
    expect(result.stdout).toContain('| `app/uploads.py` | frame | 2 | 2 | failing below the threshold |');
    expect(result.stdout).toContain('#### `8e8db8ba8793`: OSError: [Errno 28] No space left on device raised at app/uploads.py:31 in store');
    expect(result.stdout).toContain('## Findings');
  });

  it('reads logs from a folder that is not a project, and names what it could not read', () => {
    const empty = writeTree({ 'notes.txt': 'nothing here\n' });
    cleanups.push(empty.cleanup);
    const result = runCli(['logs', join(LOGS, 'core.log'), join(LOGS, 'plain.log'), '--root', empty.root]);
    // plain.log has no stack frames: its five failures belong to the file itself, over the threshold.
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/✘ .*plain\.log \(log-file\)\s+5\s+5\s+critical/);
    expect(result.stdout).toContain('not read: ');
    expect(result.stdout).toContain('core.log: binary, not a log');
  });

  it('reads hostile logs to the end: a 3 MB line without a newline, 64 KB words, deep JSON, NUL runs', () => {
    const word = 'a'.repeat(64 * 1024);
    const hostile = writeTree({
      'logs/hostile.log': [`ERROR ${word}`, 'Traceback (most recent call last):', word, `{"level":"error","msg":${'['.repeat(30_000)}`, `${'x'.repeat(3 * 1024 * 1024)}`, 'ERROR:app:last line'].join('\n'),
      'logs/nul.log': Buffer.concat([Buffer.from('INFO ok\n'.repeat(20_000)), Buffer.alloc(2 * 1024 * 1024), Buffer.from('\nERROR:app:after the NULs\n')]),
    });
    cleanups.push(hostile.cleanup);
    const result = runCli(['logs', join(hostile.root, 'logs'), '--root', hostile.root, '--format', 'json'], { timeoutMs: 30_000 });
    // No module has more than 2 failures: read to the end, exit 0, no crash and no hang.
    expect(result.status).toBe(0);
    const section = (JSON.parse(result.stdout) as Report).sections.logs as LogsSection;
    expect(section.sources.map((source) => `${source.path} ${source.lines}`)).toEqual(['logs/hostile.log 6', 'logs/nul.log 20002']);
    expect(section.groups.map((group) => group.exception.message).filter((message) => message.startsWith('last line') || message.startsWith('after the'))).toEqual(['after the NULs', 'last line']);
  });

  it('exits 2 for a path that does not exist or a bad number', () => {
    const missing = runCli(['logs', join(LOGS, 'nope.log'), '--root', project()]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('no such log file or directory');
    expect(runCli(['logs', join(LOGS, 'plain.log'), '--root', project(), '--window-hours', '0']).status).toBe(2);
  });
});

describe('liveready audit --logs', () => {
  it('adds the given logs to the audit: findings, the logs stage and the markdown log summary', () => {
    const root = project();
    const json = runCli(['audit', root, '--static', '--logs', join(LOGS, 'supervisord.log'), '--format', 'json']);
    const report = JSON.parse(json.stdout) as Report;
    expect(validateAgainst(ReportSchema, report)).toEqual([]);
    expect(report.stages.find((stage) => stage.id === 'logs')?.status).toBe('failed');
    expect(report.findings.filter((finding) => finding.stage === 'logs').map((finding) => finding.location.file)).toEqual([join(LOGS, 'supervisord.log'), join(LOGS, 'supervisord.log')]);
    const markdown = runCli(['audit', root, '--static', '--logs', join(LOGS, 'supervisord.log'), '--format', 'markdown']);
    expect(markdown.stdout).toMatch(/## Log summary\n\nRead 1 log source/);
  });
});
