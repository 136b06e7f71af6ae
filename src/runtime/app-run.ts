import type { AttemptEvidence, ProbeEvidence, ShutdownEvidence, StartPlanEvidence, TimelineEvent } from '../facts/evidence/evidence.js';
import { runProbes, type planProbes } from './health-probes.js';
import type { LineCapture } from './line-capture.js';
import { delay, waitForPort } from './ports.js';
import { groupMembers, listeningSockets } from './proc-table.js';
import { type ExitInfo, ProcessGroup } from './process-group.js';

export interface AppRunInput {
  plan: StartPlanEvidence;
  /** The command as the shell runs it (exec form) and its absolute working directory. */
  command: string;
  cwd: string;
  env: Record<string, string>;
  port: number | undefined;
  probes: ReturnType<typeof planProbes>;
  limits: { readyTimeoutMs: number; aliveMs: number; graceMs: number; restarts: number };
  capture: LineCapture;
  startedAt: number;
  signal: AbortSignal;
  mark(step: TimelineEvent['step'], detail: string, attempt?: number): void;
}

export interface AppRunResult {
  attempts: AttemptEvidence[];
  probes: ProbeEvidence[];
  shutdown?: ShutdownEvidence;
}

/**
 * Starts the app as the platform would and watches it: wait for PORT (web) or survive the alive
 * window (worker), probe, stay alive, stop with SIGTERM and a grace period. A start that dies is
 * restarted with backoff up to `restarts` times. Every group is killed before this returns.
 */
export async function runApp(input: AppRunInput): Promise<AppRunResult> {
  const result: AppRunResult = { attempts: [], probes: [] };
  const groups: ProcessGroup[] = [];
  try {
    for (let index = 0; index <= input.limits.restarts && !input.signal.aborted; index += 1) {
      if (index > 0) {
        const wait = Math.min(4000, 250 * 2 ** index);
        input.mark('restart', `restart ${index} of ${input.limits.restarts}, after ${wait} ms of backoff`, index);
        await delay(wait);
      }
      const group = new ProcessGroup(input.command, { cwd: input.cwd, env: input.env, name: input.plan.role, capture: input.capture });
      groups.push(group);
      const attempt: AttemptEvidence = { index, startMs: now(input), exitedOnItsOwn: false, listeningPorts: [], result: 'exited' };
      if (group.pid !== undefined) attempt.pid = group.pid;
      result.attempts.push(attempt);
      input.mark('spawn', input.command.replace(/^exec /, ''), index);
      const stayedUp = await runAttempt(input, group, attempt, result);
      if (stayedUp) {
        result.shutdown = await stop(input, group, attempt);
        break;
      }
      await group.release();
    }
  } finally {
    for (const group of groups) await group.release();
  }
  return result;
}

/** One start. True when the process is still running and should be stopped (ready, or never ready). */
async function runAttempt(input: AppRunInput, group: ProcessGroup, attempt: AttemptEvidence, result: AppRunResult): Promise<boolean> {
  const stopWaiting = (): boolean => group.hasExited || input.signal.aborted;
  if (input.plan.mode === 'web' && input.port !== undefined) {
    const opened = await waitForPort(input.port, input.limits.readyTimeoutMs, stopWaiting);
    recordSockets(group, attempt, input.port);
    if (!opened) {
      if (group.hasExited || (await group.waitForExit(200))) return recordExit(input, group, attempt);
      attempt.result = 'not-ready';
      input.mark('not-ready', `PORT=${input.port} did not accept connections within ${Math.round(input.limits.readyTimeoutMs / 1000)} s${attempt.listeningPorts.length > 0 ? ` (listening on ${attempt.listeningPorts.join(', ')})` : ''}`, attempt.index);
      return true;
    }
    attempt.readyMs = now(input);
    input.mark('port-open', `accepting connections on PORT=${input.port}`, attempt.index);
    if (result.probes.length === 0) {
      result.probes = await runProbes(input.port, input.probes, input.startedAt, stopWaiting);
      markProbes(input, result.probes, attempt.index);
    }
  }
  const readyAt = attempt.readyMs ?? attempt.startMs;
  const exit = await group.waitForExit(Math.max(0, readyAt + input.limits.aliveMs - now(input)));
  if (exit) {
    // It died after the probes: they describe a start that is gone; the next start is probed again.
    result.probes = [];
    return recordExit(input, group, attempt);
  }
  if (input.signal.aborted) return false;
  if (input.plan.mode === 'worker') attempt.readyMs = now(input);
  attempt.result = 'stopped';
  input.mark('alive', `still running after the ${(input.limits.aliveMs / 1000).toFixed(0)} s alive window`, attempt.index);
  return true;
}

