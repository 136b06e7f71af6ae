import { resolve } from 'node:path';
import type { Collector, CollectorContext } from '../engine/collectors.js';
import { resolveLogSources } from './read/log-sources.js';

/** What the CLI passes as `collectorOptions.logs`: `--logs` paths (absolute) and overrides. */
export interface LogsCollectorOptions {
  paths?: string[];
  failureThreshold?: number;
  windowHours?: number;
}

export const DEFAULT_FAILURE_THRESHOLD = 2;
export const DEFAULT_WINDOW_HOURS = 24;
export const DEFAULT_RECENT_RUNS = 5;

/**
 * The logs stage's I/O: finds the log files, streams each one through the parsers, adds the
 * simulation's captured output when there is some, and stores error groups on
 * `project.evidence.logs` for the logs checks. Reads only; never executes anything.
 */
export const logsCollector: Collector = {
  id: 'logs',
  stage: 'logs',
  executesCode: false,
  phase: 2,
  async collect(context) {
    const options = logsOptions(context);
    const given = options.paths ?? context.config.logs?.paths?.map((path) => resolve(context.root, path));
    const sources = resolveLogSources(context.root, context.project.files, given);
    // The installer's output is judged by runtime/no-install-failure; the logs stage reads the app's.
    const captured = (context.project.evidence.simulation?.output ?? []).filter((line) => line.process !== 'install');
    const anchor = context.project.evidence.simulation?.plan?.location;
    if (sources.files.length === 0 && captured.length === 0) {
      if (sources.missing.length > 0) return { skipped: `no log files: ${sources.missing.map((entry) => `${entry.path} (${entry.reason})`).join(', ')}` };
      return { skipped: given ? 'no log files in the given paths' : 'no log files found (looked for logs/, log/ and *.log; give --logs <path> or logs.paths)' };
    }
    // The parsers and the grouping are loaded only when there are logs to read.
    const [{ ingestLogs }, { ProjectFiles }] = await Promise.all([import('./ingest.js'), import('./group/project-files.js')]);
    context.project.evidence.logs = await ingestLogs({
      project: new ProjectFiles(context.project.files.map((file) => file.path)),
      files: sources.files,
      captured,
      ...(anchor ? { capturedAnchor: { file: anchor.file, line: anchor.line } } : {}),
      failureThreshold: options.failureThreshold ?? context.config.logs?.failureThreshold ?? DEFAULT_FAILURE_THRESHOLD,
      windowHours: options.windowHours ?? context.config.logs?.windowHours ?? DEFAULT_WINDOW_HOURS,
      recentRuns: context.config.logs?.recentRuns ?? DEFAULT_RECENT_RUNS,
      skipped: sources.missing,
      signal: context.signal,
      onSource: (path) => context.onProgress?.({ type: 'message', text: `reading log ${path}` }),
    });
  },
};

function logsOptions(context: CollectorContext): LogsCollectorOptions {
  const raw = context.options.logs;
  return typeof raw === 'object' && raw !== null ? (raw as LogsCollectorOptions) : {};
}
