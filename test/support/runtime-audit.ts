import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Report } from '../../src/model/report.js';
import { findMarkedProcesses, isGroupAlive } from '../../src/runtime/cleanup.js';
import type { SimulationSection } from '../../src/model/simulation-section-schema.js';
import { materializeFixture } from './fixture-tree.js';
import { type CliResult, runCli } from './run-cli.js';

/** Where the Debian packages (python3-fastapi, -uvicorn, -flask) live: the machine's own Python. */
export const SYSTEM_PYTHON = ['--python', '/usr/bin/python3'];

export interface RuntimeAudit extends CliResult {
  report: Report;
  simulation: SimulationSection | undefined;
  /** sha1 of every file of the audited tree (.git included) before and after. */
  treeBefore: string;
  treeAfter: string;
  /** Process groups of the app's starts that still have a process. */
  liveGroups: number[];
  /** Processes anywhere whose HOME is inside this run's temporary directory. */
  strayProcesses: number[];
  /** Sandboxes left in this run's temporary directory. */
  leftoverSandboxes: string[];
}

/**
 * Runs the built CLI on a copy of a fixture app with its own TMPDIR, so what it leaves behind
 * (sandbox directories, processes whose HOME is in a sandbox) can be counted exactly, even while
 * other tests run in parallel.
 */
export function auditRuntime(appDir: string, args: string[] = [], options: { format?: string } = {}): RuntimeAudit {
  const fixture = materializeFixture(appDir);
  const tmp = mkdtempSync(join(tmpdir(), 'liveready-test-tmp-'));
  try {
    const treeBefore = hashTree(fixture.root);
    const result = runCli(['audit', fixture.root, '--format', options.format ?? 'json', ...args], { env: { TMPDIR: tmp }, timeoutMs: 180_000 });
    const treeAfter = hashTree(fixture.root);
    const report = (options.format ?? 'json') === 'json' ? (JSON.parse(result.stdout) as Report) : ({} as Report);
    const simulation = report.sections?.simulation as SimulationSection | undefined;
    const liveGroups = (simulation?.attempts ?? []).flatMap((attempt) => (attempt.pid !== undefined && isGroupAlive(attempt.pid) ? [attempt.pid] : []));
    return { ...result, report, simulation, treeBefore, treeAfter, liveGroups, strayProcesses: processesWithHomeIn(tmp), leftoverSandboxes: readdirSync(tmp).filter((name) => name.startsWith('liveready-sim-')) };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
    fixture.cleanup();
  }
}

/** Every file below `root` (symlinks and all), repo-relative, sorted. */
export function listTree(root: string): string[] {
  const stack = [''];
  const files: string[] = [];
  while (stack.length > 0) {
    const dir = stack.pop() as string;
    for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
      const path = dir ? `${dir}/${entry.name}` : entry.name;
      if (entry.isDirectory()) stack.push(path);
      else files.push(path);
    }
  }
  return files.sort();
}

/** sha1 over every file's path and bytes: equal before and after means the tree is unchanged. */
export function hashTree(root: string): string {
  const hash = createHash('sha1');
  for (const path of listTree(root)) hash.update(path).update('\0').update(readFileSync(join(root, path))).update('\0');
  return hash.digest('hex');
}

/** Processes anywhere whose HOME is below `dir` (a run's TMPDIR holds its sandboxes). */
export function processesWithHomeIn(dir: string): number[] {
  return findMarkedProcesses(dir, true);
}

/** After every runtime test: no process of the app, no sandbox, and the audited tree byte-for-byte unchanged. */
export function expectNothingLeftBehind(run: RuntimeAudit): void {
  expect(run.liveGroups, 'process groups still alive').toEqual([]);
  expect(run.strayProcesses, 'processes with a sandbox HOME still alive').toEqual([]);
  expect(run.leftoverSandboxes, 'sandbox directories left').toEqual([]);
  expect(run.treeAfter, 'the audited tree changed').toBe(run.treeBefore);
}

