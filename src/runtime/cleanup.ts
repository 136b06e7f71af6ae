import { readFileSync, readdirSync, rmSync } from 'node:fs';

/**
 * The last line of defence: every process group and temporary directory the runtime creates is
 * registered here until it is released. If liveready ends in any way other than a normal release
 * (Ctrl-C, SIGTERM, an uncaught exception, process.exit), the handlers kill the groups, kill any
 * process that escaped its group but still carries the sandbox's HOME, and remove the directories.
 */
const groups = new Set<number>();
const directories = new Set<string>();
/** `HOME=<sandbox>/home` markers: a process carrying one was started by us, whatever group it moved to. */
const homeMarkers = new Set<string>();
let installed = false;

export function registerProcessGroup(pid: number): () => void {
  groups.add(pid);
  ensureHandlers();
  return () => {
    groups.delete(pid);
  };
}

export function registerDirectory(path: string, homeMarker?: string): () => void {
  directories.add(path);
  if (homeMarker) homeMarkers.add(homeMarker);
  ensureHandlers();
  return () => {
    directories.delete(path);
    if (homeMarker) homeMarkers.delete(homeMarker);
  };
}

/** Sends a signal to a whole process group; false when the group is gone. */
export function signalGroup(pid: number, signal: NodeJS.Signals): boolean {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false;
  }
}

/** True while any process of the group is alive (zombies included until reaped). */
export function isGroupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Processes (Linux /proc) whose environment holds `HOME=<marker>` (or, with `underMarker`, a HOME
 * below it): what a daemonizing app leaves behind after `setsid()`, out of reach of the group
 * kill. Empty where /proc is not readable.
 */
export function findMarkedProcesses(marker: string, underMarker = false): number[] {
  const needle = underMarker ? `HOME=${marker}/` : `HOME=${marker}\0`;
  const found: number[] = [];
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return found;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      if (`${readFileSync(`/proc/${entry}/environ`, 'latin1')}\0`.includes(needle)) found.push(Number(entry));
    } catch {
      // gone, or not ours
    }
  }
  return found;
}

/** Kills every marked process with SIGKILL; returns how many were found. */
export function killMarkedProcesses(marker: string): number {
  const pids = findMarkedProcesses(marker);
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  return pids.length;
}

/** Synchronous: runs inside 'exit' and signal handlers. */
export function cleanupEverything(): void {
  for (const pid of groups) signalGroup(pid, 'SIGKILL');
  groups.clear();
  for (const marker of homeMarkers) killMarkedProcesses(marker);
  homeMarkers.clear();
  for (const path of directories) {
    try {
      rmSync(path, { recursive: true, force: true, maxRetries: 2 });
    } catch {
      // best effort: nothing else can be done while exiting
    }
  }
  directories.clear();
}

function ensureHandlers(): void {
  if (installed) return;
  installed = true;
  process.on('exit', cleanupEverything);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    const handler = (): void => {
      cleanupEverything();
      // Let the default action end the process (the library never calls process.exit itself),
      // unless someone else (the CLI) listens for this signal too and decides.
      process.removeListener(signal, handler);
      if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
    };
    process.on(signal, handler);
  }
}
