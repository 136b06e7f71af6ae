import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isGroupAlive } from '../../src/runtime/cleanup.js';
import { materializeFixture } from '../support/fixture-tree.js';
import { REPO_ROOT } from '../support/run-cli.js';
import { processesWithHomeIn } from '../support/runtime-audit.js';

const BIN = fileURLToPath(new URL('../../bin/liveready.js', import.meta.url));
const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return condition();
}

describe('nothing is left behind when liveready itself is stopped', () => {
  it.each(['SIGINT', 'SIGTERM'] as const)('%s to liveready during the simulation kills the app and removes the sandbox', async (signal) => {
    const fixture = materializeFixture(join(REPO_ROOT, 'test/fixtures/apps/node-ready'));
    const tmp = mkdtempSync(join(tmpdir(), 'liveready-test-tmp-'));
    const cli = spawn(process.execPath, [BIN, 'audit', fixture.root], { env: { ...process.env, TMPDIR: tmp, CI: '1', NO_COLOR: '1' }, stdio: 'ignore' });
    try {
      // The app is running once a process carries the sandbox's HOME.
      expect(await waitFor(() => processesWithHomeIn(tmp).length > 0, 30_000)).toBe(true);
      cli.kill(signal);
      const exit = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => cli.once('exit', (code, ended) => resolve({ code, signal: ended })));
      expect(exit.signal).toBe(signal);
      expect(await waitFor(() => processesWithHomeIn(tmp).length === 0, 5000)).toBe(true);
      expect(readdirSync(tmp).filter((name) => name.startsWith('liveready-sim-'))).toEqual([]);
    } finally {
      cli.kill('SIGKILL');
      rmSync(tmp, { recursive: true, force: true });
      fixture.cleanup();
    }
  });

  it('a crash of liveready (uncaught exception) kills registered process groups and removes registered directories', async () => {
    const script = `
      import { mkdtempSync } from 'node:fs';
      import { tmpdir } from 'node:os';
      import { join } from 'node:path';
      import { registerDirectory } from '${DIST}runtime/cleanup.js';
      import { LineCapture } from '${DIST}runtime/line-capture.js';
      import { ProcessGroup } from '${DIST}runtime/process-group.js';
      const dir = mkdtempSync(join(tmpdir(), 'liveready-crash-'));
      registerDirectory(dir);
      const group = new ProcessGroup('sleep 30 & sleep 30', { cwd: dir, env: { PATH: process.env.PATH }, name: 'web', capture: new LineCapture(Date.now()) });
      console.log(JSON.stringify({ pid: group.pid, dir }));
      setTimeout(() => { throw new Error('liveready crashed'); }, 300);
    `;
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 20_000 });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('liveready crashed');
    const { pid, dir } = JSON.parse(result.stdout) as { pid: number; dir: string };
    // Killed processes linger as zombies until init reaps them: allow it a moment.
    expect(await waitFor(() => !isGroupAlive(pid), 5000)).toBe(true);
    expect(existsSync(dir)).toBe(false);
  });
});
