import type { Location } from '../../model/location.js';
import type { RuntimeOutcome } from '../../model/runtime-outcome.js';
import type { AdvisoriesEvidence } from './advisories.js';
import type { GoalsEvidence } from './goals.js';
import type { LogsEvidence } from './logs.js';

/**
 * What the audit learned by doing something other than reading source: ingesting logs, running
 * the app, watching the tree, reading the goal tracker. Collectors (engine/runtime/logs, which do
 * I/O) fill it between check phases; checks of the later stages read it like any other fact.
 * Each stage owns one optional key.
 */
export interface Evidence {
  /** Set by the simulation collector when it ran (absent: the app was not started). */
  simulation?: SimulationEvidence;
  /** Set by the simulation collector: what changed in the sandbox while the app ran. */
  watch?: WatchEvidence;
  /** Set by the logs collector: error groups from the log files and the simulation's output. */
  logs?: LogsEvidence;
  /** Set by the goals collector: the goal tracker and each goal's measured status. */
  goals?: GoalsEvidence;
  // --- schema stage: dependency advisories ---
  /** Set by the advisories collector when the project locks packages: OSV records for them and their sources. */
  advisories?: AdvisoriesEvidence;
  [key: string]: unknown;
}

/** One line the started app wrote, as the simulation captured it (the logs stage reads these too). */
export interface CapturedLine {
  /** Which process wrote it (`web`, `worker`, `install`). */
  process: string;
  stream: 'stdout' | 'stderr';
  /** Milliseconds since the simulation started. */
  timeMs: number;
  text: string;
}

/** The minimum the verdict and the logs stage need from the simulation; the simulate stage extends it. */
export interface SimulationEvidence {
  outcome: RuntimeOutcome;
  /** Everything the app wrote, in order (secrets are the app's own business: redact before printing). */
  output?: CapturedLine[];
  // ---- simulate stage (issue 6): optional so the logs stage can build the minimum above ----
  /** What was started and where it is declared. */
  plan?: StartPlanEvidence;
  /** The port given to the app as PORT (absent for workers). */
  port?: number;
  install?: InstallEvidence;
  /** Each start of the app: the first, then the restarts of the crash-loop detection. */
  attempts?: AttemptEvidence[];
  /** Restarts allowed before a crash loop is declared. */
  restartsAllowed?: number;
  /** Health probes and smoke requests, in the order they were sent. */
  probes?: ProbeEvidence[];
  shutdown?: ShutdownEvidence;
  /** The first failure, classified from the app's output; linked to the static finding that predicted it. */
  classification?: FailureClassification;
  /** Every step with its time (ms since the simulation started). */
  timeline?: TimelineEvent[];
  /** Names only, never values. */
  environment?: EnvironmentSummary;
  /** Limits the run used, in milliseconds. */
  limits?: { readyTimeoutMs: number; aliveMs: number; graceMs: number; installTimeoutMs: number };
  /** Lines not kept because the capture buffer was full. */
  droppedLines?: number;
  /** The project runs on a VM behind a local reverse proxy (supervisord/systemd/nginx, no PaaS manifest): a loopback bind is right there. */
  behindLocalProxy?: boolean;
}

export interface StartPlanEvidence {
  command: string;
  /** Directory it runs in, relative to the root ('' = the root). */
  cwd: string;
  /** Where it comes from: `.liveready.yaml simulate.start`, `Procfile web`, `package.json scripts.start`... */
  source: string;
  /** The manifest line that declares it (absent for a configured command). */
  location?: Location;
  role: string;
  /** web: judged by its port and probes; worker: by staying alive. */
  mode: 'web' | 'worker';
}

export interface InstallEvidence {
  command: string;
  /** What the command was chosen from (`package-lock.json`, `requirements.txt`, `.liveready.yaml`). */
  source: string;
  location?: Location;
  status: 'ok' | 'failed' | 'timeout';
  exitCode?: number | null;
  signal?: string | null;
  durationMs: number;
  /** The last lines the installer wrote (raw: redact before printing). */
  tail: string[];
}