function recordExit(input: AppRunInput, group: ProcessGroup, attempt: AttemptEvidence): false {
  const exit = group.exit as ExitInfo;
  attempt.exitedOnItsOwn = true;
  attempt.result = exit.error ? 'spawn-error' : 'exited';
  attempt.endMs = exit.at - input.startedAt;
  attempt.exitCode = exit.code;
  attempt.signal = exit.signal;
  if (exit.error) attempt.error = exit.error;
  input.mark('exit', exit.signal ? `killed by ${exit.signal}` : `exited with code ${exit.code ?? '?'}`, attempt.index);
  return false;
}

function markProbes(input: AppRunInput, probes: readonly ProbeEvidence[], attempt: number): void {
  const firstOk = probes.find((probe) => probe.judgement === 'ok');
  if (firstOk) input.mark('first-probe-ok', `${firstOk.method} ${firstOk.path} -> ${firstOk.status} in ${firstOk.latencyMs} ms`, attempt);
  for (const probe of probes.filter((candidate) => candidate.judgement === 'failed')) {
    input.mark('probe-failed', `${probe.method} ${probe.path} -> ${probe.status ?? probe.error ?? 'no answer'}`, attempt);
  }
}

/**
 * SIGTERM to the whole group, then wait (bounded by the grace period) until the leader has exited
 * and no process of the group is left; SIGKILL when the grace period runs out.
 */
async function stop(input: AppRunInput, group: ProcessGroup, attempt: AttemptEvidence): Promise<ShutdownEvidence> {
  const shutdown: ShutdownEvidence = { graceMs: input.limits.graceMs, sigtermMs: now(input), killed: false };
  input.mark('sigterm', 'SIGTERM sent to the process group', attempt.index);
  group.signal('SIGTERM');
  const deadline = Date.now() + input.limits.graceMs;
  while (Date.now() < deadline && !isGroupDone(group)) await delay(50);
  if (!isGroupDone(group)) {
    shutdown.killed = true;
    input.mark('sigkill', `still running after the ${(input.limits.graceMs / 1000).toFixed(0)} s grace period: SIGKILL`, attempt.index);
    group.signal('SIGKILL');
    await group.waitForExit(2000);
  }
  const exit = group.exit;
  if (exit) {
    shutdown.exitMs = exit.at - input.startedAt;
    shutdown.durationMs = Math.max(0, shutdown.exitMs - shutdown.sigtermMs);
    shutdown.exitCode = exit.code;
    shutdown.signal = exit.signal;
    attempt.endMs = shutdown.exitMs;
    attempt.exitCode = exit.code;
    attempt.signal = exit.signal;
  }
  input.mark('stopped', shutdown.killed ? 'killed' : exit?.signal ? `ended by ${exit.signal}` : `exited with code ${exit?.code ?? '?'}`, attempt.index);
  return shutdown;
}

function isGroupDone(group: ProcessGroup): boolean {
  if (!group.hasExited) return false;
  const members = group.pid === undefined ? [] : groupMembers(group.pid);
  return members === undefined || members.length === 0;
}

function recordSockets(group: ProcessGroup, attempt: AttemptEvidence, port: number): void {
  if (group.pid === undefined) return;
  const sockets = listeningSockets(groupMembers(group.pid) ?? [group.pid]);
  attempt.listeningPorts = [...new Set(sockets.map((socket) => socket.port))].sort((a, b) => a - b);
  const onPort = sockets.filter((socket) => socket.port === port).map((socket) => `${socket.address}:${socket.port}`);
  if (onPort.length > 0) attempt.portAddresses = [...new Set(onPort)];
}

function now(input: AppRunInput): number {
  return Date.now() - input.startedAt;
}
