/**
 * What the logs stage read, as compact plain data: error groups (one per fingerprint, like an error
 * tracker), not the events. The logs collector fills it; the logs checks and the report read it.
 * Every text in it is already redacted.
 */

export type ResourceKind = 'out-of-memory' | 'killed-by-signal' | 'timeout' | 'connection-refused' | 'address-in-use' | 'too-many-open-files' | 'disk-full';

/** How an error was attributed to a module: its deepest project frame, else its logger, process or route, else its log file. */
export type ModuleVia = 'frame' | 'logger' | 'process' | 'route' | 'log-file';

export interface LogModuleRef {
  /** A project file (`app/payments.py`), a logger (`uvicorn.error`), a process (`web`, `app.service`), a route (`GET /items/:id`) or a log file. */
  name: string;
  via: ModuleVia;
}

export interface LogFrame {
  /** Repo-relative path of the project file. */
  file: string;
  line: number;
  function?: string;
  /** The source line as the trace printed it. */
  code?: string;
}

export interface LogErrorGroup {
  /** 12 hex digits: sha1 of the signature. Equal fingerprints are the same error. */
  fingerprint: string;
  /** What the fingerprint is made of: root exception, normalized message, top project frame (or module). */
  signature: string;
  module: LogModuleRef;
  level: 'error' | 'critical' | 'fatal';
  /** The root cause: the first exception raised (or the log line itself when there is no exception). */
  exception: { type: string; message: string };
  /** The exception that finally surfaced, when a chain wrapped the root cause. */
  surfacedAs?: { type: string; message: string };
  /** The project frame that raised the root cause. */
  frame?: LogFrame;
  /** Project frames of the trace, innermost first (a few), for matching static findings. */
  projectFrames: LogFrame[];
  resource?: ResourceKind;
  count: number;
  /** Occurrences in the recent window. */
  recentCount: number;
  firstSeen?: string;
  lastSeen?: string;
  /** The latest occurrence: where (log file, 1-based line) and its lines as written (capped). */
  example: { file: string; line: number; text: string[] };
}

export interface LogSourceSummary {
  /** Repo-relative when inside the audited tree, else as given; `(simulation: web)` for captured output. */
  path: string;
  kind: 'file' | 'gzip' | 'simulation';
  bytes: number;
  lines: number;
  events: number;
  garbageLines: number;
  /** Lines with a timestamp were found. */
  timestamped: boolean;
  /** Starts found (startup lines); 1 when none. */
  runs: number;
}

export interface LogWindow {
  hours: number;
  /** For sources without timestamps: the last N runs. */
  recentRuns: number;
  /** The window in ISO time, when some log had timestamps: [from, to], `to` being the newest timestamp. */
  from?: string;
  to?: string;
  /** One sentence for reports ("the last 24 h of the logs, to 2024-03-05 10:00 UTC"). */
  description: string;
}

export interface LogsEvidence {
  failureThreshold: number;
  window: LogWindow;
  sources: LogSourceSummary[];
  skipped: Array<{ path: string; reason: string }>;
  groups: LogErrorGroup[];
  /** Distinct errors beyond the group limit, folded into their module's "other errors" group. */
  foldedGroups: number;
}
