import { formatLocation } from '../../model/location.js';
import type { RuntimeOutcome } from '../../model/runtime-outcome.js';
import { redact } from '../../util/redact.js';
import type { FailureClassification, FailureKind, SimulationEvidence } from './evidence.js';
import { judgeSimulation } from './judge-simulation.js';

/**
 * One-line descriptions of what the simulation measured, shared by the runtime checks' messages
 * and the verdict's DEATH_LOOP_CAUSE, so both say the same thing. Redacted. Pure.
 */

export const FAILURE_LABELS: Record<FailureKind, string> = {
  'missing-env': 'missing environment variable',
  'missing-module': 'missing module',
  'missing-file': 'missing file',
  'syntax-error': 'syntax error',
  'port-in-use': 'port already in use',
  'permission-denied': 'permission denied',
  'database-refused': 'database connection refused',
  'out-of-memory': 'out of memory',
  'command-not-found': 'command not found',
  'exception-at-start': 'unhandled exception at start',
  'exited-cleanly': 'exited with code 0',
  unknown: 'unrecognised failure',
};

export function describeCause(classification: FailureClassification | undefined): string {
  if (!classification) return 'no output to classify';
  const subject = classification.variable ?? classification.module;
  const where = classification.location ? ` at ${formatLocation(classification.location)}` : '';
  const predicted = classification.predictedBy ? `; predicted by ${classification.predictedBy.checkId} (${formatLocation(classification.predictedBy.location)})` : '';
  return redact(`${FAILURE_LABELS[classification.kind]}${subject ? ` ${subject}` : ''} (${clip(classification.summary)}${where})${predicted}`);
}

export function describeCrashLoop(evidence: SimulationEvidence): string {
  const attempts = evidence.attempts ?? [];
  const first = attempts[0];
  const exit = first ? exitText(first.exitCode, first.signal) : 'exited';
  return `\`${clip(evidence.plan?.command ?? 'the app')}\` died at every start (${attempts.length} of ${attempts.length}, ${exit}): ${describeCause(evidence.classification)}`;
}

export function describeEarlyExit(evidence: SimulationEvidence): string {
  const attempts = evidence.attempts ?? [];
  const window = Math.round((evidence.limits?.aliveMs ?? 0) / 1000);
  return `\`${clip(evidence.plan?.command ?? 'the app')}\` exited with code 0 at every start (${attempts.length} of ${attempts.length}, each within the ${window} s alive window): a ${evidence.plan?.mode === 'worker' ? 'worker' : 'server'} that stops is restarted by the platform in a loop`;
}

export function describeInstall(evidence: SimulationEvidence): string {
  const install = evidence.install;
  if (!install) return 'the install failed';
  const how = install.status === 'timeout' ? `did not finish within ${Math.round((evidence.limits?.installTimeoutMs ?? 0) / 1000)} s` : `failed (${exitText(install.exitCode, install.signal)})`;
  // The first error line names the cause; later ones are the installer's own epilogue.
  const meaningful = install.tail.filter((line) => line.trim() !== '' && !/complete log of this run|^npm (error|ERR!) *$/i.test(line));
  const cause =
    meaningful.find((line) => /^\s*(ERROR|Error|error|npm ERR!|npm error|E:|fatal)\b/.test(line) && !/^npm (ERR!|error) (code|path|command|errno|signal|workspace|location|Lifecycle)\b/.test(line)) ??
    meaningful.find((line) => /error|fail|not found|no matching|could not|cannot/i.test(line)) ??
    meaningful[meaningful.length - 1];
  return redact(`\`${clip(install.command)}\` ${how}${cause ? `: ${clip(cause.trim())}` : ''}`);
}