export interface AttemptEvidence {
  index: number;
  /** Process id of the group leader (the group id). */
  pid?: number;
  startMs: number;
  endMs?: number;
  /** Set when the process ended by itself (not by our SIGTERM/SIGKILL). */
  exitedOnItsOwn: boolean;
  exitCode?: number | null;
  signal?: string | null;
  /** When PORT accepted connections (web), or when the alive window ended (worker). */
  readyMs?: number;
  /** TCP ports the process group listened on when readiness was judged (Linux). */
  listeningPorts: number[];
  /** The sockets on PORT, as `address:port` (`0.0.0.0:41234`, `127.0.0.1:41234`), when readiness was judged. */
  portAddresses?: string[];
  /** Why this attempt ended: exited, ready-and-stopped, never-ready (timed out). */
  result: 'exited' | 'stopped' | 'not-ready' | 'spawn-error';
  error?: string;
}

export interface ProbeEvidence {
  kind: 'health' | 'smoke';
  method: string;
  path: string;
  /** config (`simulate.healthPaths`), manifest (a platform health check), default, smoke. */
  source: 'config' | 'manifest' | 'default' | 'smoke';
  status?: number;
  latencyMs: number;
  /** First bytes of the body (raw: redact before printing). */
  bodyExcerpt?: string;
  error?: string;
  /** The status the probe expected (smoke `expectStatus`); absent: 2xx/3xx. */
  expectStatus?: number;
  /** ok: answered as expected; failed: a blocker; absent: a default path the app does not serve (404/405). */
  judgement: 'ok' | 'failed' | 'absent';
  timeMs: number;
}

export interface ShutdownEvidence {
  graceMs: number;
  sigtermMs: number;
  exitMs?: number;
  /** From SIGTERM to exit. */
  durationMs?: number;
  exitCode?: number | null;
  signal?: string | null;
  /** The grace period ran out and the group was killed with SIGKILL. */
  killed: boolean;
}

export type FailureKind =
  | 'missing-env'
  | 'missing-module'
  | 'syntax-error'
  | 'port-in-use'
  | 'permission-denied'
  | 'database-refused'
  | 'out-of-memory'
  | 'command-not-found'
  | 'missing-file'
  | 'exception-at-start'
  | 'exited-cleanly'
  | 'unknown';

export interface FailureClassification {
  kind: FailureKind;
  /** One line: what killed it (`KeyError: 'DATABASE_URL'`). */
  summary: string;
  /** The output line that shows it (raw: redact before printing). */
  line?: string;
  variable?: string;
  module?: string;
  /** Where the app failed (from the traceback or stack), repo-relative. */
  location?: Location;
  /** The static finding that predicted it. */
  predictedBy?: { checkId: string; location: Location; fingerprint: string };
  attempt: number;
}

export interface TimelineEvent {
  step: 'install' | 'installed' | 'install-failed' | 'spawn' | 'port-open' | 'first-probe-ok' | 'probe-failed' | 'exit' | 'restart' | 'not-ready' | 'alive' | 'sigterm' | 'sigkill' | 'stopped';
  timeMs: number;
  attempt?: number;
  detail: string;
}

export interface EnvironmentSummary {
  /** Variables passed with a value from the project (env files, manifests) or the config. */
  passed: string[];
  /** Secrets passed as clearly fake placeholders. */
  placeholders: string[];
  /** Required variables nothing provides: not passed, so a crash predicts the real one. */
  missing: string[];
}

/** The watcher's record of one file that changed while the app ran. */
export interface FileChange {
  path: string;
  change: 'created' | 'modified' | 'deleted';
  /** Milliseconds since the simulation started, when the live watcher saw it first. */
  timeMs?: number;
  /** A config or env file (`.env*`, config json/yaml/toml/ini, `.replit`). */
  isConfig: boolean;
  /** Line counts for text files whose old content was kept. */
  linesAdded?: number;
  linesRemoved?: number;
  /** A few changed lines, `+ ` / `- ` prefixed (raw: redact before printing). */
  excerpt?: string[];
  /** The source line that writes it, when one was found. */
  writer?: Location;
}

export interface WatchEvidence {
  /** The directory that was watched, relative to the root. */
  watched: string;
  changes: FileChange[];
  /** Files compared before/after. */
  filesBefore: number;
  filesAfter: number;
  /** Change events the live watcher reported (the before/after snapshot is what counts). */
  liveEvents: number;
  /** Set when the snapshot stopped early (too many files). */
  truncated?: string;
}
