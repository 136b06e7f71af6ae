import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/run-cli.js';
import { auditRuntime, expectNothingLeftBehind } from '../support/runtime-audit.js';

const APPS = join(REPO_ROOT, 'test/fixtures/apps');

describe('real Node apps in the simulation', () => {
  it("the README's main command: node-ready ends with LIVE_READY=true and exits 0", () => {
    const run = auditRuntime(join(APPS, 'node-ready'), [], { format: 'terminal' });
    expect(run.status).toBe(0);
    expect(run.stdout.trimEnd().split('\n').slice(-2)).toEqual(['GATE=passed (the app started, answered its probes and stopped cleanly)', 'LIVE_READY=true']);
    expectNothingLeftBehind(run);
  });

  it('express-ready: npm ci from the lockfile in the sandbox, then LIVE_READY=true', () => {
    const run = auditRuntime(join(APPS, 'express-ready'));
    expect(run.simulation?.install).toMatchObject({ command: 'npm ci --no-audit --no-fund', source: 'package-lock.json', status: 'ok' });
    expect(run.report.verdict.liveReady).toBe(true);
    expect(run.simulation?.shutdown).toMatchObject({ killed: false, exitCode: 0 });
    expectNothingLeftBehind(run);
  });

  it('node-wrong-port: readiness fails and names the port it listens on instead', () => {
    const run = auditRuntime(join(APPS, 'node-wrong-port'));
    expect(run.status).toBe(1);
    expect(run.report.verdict.deathLoopCause?.checkId).toBe('runtime/require-readiness');
    expect(run.report.verdict.deathLoopCause?.summary).toContain('it listens on 8719 instead');
    expect(run.simulation?.attempts).toEqual([expect.objectContaining({ result: 'not-ready', listeningPorts: [8719], exitedOnItsOwn: false })]);
    expectNothingLeftBehind(run);
  });

  it('node-ignores-sigterm: killed after the grace period, and that is the cause', () => {
    const run = auditRuntime(join(APPS, 'node-ignores-sigterm'));
    expect(run.status).toBe(1);
    expect(run.report.verdict.deathLoopCause?.checkId).toBe('runtime/require-graceful-shutdown');
    expect(run.simulation?.shutdown).toMatchObject({ killed: true, graceMs: 2000, signal: 'SIGKILL' });
    expect(run.simulation?.timeline.map((event) => event.step).slice(-3)).toEqual(['sigterm', 'sigkill', 'stopped']);
    expectNothingLeftBehind(run);
  });
});
