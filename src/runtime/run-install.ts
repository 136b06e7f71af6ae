import { join } from 'node:path';
import type { InstallEvidence, TimelineEvent } from '../facts/evidence/evidence.js';
import type { InstallPlan } from './install-plan.js';
import type { LineCapture } from './line-capture.js';
import { ProcessGroup } from './process-group.js';

const TAIL_LINES = 30;
/** Network and registry settings an installer needs from the machine (never credentials of the app). */
const PASSED_TO_INSTALLER = /^(https?_proxy|no_proxy|all_proxy|npm_config_(registry|cache|proxy|https_proxy|strict_ssl|cafile|userconfig)|PIP_(INDEX_URL|EXTRA_INDEX_URL|FIND_LINKS|NO_INDEX|TRUSTED_HOST|CERT|CACHE_DIR)|YARN_(REGISTRY|CACHE_FOLDER)|PNPM_HOME|SSL_CERT_FILE|SSL_CERT_DIR|NODE_EXTRA_CA_CERTS)$/i;

export interface InstallRun {
  plan: InstallPlan;
  appDir: string;
  cwd: string;
  env: Record<string, string>;
  timeoutMs: number;
  capture: LineCapture;
  startedAt: number;
  mark(step: TimelineEvent['step'], detail: string): void;
  signal: AbortSignal;
}

/** The machine's network/registry settings for the installer, plus its caches outside the sandbox. */
export function installerEnvironment(machine: NodeJS.ProcessEnv, realHome: string | undefined): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(machine)) if (value !== undefined && PASSED_TO_INSTALLER.test(name)) env[name] = value;
  // Reuse the user's download caches: a fresh HOME would download everything again.
  if (realHome && !Object.keys(env).some((name) => name.toLowerCase() === 'npm_config_cache')) env.npm_config_cache = join(realHome, '.npm');
  if (realHome && env.PIP_CACHE_DIR === undefined) env.PIP_CACHE_DIR = join(realHome, '.cache', 'pip');
  return env;
}

/** Runs the install in the sandbox, bounded by its timeout; its output is captured as process `install`. */
export async function runInstall(run: InstallRun): Promise<InstallEvidence> {
  const tail: string[] = [];
  const started = Date.now();
  run.mark('install', run.plan.command);
  const group = new ProcessGroup(run.plan.command, {
    cwd: join(run.appDir, run.cwd),
    env: run.env,
    name: 'install',
    capture: run.capture,
    onLine: (line) => {
      tail.push(line.text);
      if (tail.length > TAIL_LINES) tail.shift();
    },
  });
  const onAbort = (): void => {
    group.signal('SIGKILL');
  };
  run.signal.addEventListener('abort', onAbort, { once: true });
  try {
    const exit = await group.waitForExit(run.timeoutMs);
    const evidence: InstallEvidence = { command: run.plan.command, source: run.plan.source, status: 'ok', durationMs: Date.now() - started, tail };
    if (run.plan.location) evidence.location = run.plan.location;
    if (!exit) {
      evidence.status = 'timeout';
      run.mark('install-failed', `no result within ${Math.round(run.timeoutMs / 1000)} s: killed`);
      return evidence;
    }
    evidence.exitCode = exit.code;
    evidence.signal = exit.signal;
    if (exit.error) tail.push(exit.error);
    if (exit.code !== 0 || exit.error) {
      evidence.status = 'failed';
      run.mark('install-failed', `exit code ${exit.code ?? exit.signal ?? '?'}`);
    } else {
      run.mark('installed', `done in ${(evidence.durationMs / 1000).toFixed(1)} s`);
    }
    return evidence;
  } finally {
    run.signal.removeEventListener('abort', onAbort);
    await group.release();
  }
}
