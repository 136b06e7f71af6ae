import { spawn } from 'node:child_process';
import type { CapturedLine } from '../facts/evidence/evidence.js';
import { isGroupAlive, registerProcessGroup, signalGroup } from './cleanup.js';
import type { LineCapture } from './line-capture.js';

export interface ExitInfo {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Date.now() when the leader exited. */
  at: number;
  /** The process could not be started at all (ENOENT on the shell, EAGAIN...). */
  error?: string;
}

export interface GroupOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Process name for captured lines (`web`, `worker`, `install`). */
  name: string;
  capture: LineCapture;
  onLine?: (line: CapturedLine) => void;
}

/**
 * A command run by `/bin/sh -c` as the leader of its own process group, so one signal reaches
 * everything it starts. Registered with the cleanup registry until `release()`.
 */
export class ProcessGroup {
  readonly pid: number | undefined;
  readonly exited: Promise<ExitInfo>;
  private exitInfo: ExitInfo | undefined;
  private readonly unregister: () => void;

  constructor(command: string, options: GroupOptions) {
    const child = spawn('/bin/sh', ['-c', command], { cwd: options.cwd, env: options.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    this.pid = child.pid;
    this.unregister = child.pid === undefined ? () => {} : registerProcessGroup(child.pid);
    const stdout = options.capture.writer(options.name, 'stdout', options.onLine);
    const stderr = options.capture.writer(options.name, 'stderr', options.onLine);
    child.stdout.on('data', (chunk: Buffer) => stdout.write(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.write(chunk));
    let settle: (info: ExitInfo) => void = () => {};
    this.exited = new Promise<ExitInfo>((resolve) => {
      settle = (info) => {
        this.exitInfo ??= info;
        resolve(this.exitInfo);
      };
    });
    child.on('error', (error) => settle({ code: null, signal: null, at: Date.now(), error: error.message }));
    // 'close' waits for the pipes too, so every line the leader wrote has been captured...
    let exitAt: number | undefined;
    child.on('close', (code, signal) => {
      stdout.end();
      stderr.end();
      settle({ code, signal, at: exitAt ?? Date.now() });
    });
    // ...but descendants that keep the pipes open would delay it forever: settle on 'exit' soon after.
    child.on('exit', (code, signal) => {
      exitAt = Date.now();
      const at = exitAt;
      setTimeout(() => settle({ code, signal, at }), 500).unref();
    });
  }

  get hasExited(): boolean {
    return this.exitInfo !== undefined;
  }

  get exit(): ExitInfo | undefined {
    return this.exitInfo;
  }

  signal(signal: NodeJS.Signals): boolean {
    return this.pid === undefined ? false : signalGroup(this.pid, signal);
  }

  /** Resolves with the exit, or undefined when `ms` pass first. */
  async waitForExit(ms: number): Promise<ExitInfo | undefined> {
    if (this.exitInfo) return this.exitInfo;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), Math.max(0, ms));
    });
    try {
      return await Promise.race([this.exited, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * Ends the whole group for good: SIGKILL to anything still in it (children that outlived the
   * leader included), a bounded wait for the leader, then unregisters.
   */
  async release(): Promise<void> {
    if (this.pid !== undefined && isGroupAlive(this.pid)) signalGroup(this.pid, 'SIGKILL');
    await this.waitForExit(2000);
    this.unregister();
  }
}
