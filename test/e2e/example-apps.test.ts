import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { validateAgainst } from '../../src/config/validate.js';
import { ReportSchema } from '../../src/model/report-schema.js';
import type { Report } from '../../src/model/report.js';
import { materializeFixture } from '../support/fixture-tree.js';
import { REPO_ROOT, runCli } from '../support/run-cli.js';

const APPS = join(REPO_ROOT, 'test/fixtures/apps');
const cleanups: Array<() => void> = [];
afterAll(() => cleanups.forEach((cleanup) => cleanup()));

/** Static audits (`--static`): the runtime stages are tested in runtime-apps.test.ts. */
function auditApp(name: string, extra: string[] = []): { status: number | null; report: Report; stderr: string } {
  const fixture = materializeFixture(join(APPS, name));
  cleanups.push(fixture.cleanup);
  const result = runCli(['audit', fixture.root, '--format', 'json', '--static', ...extra]);
  return { status: result.status, report: JSON.parse(result.stdout) as Report, stderr: result.stderr };
}

function located(report: Report): string[] {
  return report.findings.map((finding) => `${finding.checkId} ${finding.location.file}:${finding.location.line}`).sort();
}

describe('broken example apps', () => {
  it('python-broken: exits 1 and names every defect with file:line', () => {
    const { status, report, stderr } = auditApp('python-broken');
    expect(stderr).toBe('');
    expect(status).toBe(1);
    expect(located(report)).toEqual([
      'env/no-committed-dotenv .env:1',
      'portability/no-machine-paths app/main.py:10',
      'portability/no-machine-paths app/main.py:6',
      'start/no-missing-target Procfile:1',
      'start/no-missing-target Procfile:2',
    ]);
    expect(report.verdict).toMatchObject({ liveReady: false, basis: 'static', runtimeVerified: false });
    expect(report.verdict.deathLoopCause?.checkId).toBe('start/no-missing-target');
    expect(JSON.stringify(report)).not.toContain('Vq83kdlL2x');
    expect(JSON.stringify(report)).not.toContain('sk_live_4eC39HqLyjWDarjtT1zdp7dc');
  });

  it('node-broken: exits 1 with the missing start file and the machine path', () => {
    const { status, report } = auditApp('node-broken');
    expect(status).toBe(1);
    expect(located(report)).toEqual([
      'portability/no-machine-paths server.js:5',
      'start/no-missing-target .replit:4',
      'start/no-missing-target package.json:6',
    ]);
  });
});

describe('ready example apps', () => {
  it.each(['python-ready', 'node-ready'])('%s: passes the static gate and says the runtime was not verified', (name) => {
    const { status, report } = auditApp(name);
    expect(report.findings).toEqual([]);
    expect(status).toBe(0);
    expect(report.gate.passed).toBe(true);
    expect(report.verdict).toMatchObject({ liveReady: false, basis: 'static', runtimeVerified: false, deathLoopCause: null });
  });

  it('never prints LIVE_READY=true for a run that did not execute the app', () => {
    const fixture = materializeFixture(join(APPS, 'node-ready'));
    cleanups.push(fixture.cleanup);
    const result = runCli(['audit', fixture.root, '--static']);
    expect(result.status).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(result.stdout).not.toContain('LIVE_READY=true');
    expect(lines.slice(-3)).toEqual([
      'GATE=passed (on static findings only: none at or above critical)',
      'LIVE_READY=false',
      'RUNTIME_VERIFIED=false (static audit: the app was not started, so it cannot be called live-ready)',
    ]);
  });
});

describe('the JSON report', () => {
  it('validates against the published schema', () => {
    for (const name of ['python-broken', 'node-ready']) {
      const { report } = auditApp(name);
      expect(validateAgainst(ReportSchema, report)).toEqual([]);
      expect(report.schemaVersion).toBe(1);
      expect(report.stages.map((stage) => stage.id)).toEqual(['map', 'config', 'scan', 'schema', 'logs', 'watch', 'goals', 'simulate']);
    }
  });

  it('reports stages that cannot apply as skipped with the reason, never passed', () => {
    const { report } = auditApp('python-ready');
    expect(report.stages.find((stage) => stage.id === 'goals')).toEqual({ id: 'goals', status: 'skipped', summary: 'no goal_tracker.json (liveready goals init writes a starter from the module map)' });
    expect(report.stages.find((stage) => stage.id === 'logs')).toEqual({ id: 'logs', status: 'skipped', summary: 'no log files found (looked for logs/, log/ and *.log; give --logs <path> or logs.paths)' });
    expect(report.stages.find((stage) => stage.id === 'config')?.status).toBe('passed');
  });

  it('--static skips the stages that execute the app with that reason', () => {
    const { report } = auditApp('python-ready');
    expect(report.stages.find((stage) => stage.id === 'simulate')).toEqual({ id: 'simulate', status: 'skipped', summary: '--static: the app was not executed' });
  });
});
