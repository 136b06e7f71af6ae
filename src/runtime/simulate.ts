import { existsSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { SimulateConfig } from '../config/schema.js';
import { runtimeOutcome } from '../facts/evidence/describe-simulation.js';
import type { SimulationEvidence, TimelineEvent, WatchEvidence } from '../facts/evidence/evidence.js';
import { envContract } from '../facts/env-contract.js';
import { projectSecrets } from '../facts/evidence/redact-change.js';
import type { Project } from '../facts/project.js';
import type { Finding } from '../model/finding.js';
import { redact } from '../util/redact.js';
import { buildAppEnvironment, baseEnvironment } from './app-env.js';
import { runApp } from './app-run.js';
import { killMarkedProcesses } from './cleanup.js';
import { classifyAttempt } from './classify-attempt.js';
import { planProbes } from './health-probes.js';
import { type InstallPlan, planInstall, shellQuote } from './install-plan.js';
import { LineCapture } from './line-capture.js';
import { findFreePort } from './ports.js';
import { installerEnvironment, runInstall } from './run-install.js';
import { type Sandbox, createSandbox } from './sandbox.js';
import { type StartPlan, execForm, manifestHealthPaths, selectStartPlan } from './start-plan.js';
import { startSandboxWatch } from './watch/sandbox-watch.js';

export interface SimulateInput {
  root: string;
  project: Project;
  config: SimulateConfig;
  /** Static findings (after suppressions): a classified failure is linked to the one that predicted it. */
  findings: readonly Finding[];
  noInstall: boolean;
  /** The Python interpreter for virtualenvs and for `python`/`python3` in the app's PATH. */
  python?: string;
  /** The machine's environment: only PATH and installer network settings are taken from it. */
  machineEnv: NodeJS.ProcessEnv;
  signal: AbortSignal;
  onStep?(text: string): void;
}

export type SimulateResult = { skipped: string } | { simulation: SimulationEvidence; watch?: WatchEvidence };

export const SIMULATION_DEFAULTS = { readyTimeoutSeconds: 30, aliveSeconds: 5, graceSeconds: 10, installTimeoutSeconds: 600, restarts: 3 } as const;
const PYTHON_TOOLS: Record<string, string> = { uvicorn: 'uvicorn', gunicorn: 'gunicorn', flask: 'flask', hypercorn: 'hypercorn', celery: 'celery', daphne: 'daphne', 'waitress-serve': 'waitress' };

/**
 * The deployment simulation: copy the project to a sandbox, install, start it with PORT and the
 * declared environment, wait for readiness, probe, keep it alive, stop it, and classify how it
 * died if it did. The sandbox and every process are gone when this returns (or throws).
 */
export async function simulate(input: SimulateInput): Promise<SimulateResult> {
  const plan = selectStartPlan(input.project, input.config);
  if (!plan) return { skipped: 'no start command: set simulate.start in .liveready.yaml, or declare one (Procfile, package.json start, .replit run)' };
  const run = newRun(input, plan);
  const sandbox = createSandbox(input.root);
  try {
    const install = planInstall(input.project, input.config, sandbox.appDir, plan.cwd, { noInstall: input.noInstall, python: input.python ?? 'python3' });
    const installed = install && !('skipped' in install) ? install : undefined;
    if (installed) {
      const env = { ...baseFor(input, sandbox, []), ...installerEnvironment(input.machineEnv, input.machineEnv.HOME), ...(input.config.env ?? {}) };
      run.evidence.install = await runInstall({ plan: installed, appDir: sandbox.appDir, cwd: plan.cwd, env, timeoutMs: run.limits.installTimeoutMs, capture: run.capture, startedAt: run.startedAt, mark: run.mark, signal: input.signal });
      if (run.evidence.install.status !== 'ok') return finish(run);
    }
    const watch = await startAndWatch(input, run, sandbox, installed);
    return { ...finish(run), watch };
  } finally {
    killMarkedProcesses(sandbox.homeDir);
    sandbox.remove();
  }
}

interface Run {
  startedAt: number;
  limits: ReturnType<typeof limitsOf>;
  capture: LineCapture;
  evidence: SimulationEvidence;
  /** The project's own secret values, masked in the causes. */
  secrets: string[];
  mark(step: TimelineEvent['step'], detail: string, attempt?: number): void;
}

function newRun(input: SimulateInput, plan: StartPlan): Run {
  const startedAt = Date.now();
  const limits = limitsOf(input.config);
  const timeline: TimelineEvent[] = [];
  const evidence: SimulationEvidence = {
    outcome: { healthy: false, failures: [] },
    plan,
    attempts: [],
    restartsAllowed: limits.restarts,
    probes: [],
    timeline,
    environment: { passed: [], placeholders: [], missing: [] },
    limits: { readyTimeoutMs: limits.readyTimeoutMs, aliveMs: limits.aliveMs, graceMs: limits.graceMs, installTimeoutMs: limits.installTimeoutMs },
  };
  if (isBehindLocalProxy(input.project)) evidence.behindLocalProxy = true;
  const mark = (step: TimelineEvent['step'], detail: string, attempt?: number): void => {
    timeline.push({ step, timeMs: Date.now() - startedAt, detail, ...(attempt === undefined ? {} : { attempt }) });
    input.onStep?.(`${step}: ${detail}`);
  };
  return { startedAt, limits, capture: new LineCapture(startedAt), evidence, secrets: projectSecrets(input.project), mark };
}

/** Start (with restarts), probe, stop, classify; the watcher runs from just before the start to just after the stop. */
async function startAndWatch(input: SimulateInput, run: Run, sandbox: Sandbox, install: InstallPlan | undefined): Promise<WatchEvidence> {
  const plan = run.evidence.plan as StartPlan;
  const port = plan.mode === 'web' ? input.config.port || (await findFreePort()) : undefined;
  if (port !== undefined) run.evidence.port = port;
  const contract = envContract(input.project);
  const environment = buildAppEnvironment(contract, input.config, baseFor(input, sandbox, appPath(sandbox, plan.cwd, install, input.python)), port);
  run.evidence.environment = environment.summary;
  const exec = execForm(plan.command, plan.cwd);
  const watch = startSandboxWatch(sandbox.appDir, run.startedAt);
  try {
    const result = await runApp({ plan, command: exec.command, cwd: join(sandbox.appDir, exec.cwd), env: environment.env, port, probes: planProbes(input.config, manifestHealthPaths(input.project)), limits: run.limits, capture: run.capture, startedAt: run.startedAt, signal: input.signal, mark: run.mark });
    Object.assign(run.evidence, result);
    const strays = killMarkedProcesses(sandbox.homeDir);
    if (strays > 0) run.mark('sigkill', `${strays} process${strays === 1 ? '' : 'es'} that left the process group (daemonized) killed`);
    const classification = classifyAttempt({ attempts: result.attempts, capture: run.capture, role: plan.role, appDir: sandbox.appDir, environment: environment.summary, contract, findings: input.findings });
    if (classification) run.evidence.classification = classification;
    return watch.finish(input.project);
  } finally {
    watch.cancel();
  }
}

function finish(run: Run): { simulation: SimulationEvidence } {
  const simulation = run.evidence;
  // Downstream stages (logs) quote these lines: the project's own secret values never leave here.
  simulation.output = run.secrets.length === 0 ? run.capture.lines : run.capture.lines.map((line) => ({ ...line, text: redact(line.text, run.secrets) }));
  simulation.droppedLines = run.capture.dropped;
  const outcome = runtimeOutcome(simulation);
  // The summaries quote the app's output: mask the project's own secret values too.
  simulation.outcome = { ...outcome, failures: outcome.failures.map((failure) => ({ ...failure, summary: redact(failure.summary, run.secrets) })) };
  return { simulation };
}

function baseFor(input: SimulateInput, sandbox: Sandbox, pathPrefix: string[]): Record<string, string> {
  return baseEnvironment({ pathPrefix, machinePath: input.machineEnv.PATH ?? '/usr/local/bin:/usr/bin:/bin', home: sandbox.homeDir, tmp: sandbox.tmpDir });
}

function limitsOf(config: SimulateConfig): { readyTimeoutMs: number; aliveMs: number; graceMs: number; installTimeoutMs: number; restarts: number } {
  return {
    readyTimeoutMs: (config.readyTimeoutSeconds ?? SIMULATION_DEFAULTS.readyTimeoutSeconds) * 1000,
    aliveMs: (config.aliveSeconds ?? SIMULATION_DEFAULTS.aliveSeconds) * 1000,
    graceMs: (config.graceSeconds ?? SIMULATION_DEFAULTS.graceSeconds) * 1000,
    installTimeoutMs: (config.installTimeoutSeconds ?? SIMULATION_DEFAULTS.installTimeoutSeconds) * 1000,
    restarts: config.restarts ?? SIMULATION_DEFAULTS.restarts,
  };
}

/**
 * PATH before the machine's: the virtualenv, node_modules/.bin (of the start directory and the
 * root), wrappers for the chosen Python (`python`, `python3`, and `uvicorn`/`gunicorn`/... run as
 * `python -m`, as pip would have installed them), and the Node running liveready.
 */
function appPath(sandbox: Sandbox, cwd: string, install: InstallPlan | undefined, python: string | undefined): string[] {
  const prefix: string[] = [];
  const venvBin = install?.venvDir ? join(sandbox.appDir, install.venvDir, 'bin') : undefined;
  if (venvBin && existsSync(venvBin)) prefix.push(venvBin);
  for (const dir of new Set([cwd, ''])) prefix.push(join(sandbox.appDir, dir, 'node_modules', '.bin'));
  const interpreter = venvBin && existsSync(join(venvBin, 'python')) ? join(venvBin, 'python') : python;
  if (interpreter) {
    writeWrapper(sandbox.binDir, 'python', `exec ${shellQuote(interpreter)} "$@"`);
    writeWrapper(sandbox.binDir, 'python3', `exec ${shellQuote(interpreter)} "$@"`);
    for (const [tool, module] of Object.entries(PYTHON_TOOLS)) writeWrapper(sandbox.binDir, tool, `exec ${shellQuote(interpreter)} -m ${module} "$@"`);
    prefix.push(sandbox.binDir);
  }
  prefix.push(dirname(process.execPath));
  return prefix;
}

function writeWrapper(binDir: string, name: string, body: string): void {
  writeFileSync(join(binDir, name), `#!/bin/sh\n${body}\n`, { mode: 0o755 });
}

const PAAS_MANIFEST = /(^|\/)(Procfile|\.replit|Dockerfile|app\.json|fly\.toml|render\.yaml|railway\.(json|toml)|nixpacks\.toml|vercel\.json)$/;
const LOCAL_PROXY = /(^|\/)(supervisord\.conf|[^/]*\.service|nginx[^/]*\.conf|[^/]*\.nginx|Caddyfile)$/;

/** A VM behind nginx/supervisord (and no PaaS manifest): there the app is meant to listen on loopback. */
function isBehindLocalProxy(project: Project): boolean {
  const paths = project.files.map((file) => file.path);
  return paths.some((path) => LOCAL_PROXY.test(path)) && !paths.some((path) => PAAS_MANIFEST.test(path));
}
