import { execFileSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { writeTree } from '../../test/support/temp-tree.js';
import { noFailingModules } from '../checks/logs/no-failing-modules/check.js';
import { noRecentErrors } from '../checks/logs/no-recent-errors/check.js';
import { noMachinePaths } from '../checks/portability/no-machine-paths/check.js';
import { audit } from '../engine/audit.js';
import type { Collector } from '../engine/collectors.js';
import type { LogsSection } from '../model/logs-section-schema.js';
import type { Report } from '../model/report.js';
import { logsCollector } from './collector.js';

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

function tree(files: Record<string, string | Buffer>, options: { git?: boolean } = {}): string {
  const created = writeTree(files);
  cleanups.push(created.cleanup);
  if (options.git !== false) {
    for (const args of [['init', '-q'], ['add', '-A']]) execFileSync('git', ['-c', 'init.defaultBranch=main', ...args], { cwd: created.root, stdio: 'ignore' });
  }
  return created.root;
}

const traceback = (time: string, file: string, line: number, code: string, error: string): string =>
  `${time} ERROR app: request failed\nTraceback (most recent call last):\n  File "/srv/app/${file}", line ${line}, in handle\n    ${code}\n${error}\n`;

function logsOf(report: Report): LogsSection {
  return report.sections.logs as LogsSection;
}

describe('the logs collector', () => {
  it('reads git-ignored logs/ and *.log from the listing, but not sample logs in tests, installed packages or package-manager logs', async () => {
    const root = tree({
      'app.py': 'print("hi")\n',
      '.gitignore': 'logs/\nnode_modules/\n',
      'logs/app.log': traceback('2024-03-05 10:00:00,000', 'app.py', 1, 'print("hi")', 'OSError: broken pipe'),
      'logs/archive/app.log.1.gz': gzipSync(traceback('2024-03-05 09:00:00,000', 'app.py', 1, 'print("hi")', 'OSError: broken pipe')),
      'server.log': 'INFO started\n',
      'tests/fixtures/crash.log': traceback('2024-03-05 10:00:00,000', 'app.py', 1, 'print("hi")', 'RuntimeError: sample'),
      'node_modules/left-pad/debug.log': 'ERROR vendored\n',
      'yarn-error.log': 'Error: An unexpected error occurred: "https://registry.yarnpkg.com/x: ETIMEDOUT".\n    at Request.<anonymous> (/usr/lib/yarn/cli.js:1:2)\n',
      'npm-debug.log.4021': '12 error code ELIFECYCLE\n',
    });
    const report = await audit({ root, checks: [noRecentErrors], collectors: [logsCollector], isStatic: true });
    expect(logsOf(report).sources.map((source) => `${source.path} ${source.kind}`)).toEqual(['logs/app.log file', 'logs/archive/app.log.1.gz gzip', 'server.log file']);
    expect(logsOf(report).groups.map((group) => `${group.module} ${group.count}`)).toEqual(['app.py 2']);
  });

  it('skips the stage with the reason when there are no logs', async () => {
    const report = await audit({ root: tree({ 'app.py': 'print("hi")\n' }), checks: [noRecentErrors], collectors: [logsCollector] });
    expect(report.stages.find((stage) => stage.id === 'logs')).toEqual({ id: 'logs', status: 'skipped', summary: 'no log files found (looked for logs/, log/ and *.log; give --logs <path> or logs.paths)' });
  });

  it('reads only the given paths, and names the ones that do not exist', async () => {
    const root = tree({ 'app.py': 'x = 1\n', 'logs/app.log': 'ERROR:app:boom\n', 'var/log/web.out': 'CRITICAL: disk gone\n' });
    const report = await audit({ root, checks: [noRecentErrors], collectors: [logsCollector], collectorOptions: { logs: { paths: [`${root}/var/log`, `${root}/missing.log`] } } });
    expect(logsOf(report).sources.map((source) => source.path)).toEqual(['var/log/web.out']);
    expect(logsOf(report).skipped).toEqual([{ path: `${root}/missing.log`, reason: 'no such file or directory' }]);
    const none = await audit({ root, checks: [noRecentErrors], collectors: [logsCollector], collectorOptions: { logs: { paths: [`${root}/missing.log`] } } });
    expect(none.stages.find((stage) => stage.id === 'logs')?.summary).toBe(`no log files: ${root}/missing.log (no such file or directory)`);
  });

  it('takes logs.paths, logs.failureThreshold and logs.windowHours from the config', async () => {
    const root = tree({
      'app.py': 'x = 1\n',
      '.liveready.yaml': 'logs: { paths: [output/worker.txt], failureThreshold: 0, windowHours: 1 }\n',
      'output/worker.txt': `${traceback('2024-03-05 07:00:00,000', 'app.py', 1, 'x = 1', 'ValueError: old')}${traceback('2024-03-05 10:00:00,000', 'app.py', 1, 'x = 1', 'ValueError: new')}`,
    });
    const report = await audit({ root, checks: [noFailingModules], collectors: [logsCollector] });
    expect(logsOf(report).window).toMatchObject({ hours: 1, from: '2024-03-05T09:00:00.000Z', to: '2024-03-05T10:00:00.000Z' });
    expect(report.findings.map((finding) => `${finding.severity} ${finding.location.file}:${finding.location.line}`)).toEqual(['critical app.py:1']);
    expect(report.findings[0]?.message).toContain('failed once in the last 1 h of the logs (to 2024-03-05 10:00 UTC), more than the threshold of 0');
  });

  it("reads the simulation's captured output per process and stream, always as recent", async () => {
    const simulation: Collector = {
      id: 'fake-simulation',
      stage: 'simulate',
      executesCode: false,
      phase: 2,
      async collect({ project }) {
        const lines = ['Traceback (most recent call last):', '  File "/tmp/sandbox/app.py", line 1, in <module>', '    import stripe', "ModuleNotFoundError: No module named 'stripe'"];
        project.evidence.simulation = {
          outcome: { healthy: false, failures: [] },
          output: [
            ...lines.map((text, index) => ({ process: 'web', stream: 'stderr' as const, timeMs: index, text })),
            { process: 'web', stream: 'stdout', timeMs: 2, text: 'booting' },
          ],
        };
      },
    };
    const old = `${traceback('2020-01-01 00:00:00,000', 'app.py', 1, 'import stripe', 'ValueError: long ago')}2020-01-03 00:00:00,000 INFO app: still up\n`;
    const root = tree({ 'app.py': 'import stripe\n', 'logs/old.log': old });
    const report = await audit({ root, checks: [noRecentErrors], collectors: [simulation, logsCollector] });
    const section = logsOf(report);
    expect(section.sources.map((source) => `${source.path} ${source.kind}`)).toEqual(['logs/old.log file', '(simulation: web stderr) simulation', '(simulation: web stdout) simulation']);
    expect(section.groups.map((group) => `${group.rootCause} ${group.recentCount}/${group.count}`)).toEqual([
      "ModuleNotFoundError: No module named 'stripe' raised at app.py:1 at module level 1/1",
      'ValueError: long ago raised at app.py:1 in handle 0/1',
    ]);
  });

  it("points frameless errors of the app's output at its start command, and leaves the installer's output to the runtime checks", async () => {
    const simulation: Collector = {
      id: 'fake-simulation',
      stage: 'simulate',
      executesCode: false,
      phase: 2,
      async collect({ project }) {
        project.evidence.simulation = {
          outcome: { healthy: false, failures: [] },
          plan: { command: 'node server.js', cwd: '', source: 'Procfile web', location: { file: 'Procfile', line: 1, column: 6 } },
          output: [
            { process: 'install', stream: 'stderr', timeMs: 0, text: 'ERROR: Could not find a version that satisfies the requirement flask' },
            { process: 'web', stream: 'stderr', timeMs: 5, text: 'ERROR: payment provider unreachable' },
          ],
        } as never;
      },
    };
    const root = tree({ 'server.js': "console.log('up');\n", Procfile: 'web: node server.js\n' });
    const report = await audit({ root, checks: [noRecentErrors], collectors: [simulation, logsCollector] });
    expect(report.findings.map((finding) => `${finding.location.file}:${finding.location.line} ${finding.evidence}`)).toEqual(['Procfile:1 ERROR: payment provider unreachable']);
  });

  it('links an error to the static finding that predicted it, in the finding and the section', async () => {
    const settings = 'from pathlib import Path\n\nDATA_DIR = Path("/Users/alice/shop/data").resolve(strict=True)\n';
    const log = traceback('2024-03-05 10:00:00,000', 'app/settings.py', 3, 'DATA_DIR = Path("/Users/alice/shop/data").resolve(strict=True)', "FileNotFoundError: [Errno 2] No such file or directory: '/Users/alice/shop/data'");
    const root = tree({ 'app/__init__.py': '', 'app/settings.py': settings, 'logs/app.log': log });
    const report = await audit({ root, checks: [noMachinePaths, noRecentErrors], collectors: [logsCollector], isStatic: true });
    const logFinding = report.findings.find((finding) => finding.checkId === 'logs/no-recent-errors');
    expect(logFinding?.message).toContain('The static finding portability/no-machine-paths at app/settings.py:3:17 predicted it.');
    expect(logFinding?.related).toEqual([{ file: 'app/settings.py', line: 3 }]);
    expect(logsOf(report).groups[0]?.staticFinding).toMatchObject({ checkId: 'portability/no-machine-paths', file: 'app/settings.py', line: 3 });
  });

  it('puts findings at the project frame, so an inline comment there suppresses them', async () => {
    const code = 'def handle(order):\n    # liveready-ignore[logs/no-failing-modules] legacy orders, migration scheduled\n    return order["total"]\n';
    const log = ['09:00', '09:10', '09:20'].map((time) => traceback(`2024-03-05 ${time}:00,000`, 'app.py', 3, 'return order["total"]', "KeyError: 'total'")).join('');
    const report = await audit({ root: tree({ 'app.py': code, 'logs/app.log': log }), checks: [noFailingModules], collectors: [logsCollector] });
    expect(report.findings).toEqual([]);
    expect(report.suppressed.map((entry) => `${entry.checkId} ${entry.location.file}:${entry.location.line} ${entry.by}`)).toEqual(['logs/no-failing-modules app.py:3 inline']);
  });

  it('masks secrets that errors put in the logs, in findings and in the section', async () => {
    const log = '2024-03-05 10:00:00,000 ERROR app: could not connect to postgres://shop:Vq83kdlL2xPz@db.internal:5432/shop\n';
    const report = await audit({ root: tree({ 'app.py': 'x = 1\n', 'logs/app.log': log }), checks: [noRecentErrors], collectors: [logsCollector] });
    expect(JSON.stringify(report)).not.toContain('Vq83kdlL2xPz');
    expect(logsOf(report).groups[0]?.example.text[0]).toContain('postgres://shop:********@db.internal');
  });
  it("masks the project's own secret values (from its committed env files) that a log prints", async () => {
    const log = '2024-03-05 10:00:00,000 ERROR app: payment refused for key pay_7Hq2LmX9vR4tZ8wK\n';
    const root = tree({ 'app.py': 'import os\nKEY = os.environ["PAYMENT_API_KEY"]\n', '.env': 'PAYMENT_API_KEY=pay_7Hq2LmX9vR4tZ8wK\n', 'logs/app.log': log });
    const report = await audit({ root, checks: [noRecentErrors], collectors: [logsCollector] });
    expect(JSON.stringify(report)).not.toContain('pay_7Hq2LmX9vR4tZ8wK');
    expect(logsOf(report).groups[0]?.example.text[0]).toContain('payment refused for key pay_');
  });
  it('leaves log files to the logs stage: a log over the size limit is read, not reported as a skipped file', async () => {
    const filler = '2024-03-05 09:00:00,000 INFO app: request served in 12 ms\n'.repeat(50_000);
    const root = tree({ 'app.py': 'print("hi")\n', 'logs/app.log': `${filler}${traceback('2024-03-05 10:00:00,000', 'app.py', 1, 'print("hi")', 'OSError: broken pipe')}` });
    const report = await audit({ root, checks: [noRecentErrors], collectors: [logsCollector], isStatic: true });
    expect(report.stats.skipped).toEqual([]);
    expect(logsOf(report).groups.map((group) => group.exception?.type)).toEqual(['OSError']);
  });
});