export function describeNotReady(evidence: SimulationEvidence): string {
  const attempt = judgeSimulation(evidence).notReady;
  const seconds = Math.round((evidence.limits?.readyTimeoutMs ?? 0) / 1000);
  const ports = attempt?.listeningPorts ?? [];
  const others = ports.filter((port) => port !== evidence.port);
  const listening =
    evidence.port !== undefined && ports.includes(evidence.port)
      ? '; it listens on that port, but only on an address the platform cannot reach (bind to 0.0.0.0)'
      : others.length > 0
        ? `; it listens on ${others.join(', ')} instead (the wrong port)`
        : '; it opened no port at all';
  return `\`${clip(evidence.plan?.command ?? 'the app')}\` never accepted connections on the port in $PORT within ${seconds} s${listening}`;
}

export function describeLoopbackOnly(evidence: SimulationEvidence): string {
  const addresses = judgeSimulation(evidence).loopbackOnly?.portAddresses ?? [];
  const bound = [...new Set(addresses.map((address) => address.slice(0, address.lastIndexOf(':'))))].join(' and ');
  return `\`${clip(evidence.plan?.command ?? 'the app')}\` listens on $PORT only on ${bound} (loopback), which the platform's router, coming in through the network interface, cannot reach`;
}

export function describeProbes(evidence: SimulationEvidence): string {
  const failed = judgeSimulation(evidence).failedProbes;
  const parts = failed.slice(0, 3).map((probe) => `${probe.method} ${probe.path} -> ${probe.status ?? probe.error ?? 'no answer'}${probe.expectStatus ? ` (expected ${probe.expectStatus})` : ''}`);
  return redact(`${failed.length} probe${failed.length === 1 ? '' : 's'} failed: ${parts.join(', ')}${failed.length > 3 ? ', ...' : ''}`);
}

export function describeShutdown(evidence: SimulationEvidence): string {
  const shutdown = evidence.shutdown;
  if (!shutdown) return 'no shutdown was measured';
  const grace = (shutdown.graceMs / 1000).toFixed(0);
  if (shutdown.killed) return `still running ${grace} s after SIGTERM, so it had to be killed with SIGKILL (in-flight requests and jobs are cut off)`;
  return `${exitText(shutdown.exitCode, shutdown.signal)} on SIGTERM, where a clean shutdown exits 0 (or 143)`;
}

export function exitText(code: number | null | undefined, signal: string | null | undefined): string {
  if (signal) return `killed by ${signal}`;
  if (code === null || code === undefined) return 'ended';
  return `exit code ${code}`;
}

/** `/tmp/liveready-sim-Ab12/app/server.js` -> `server.js`: paths inside the sandbox, as the repo knows them. */
export function stripSandboxPaths(text: string): string {
  return text.replace(/(?:file:\/\/)?\/[^\s'"():]*?liveready-sim-[A-Za-z0-9]+\/(?:app\/)?/g, '');
}

function clip(text: string, max = 160): string {
  const flat = stripSandboxPaths(text).replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

type RuntimeFailure = RuntimeOutcome['failures'][number];

/** The verdict's view: healthy only when it started, became ready, answered and stopped cleanly. */
export function runtimeOutcome(evidence: SimulationEvidence): RuntimeOutcome {
  const judgement = judgeSimulation(evidence);
  const failures: RuntimeFailure[] = [];
  const add = (kind: RuntimeFailure['kind'], checkId: string, summary: string): void => {
    failures.push({ kind, checkId, summary });
  };
  if (judgement.installFailed) add('install', 'runtime/no-install-failure', describeInstall(evidence));
  if (judgement.crashLoop) add('crash-loop', 'runtime/no-crash-loop', describeCrashLoop(evidence));
  if (judgement.exitsAtOnce) add('crash-loop', 'runtime/no-early-exit', describeEarlyExit(evidence));
  if (judgement.notReady) add('readiness', 'runtime/require-readiness', describeNotReady(evidence));
  if (judgement.loopbackOnly) add('readiness', 'runtime/require-readiness', describeLoopbackOnly(evidence));
  if (judgement.failedProbes.length > 0) add('readiness', 'runtime/no-failing-probe', describeProbes(evidence));
  if (judgement.shutdown) add('shutdown', 'runtime/require-graceful-shutdown', describeShutdown(evidence));
  const started = (evidence.attempts ?? []).length > 0;
  return { healthy: started && judgement.ready && failures.length === 0, failures };
}
