import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
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

  it('node-wrong-port: readiness fails and names the port it listens on instead', async () => {
    // The fixture's hard-coded port is swapped for one the OS says is free, so two test runs on one
    // machine (or anything else listening on 8719) cannot make the app crash with EADDRINUSE.
    const port = await freePort();
    const copy = mkdtempSync(join(tmpdir(), 'liveready-wrong-port-'));
    try {
      cpSync(join(APPS, 'node-wrong-port'), copy, { recursive: true });
      const server = join(copy, 'server.js');
      writeFileSync(server, readFileSync(server, 'utf8').replace('const port = 8719;', `const port = ${port};`));
      const run = auditRuntime(copy);
      expect(run.status).toBe(1);
      expect(run.report.verdict.deathLoopCause?.checkId).toBe('runtime/require-readiness');
      expect(run.report.verdict.deathLoopCause?.summary).toContain(`it listens on ${port} instead`);
      expect(run.simulation?.attempts).toEqual([expect.objectContaining({ result: 'not-ready', listeningPorts: [port], exitedOnItsOwn: false })]);
      expectNothingLeftBehind(run);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
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

/** A loopback port nothing listens on right now (the OS picks it). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
