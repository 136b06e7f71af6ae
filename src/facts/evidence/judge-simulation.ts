import type { AttemptEvidence, CapturedLine, ProbeEvidence, SimulationEvidence } from './evidence.js';

/** What went wrong in a simulation, piece by piece: the runtime checks and the verdict read the same judgement. */
export interface SimulationJudgement {
  installFailed: boolean;
  /** Every start ended by itself with an error: the platform would restart it forever. */
  crashLoop: boolean;
  /** Every start ended by itself without an error (exit 0): a worker or server that just stops. */
  exitsAtOnce: boolean;
  /** It died at least once but a restart stayed up: flaky start. */
  restartedThenStayedUp: AttemptEvidence[];
  /** The web process stayed alive but never accepted connections on PORT. */
  notReady?: AttemptEvidence;
  /** Ready, but every socket on PORT is bound to loopback: the platform's router cannot reach it. */
  loopbackOnly?: AttemptEvidence;
  failedProbes: ProbeEvidence[];
  shutdown?: 'ignored-sigterm' | 'bad-exit-code';
  ready: boolean;
  /** Error lines a worker that stayed up wrote while it ran (a worker is judged by its output). */
  workerErrors: CapturedLine[];
}

/** A traceback, or a line logged at error level or above (`ERROR:root:`, `[error]`, `level=error`, JSON `"level":"error"`). */
const ERROR_LINE = /^Traceback \(most recent call last\)|^\[?(ERROR|CRITICAL|FATAL)\b|^\[?(error|critical|fatal)\]?:|\blevel=(error|fatal|critical)\b|"level": ?"(error|fatal|critical)"/i;

export function isErrorLine(text: string): boolean {
  return ERROR_LINE.test(text.trim());
}

/** A clean shutdown: exit 0, 143 (128 + SIGTERM) from a shell, or death by the SIGTERM itself. */
export function isCleanShutdownExit(code: number | null | undefined, signal: string | null | undefined): boolean {
  return code === 0 || code === 143 || signal === 'SIGTERM';
}

/** Pure: reads the evidence, never re-measures. */
export function judgeSimulation(evidence: SimulationEvidence): SimulationJudgement {
  const attempts = evidence.attempts ?? [];
  const died = attempts.filter((attempt) => attempt.exitedOnItsOwn);
  const survivor = attempts.find((attempt) => !attempt.exitedOnItsOwn);
  const allDied = attempts.length > 0 && !survivor;
  const cleanDeaths = died.length > 0 && died.every((attempt) => attempt.exitCode === 0 && !attempt.signal);
  const ready = survivor?.readyMs !== undefined && survivor.result === 'stopped';
  const shutdown = evidence.shutdown;
  let shutdownProblem: SimulationJudgement['shutdown'];
  if (ready && shutdown) {
    if (shutdown.killed) shutdownProblem = 'ignored-sigterm';
    else if (!isCleanShutdownExit(shutdown.exitCode, shutdown.signal)) shutdownProblem = 'bad-exit-code';
  }
  const judgement: SimulationJudgement = {
    installFailed: evidence.install !== undefined && evidence.install.status !== 'ok',
    crashLoop: allDied && !cleanDeaths,
    exitsAtOnce: allDied && cleanDeaths,
    restartedThenStayedUp: survivor ? died : [],
    failedProbes: (evidence.probes ?? []).filter((probe) => probe.judgement === 'failed'),
    ready,
    workerErrors:
      ready && evidence.plan?.mode === 'worker' && survivor
        ? (evidence.output ?? []).filter((line) => line.process === evidence.plan?.role && line.timeMs >= survivor.startMs && line.timeMs <= (survivor.endMs ?? Number.MAX_SAFE_INTEGER) && isErrorLine(line.text))
        : [],
  };
  if (survivor?.result === 'not-ready') judgement.notReady = survivor;
  const addresses = survivor?.portAddresses ?? [];
  if (ready && !evidence.behindLocalProxy && addresses.length > 0 && addresses.every((address) => isLoopbackAddress(address.slice(0, address.lastIndexOf(':'))))) judgement.loopbackOnly = survivor;
  if (shutdownProblem) judgement.shutdown = shutdownProblem;
  return judgement;
}

/** True for 127.0.0.0/8, ::1 and IPv4-mapped loopback. */
export function isLoopbackAddress(address: string): boolean {
  return address.startsWith('127.') || address === '::1' || address.startsWith('::ffff:127.');
}
