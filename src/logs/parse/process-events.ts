import type { EventLevel } from '../event.js';

/** A process manager (supervisord, systemd, the kernel, a shell) saying a process died. */
export interface ProcessFailure {
  /** The process or unit; empty when the line does not say (a shell's bare `Killed`). */
  process: string;
  type: string;
  message: string;
  level: EventLevel;
  /** `SIGKILL`, `exit 1`, `oom`: what resource classification reads. */
  code?: string;
}

export type ProcessLine = { failure: ProcessFailure } | { startup: true } | { quiet: true };

// Signals a supervisor sends to stop a process on purpose: dying of them is a clean stop.
const STOP_SIGNALS = new Set(['TERM', 'SIGTERM', 'INT', 'SIGINT', 'HUP', 'SIGHUP', 'PIPE', 'SIGPIPE']);

const SUPERVISOR_EXITED = /^(?:[A-Z]{4} )?exited: (\S+) \((?:exit status (\d+)|terminated by (SIG\w+))(?:; (not expected|expected))?\)/;
const SUPERVISOR_GAVE_UP = /^(?:[A-Z]{4} )?gave up: (\S+) entered FATAL state, (.+)$/;
const SUPERVISOR_SPAWNED = /^(?:[A-Z]{4} )?spawned: '([^']+)' with pid \d+/;
const SYSTEMD_EXITED = /^(\S+\.(?:service|scope)): Main process exited, code=(\w+), status=(\d+)\/(\w+)/;
const SYSTEMD_OOM = /^(\S+\.(?:service|scope)): A process of this unit has been killed by the OOM killer/;
const SYSTEMD_REPEATED = /^(\S+\.service): Start request repeated too quickly/;
const SYSTEMD_TIMEOUT = /^(\S+\.service): (start operation timed out|Watchdog timeout|State 'stop-sigterm' timed out)/;
const SYSTEMD_STARTED = /^Started (.+?)\.?$/;
const KERNEL_OOM = /Out of memory: Killed process \d+ \(([^)]+)\)/;

/**
 * Recognizes process-manager lines. Keeps which units the OOM killer hit, so the "Main process
 * exited, code=killed, status=9/KILL" that follows is not counted a second time.
 */
export class ProcessEvents {
  private readonly oomKilled = new Set<string>();

  recognize(text: string, identifier: string | undefined): ProcessLine | undefined {
    const first = text.charCodeAt(0);
    if (first === 75 /* K */ && text === 'Killed') return failure('', 'Killed', 'the process was killed (SIGKILL)', 'SIGKILL');
    if (text.includes(': ') && text.includes('.service') ) return this.systemd(text);
    if (text.includes('exited: ') || text.includes('gave up: ') || text.includes('spawned: ')) return supervisor(text);
    if (text.includes('Out of memory: Killed process')) {
      const process = KERNEL_OOM.exec(text)?.[1] ?? 'process';
      return failure(process, 'OutOfMemory', `the kernel OOM killer killed ${process}`, 'oom', 'critical');
    }
    if (identifier === 'systemd' && SYSTEMD_STARTED.test(text)) return { startup: true };
    return undefined;
  }

  private systemd(text: string): ProcessLine | undefined {
    const exited = SYSTEMD_EXITED.exec(text);
    if (exited) {
      const [, unit = 'unit', code, status, name = ''] = exited;
      if (code === 'exited' && status === '0') return { quiet: true };
      if (code !== 'exited' && STOP_SIGNALS.has(name)) return { quiet: true };
      if (this.oomKilled.delete(unit) && code === 'killed') return { quiet: true };
      const signal = code === 'exited' ? `exit ${status}` : `SIG${name}`;
      return failure(unit, 'ProcessExit', code === 'exited' ? `main process exited with status ${status}/${name}` : `main process was killed by SIG${name}`, signal);
    }
    const oom = SYSTEMD_OOM.exec(text);
    if (oom) {
      this.oomKilled.add(oom[1] as string);
      return failure(oom[1] as string, 'OutOfMemory', 'a process of this unit was killed by the OOM killer', 'oom', 'critical');
    }
    const repeated = SYSTEMD_REPEATED.exec(text);
    if (repeated) return failure(repeated[1] as string, 'RestartLimit', 'systemd gave up restarting it: start request repeated too quickly', undefined, 'critical');
    const timeout = SYSTEMD_TIMEOUT.exec(text);
    if (timeout) return failure(timeout[1] as string, 'Timeout', (timeout[2] as string).toLowerCase(), 'timeout');
    return undefined;
  }
}

function supervisor(text: string): ProcessLine | undefined {
  const exited = SUPERVISOR_EXITED.exec(text);
  if (exited) {
    const [, program = 'program', status, signal, expectation] = exited;
    const isFailure = expectation === undefined ? (status !== undefined && status !== '0') || (signal !== undefined && !STOP_SIGNALS.has(signal)) : expectation === 'not expected';
    if (!isFailure) return { quiet: true };
    return status !== undefined ? failure(program, 'ProcessExit', `exited with status ${status}`, `exit ${status}`) : failure(program, 'ProcessExit', `terminated by ${signal}`, signal);
  }
  const gaveUp = SUPERVISOR_GAVE_UP.exec(text);
  if (gaveUp) return failure(gaveUp[1] as string, 'RestartLimit', `supervisord gave up: entered FATAL state, ${gaveUp[2]}`, undefined, 'critical');
  if (SUPERVISOR_SPAWNED.test(text)) return { startup: true };
  return undefined;
}

function failure(process: string, type: string, message: string, code?: string, level: EventLevel = 'error'): ProcessLine {
  const result: ProcessFailure = { process, type, message, level };
  if (code !== undefined) result.code = code;
  return { failure: result };
}
