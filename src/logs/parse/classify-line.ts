import { type EventOrigin, type ExceptionInfo, type LogEvent, clipLine } from '../event.js';
import { parseAccessLine } from './access-line.js';
import { type ErrorLine, parseErrorLine } from './error-line.js';
import { parseHeader } from './header.js';
import { type Level, isFailureLevel } from './level.js';
import { type ProcessEvents } from './process-events.js';
import { type StructuredRecord, parseLogfmt } from './json-record.js';
import { parseStackText } from './stack-text.js';
import { isStartupLine } from './startup.js';
import { parseLeadingTimestamp } from './timestamp.js';

/** A line that names a level or an exception and may be continued by a stack on the next lines. */
export interface Candidate {
  level: Level;
  time?: number;
  origin?: EventOrigin;
  message: string;
  line: number;
  text: string[];
  /** The exception the line itself names (`Error: listen EADDRINUSE`), which a Node stack may follow. */
  errorLine?: ErrorLine;
  /** A warning: a traceback under it is a handled exception, not a failure. */
  isWarning?: boolean;
}

export type LineClass =
  | { kind: 'event'; event: LogEvent }
  | { kind: 'candidate'; candidate: Candidate }
  | { kind: 'startup' }
  | { kind: 'plain' };

export interface ClassifyContext {
  referenceYear: number;
  processEvents: ProcessEvents;
  /** Time and writer from the line's envelope (journal, compose), if any. */
  envelopeTime?: number;
  identifier?: string;
  /** The last time seen in this source, inherited by lines without their own. */
  lastTime?: number;
}

export interface Classified {
  cls: LineClass;
  /** A timestamp this line carried itself. */
  time?: number;
}

// gunicorn and uvicorn repeat a failure already logged in these words; counting them would double it.
const ECHOES = /^(?:Shutting down: Master|Reason: Worker failed to boot\.|Application startup failed\. Exiting\.|Worker exiting \(pid: \d+\))$/;

/** What one line of an app's own output is: an event on its own, a possible block head, a start, or nothing. */
export function classifyLine(text: string, lineNumber: number, context: ClassifyContext): Classified {
  const stamp = parseLeadingTimestamp(text, context.referenceYear);
  const rest = stamp ? stamp.rest : text;
  return classifyAccessLine(text, rest, lineNumber, stamp?.ms, context) ?? classifyProcessLine(text, rest, lineNumber, stamp?.ms, context) ?? classifyLogLine(text, rest, lineNumber, stamp?.ms, context);
}

/** A request in an access log: an event when the app answered 5xx. */
function classifyAccessLine(text: string, rest: string, lineNumber: number, stamped: number | undefined, context: ClassifyContext): Classified | undefined {
  const access = parseAccessLine(rest);
  if (!access) return undefined;
  const time = stamped ?? (access.stamp ? parseLeadingTimestamp(access.stamp, context.referenceYear)?.ms : undefined);
  if (access.status < 500) return { cls: { kind: 'plain' }, time };
  const event = makeEvent('error', time ?? context.envelopeTime ?? context.lastTime, `HTTP ${access.status} on ${access.method} ${access.path}`, lineNumber, text, [{ type: `HTTP${access.status}`, message: `${access.method} ${access.path}`, frames: [] }]);
  event.origin = { name: `${access.method} ${access.path}`, kind: 'route' };
  return { cls: { kind: 'event', event }, time };
}

/** A process manager's line: a process died, or started. */
function classifyProcessLine(text: string, rest: string, lineNumber: number, time: number | undefined, context: ClassifyContext): Classified | undefined {
  const processLine = context.processEvents.recognize(rest, context.identifier);
  if (!processLine) return undefined;
  if ('startup' in processLine) return { cls: { kind: 'startup' }, time };
  if ('quiet' in processLine) return { cls: { kind: 'plain' }, time };
  const { failure } = processLine;
  const exception: ExceptionInfo = { type: failure.type, message: failure.message, frames: [] };
  if (failure.code !== undefined) exception.code = failure.code;
  const event = makeEvent(failure.level, time ?? context.envelopeTime ?? context.lastTime, failure.message, lineNumber, text, [exception]);
  if (failure.process) event.origin = { name: failure.process, kind: 'process' };
  return { cls: { kind: 'event', event }, time };
}

/** A log line with a level (or naming an exception): a candidate a trace may continue. */
function classifyLogLine(text: string, rest: string, lineNumber: number, stamped: number | undefined, context: ClassifyContext): Classified {
  let time = stamped;
  const header = parseHeader(rest);
  if (header && time === undefined) {
    const inner = parseLeadingTimestamp(header.message, context.referenceYear);
    if (inner) [time, header.message] = [inner.ms, inner.rest];
  }
  const when = time ?? context.envelopeTime ?? context.lastTime;
  const message = header?.message ?? rest;
  if (isStartupLine(message)) return { cls: { kind: 'startup' }, time };
  if (!header) {
    const record = parseLogfmt(rest, context.referenceYear);
    if (record) return { cls: recordClass(record, lineNumber, text, record.time ?? when), time: time ?? record.time };
  }
  if (header && ECHOES.test(header.message)) return { cls: { kind: 'plain' }, time };
  const errorLine = parseErrorLine(message);
  if (!header && !errorLine) return { cls: { kind: 'plain' }, time };
  // An info line is only worth keeping when a trace could follow it: a warning's (handled) or an exception it names.
  if (header && !isFailureLevel(header.level) && !header.isWarning && !errorLine) return { cls: { kind: 'plain' }, time };
  const candidate: Candidate = { level: header?.level ?? 'error', message, line: lineNumber, text: [clipLine(text)] };
  if (when !== undefined) candidate.time = when;
  if (header?.logger) candidate.origin = { name: header.logger, kind: 'logger' };
  if (errorLine) candidate.errorLine = errorLine;
  if (header?.isWarning) candidate.isWarning = true;
  return { cls: { kind: 'candidate', candidate }, time };
}

/** A structured record (JSON line, logfmt) as an event, or plain when its level is not a failure. */
export function recordClass(record: StructuredRecord, lineNumber: number, text: string, time: number | undefined): LineClass {
  if (!isFailureLevel(record.level)) return { kind: 'plain' };
  const exceptions = record.stack ? parseStackText(record.stack) : [];
  if (exceptions.length === 0 && (record.errorType || record.errorMessage)) {
    exceptions.push({ type: record.errorType ?? 'Error', message: record.errorMessage ?? record.message, frames: [] });
  }
  const last = exceptions[exceptions.length - 1];
  if (last && record.code && last.code === undefined) last.code = record.code;
  const event = makeEvent(record.level, time, record.message || record.errorMessage || last?.message || '', lineNumber, text, exceptions);
  if (record.logger) event.origin = { name: record.logger, kind: 'logger' };
  return { kind: 'event', event };
}

export function makeEvent(level: LogEvent['level'], time: number | undefined, message: string, line: number, text: string, exceptions: ExceptionInfo[]): LogEvent {
  const event: LogEvent = { level, message, exceptions, line, text: [clipLine(text)] };
  if (time !== undefined) event.time = time;
  return event;
}
