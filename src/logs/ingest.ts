import type { CapturedLine } from '../facts/evidence/evidence.js';
import type { LogSourceSummary, LogsEvidence } from '../facts/evidence/logs.js';
import { ErrorGroups } from './group/error-groups.js';
import type { ProjectFiles } from './group/project-files.js';
import { LogParser } from './parse/log-parser.js';
import { isGzipFile, readLogLines } from './read/line-reader.js';
import type { LogFile } from './read/log-sources.js';

export interface IngestOptions {
  project: ProjectFiles;
  files: readonly LogFile[];
  /** The simulation's captured output: read as one more source per process, all of it recent. */
  captured?: readonly CapturedLine[];
  /**
   * Where captured output comes from in the repo (the start command's manifest line): errors with
   * no project frame point there, since a finding needs a repo file, not `(simulation: web)`.
   */
  capturedAnchor?: { file: string; line: number };
  failureThreshold: number;
  windowHours: number;
  recentRuns: number;
  /** Problems found before reading (given paths that do not exist). */
  skipped?: LogsEvidence['skipped'];
  signal?: AbortSignal;
  onSource?: (path: string) => void;
}

/** Reads every log source, one at a time and streaming, into compact evidence: error groups and per-source counts. */
export async function ingestLogs(options: IngestOptions): Promise<LogsEvidence> {
  const groups = new ErrorGroups({ project: options.project, windowHours: options.windowHours, recentRuns: options.recentRuns });
  const sources: LogSourceSummary[] = [];
  const skipped = [...(options.skipped ?? [])];
  for (const file of options.files) {
    if (options.signal?.aborted) break;
    options.onSource?.(file.displayPath);
    const summary = await ingestFile(file, sources.length, groups, options.signal);
    if (summary.problem) skipped.push({ path: file.displayPath, reason: summary.problem });
    if (!summary.skipped) sources.push(summary.source);
  }
  for (const [output, lines] of byOutput(options.captured ?? [])) sources.push(ingestCaptured(output, lines, sources.length, groups, options.capturedAnchor));
  return { failureThreshold: options.failureThreshold, sources, skipped, ...groups.finish() };
}

async function ingestFile(file: LogFile, index: number, groups: ErrorGroups, signal: AbortSignal | undefined): Promise<{ source: LogSourceSummary; problem?: string; skipped: boolean }> {
  const gzip = await isGzipFile(file.absolutePath);
  const source: LogSourceSummary = { path: file.displayPath, kind: gzip ? 'gzip' : 'file', bytes: 0, lines: 0, events: 0, garbageLines: 0, timestamped: false, runs: 1 };
  const parser = parserFor(source, index, file.displayPath, groups, false, new Date(file.mtimeMs).getUTCFullYear());
  const outcome = await readLogLines(file.absolutePath, (line, lineNumber) => parser.push(line, lineNumber), { gzip, ...(signal ? { signal } : {}) });
  parser.end();
  Object.assign(source, { bytes: outcome.bytes, lines: outcome.lines, garbageLines: parser.garbageLines, timestamped: parser.timestamps > 0 });
  const result: { source: LogSourceSummary; problem?: string; skipped: boolean } = { source, skipped: outcome.skipped };
  if (outcome.problem) result.problem = outcome.problem;
  return result;
}

function ingestCaptured(output: string, lines: readonly CapturedLine[], index: number, groups: ErrorGroups, anchor: IngestOptions['capturedAnchor']): LogSourceSummary {
  const path = `(simulation: ${output})`;
  const source: LogSourceSummary = { path, kind: 'simulation', bytes: 0, lines: lines.length, events: 0, garbageLines: 0, timestamped: false, runs: 1 };
  const parser = parserFor(source, index, anchor?.file ?? path, groups, true, new Date().getUTCFullYear());
  lines.forEach((line, offset) => {
    source.bytes += line.text.length;
    for (const part of line.text.split('\n')) parser.push(part, anchor?.line ?? offset + 1);
  });
  parser.end();
  source.garbageLines = parser.garbageLines;
  source.timestamped = parser.timestamps > 0;
  return source;
}

/** A parser whose events go to the groups, counted on the source's summary. */
function parserFor(source: LogSourceSummary, index: number, file: string, groups: ErrorGroups, isRecent: boolean, referenceYear: number): LogParser {
  let run = 0;
  return new LogParser(
    {
      event(event) {
        source.events += 1;
        groups.add(event, { source: index, file, run, isRecent });
      },
      // The simulation's clock is not the logs' clock: only log files decide what "the newest log" is.
      time(ms) {
        if (!isRecent) groups.observeTime(ms);
      },
      runStart() {
        if (source.events > 0 || run > 0) run += 1;
        source.runs = run + 1;
        groups.observeRun(index, run);
      },
    },
    { referenceYear },
  );
}

/** Captured lines per process and stream (`web stderr`): a traceback is read within the stream that wrote it. */
function byOutput(captured: readonly CapturedLine[]): Map<string, CapturedLine[]> {
  const result = new Map<string, CapturedLine[]>();
  for (const line of captured) {
    const key = `${line.process} ${line.stream}`;
    const lines = result.get(key) ?? [];
    lines.push(line);
    result.set(key, lines);
  }
  return result;
}
