import { spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { constants } from 'node:os';
import type { FileChange } from '../../facts/evidence/evidence.js';
import { registerProcessGroup, signalGroup } from '../cleanup.js';
import { diffSnapshots } from './diff.js';
import { LiveWatcher } from './live-watcher.js';
import { type Snapshot, takeSnapshot } from './snapshot.js';

export interface WatchCommandInput {
  /** The tree to watch (absolute). */
  root: string;
  /** argv of the command: run without a shell, in `cwd`, with the user's own environment. */
  command: string[];
  cwd: string;
  /** A change as it happens: what the live watcher saw first for a path. */
  onChange(change: Pick<FileChange, 'path' | 'change'>, elapsedMs: number): void;
}

export interface WatchCommandResult {
  /** The command's exit code (128 + signal number when a signal ended it). */
  exitCode: number;
  changes: FileChange[];
  filesBefore: number;
  truncated?: string;
  error?: string;
}

/**
 * The watch stage around any command: a snapshot of the tree, a live watcher that reports changes
 * as they happen, the command in its own process group (Ctrl-C and SIGTERM are passed on to it),
 * and the before/after diff when it ends.
 */
export async function watchCommand(input: WatchCommandInput): Promise<WatchCommandResult> {
  const before = takeSnapshot(input.root);
  const startedAt = Date.now();
  const live = new LiveWatcher(input.root, (path, at) => {
    if (!isDirectory(join(input.root, path))) input.onChange({ path, change: liveChange(input.root, before, path) }, at - startedAt);
  });
  const child = spawn(input.command[0] as string, input.command.slice(1), { cwd: input.cwd, stdio: 'inherit', detached: true });
  const unregister = child.pid === undefined ? () => {} : registerProcessGroup(child.pid);
  const forward = (signal: NodeJS.Signals) => () => {
    if (child.pid !== undefined) signalGroup(child.pid, signal);
  };
  const onInt = forward('SIGINT');
  const onTerm = forward('SIGTERM');
  process.on('SIGINT', onInt);
  process.on('SIGTERM', onTerm);
  try {
    const ended = await new Promise<{ code: number | null; signal: NodeJS.Signals | null; error?: string }>((resolve) => {
      child.once('error', (error) => resolve({ code: null, signal: null, error: error.message }));
      child.once('exit', (code, signal) => resolve({ code, signal }));
    });
    // Give the watcher a moment to deliver the last events before the final snapshot.
    await new Promise((resolve) => setTimeout(resolve, 100));
    live.stop();
    const after = takeSnapshot(input.root);
    const result: WatchCommandResult = { exitCode: exitCodeOf(ended), changes: diffSnapshots(input.root, before, after, live.seen, startedAt), filesBefore: before.files.size };
    const truncated = before.truncated ?? after.truncated;
    if (truncated) result.truncated = truncated;
    if (ended.error) result.error = ended.error;
    return result;
  } finally {
    live.stop();
    process.removeListener('SIGINT', onInt);
    process.removeListener('SIGTERM', onTerm);
    // Whatever the command left running in its group does not outlive the watch.
    if (child.pid !== undefined) signalGroup(child.pid, 'SIGKILL');
    unregister();
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function liveChange(root: string, before: Snapshot, path: string): FileChange['change'] {
  const existed = before.files.has(path);
  const exists = existsSync(join(root, path));
  return existed ? (exists ? 'modified' : 'deleted') : 'created';
}

function exitCodeOf(ended: { code: number | null; signal: NodeJS.Signals | null; error?: string }): number {
  if (ended.error) return 127;
  if (ended.signal) return 128 + (constants.signals[ended.signal] ?? 1);
  return ended.code ?? 1;
}
