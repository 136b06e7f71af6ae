import { type Level, levelFromNumber, levelFromWord } from './level.js';
import { parseTimestampValue } from './timestamp.js';

/** One structured log record (JSON line or logfmt), whatever library wrote it. */
export interface StructuredRecord {
  level: Level;
  time?: number;
  logger?: string;
  message: string;
  /** A stack trace or Python traceback as text (`err.stack`, structlog's `exception`). */
  stack?: string;
  errorType?: string;
  errorMessage?: string;
  code?: string;
}

type Fields = Record<string, unknown>;

const LEVEL_KEYS = ['level', 'levelname', 'severity', 'lvl', 'log.level', 'loglevel'];
const TIME_KEYS = ['time', 'timestamp', '@timestamp', 'ts', 'asctime', 'datetime', 'date', 't'];
const MESSAGE_KEYS = ['msg', 'message', 'event', '@message'];
const LOGGER_KEYS = ['logger', 'logger_name', 'loggerName', 'name', 'module', 'component', 'service', 'caller'];
const ERROR_KEYS = ['err', 'error', 'exception', 'exc_info', 'exc', 'stack', 'stack_trace', 'stacktrace', 'error.stack_trace'];

/** A JSON object line as a record, or undefined when it is not a log record. Never throws. */
export function parseJsonRecord(text: string, referenceYear: number): StructuredRecord | Fields | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const fields = value as Fields;
  // A journald record (`journalctl -o json`) wraps the app's own line: the caller unwraps it.
  if ('MESSAGE' in fields && ('__REALTIME_TIMESTAMP' in fields || '_PID' in fields || 'SYSLOG_IDENTIFIER' in fields)) return fields;
  return recordFromFields(fields, referenceYear);
}

export function isStructuredRecord(value: StructuredRecord | Fields): value is StructuredRecord {
  return typeof (value as StructuredRecord).level === 'string' && typeof (value as StructuredRecord).message === 'string' && !('MESSAGE' in value);
}

/** `time=... level=error msg="charge failed" logger=app.payments`: logfmt, as Go and some Node loggers write it. */
export function parseLogfmt(text: string, referenceYear: number): StructuredRecord | undefined {
  if (!/(?:^|\s)(?:level|lvl)=/.test(text)) return undefined;
  const fields: Fields = {};
  const pair = /([\w.@-]+)=("(?:[^"\\]|\\.)*"|\S*)/g;
  for (let match = pair.exec(text); match; match = pair.exec(text)) {
    const raw = match[2] ?? '';
    fields[match[1] as string] = raw.startsWith('"') ? raw.slice(1, -1).replace(/\\n/g, '\n').replace(/\\(.)/g, '$1') : raw;
  }
  return recordFromFields(fields, referenceYear);
}

function recordFromFields(fields: Fields, referenceYear: number): StructuredRecord | undefined {
  const level = levelOf(fields);
  if (level === undefined) return undefined;
  const record: StructuredRecord = { level, message: stringField(fields, MESSAGE_KEYS) ?? '' };
  const time = parseTimestampValue(pick(fields, TIME_KEYS), referenceYear);
  if (time !== undefined) record.time = time;
  const logger = stringField(fields, LOGGER_KEYS);
  if (logger && logger !== 'root') record.logger = logger;
  addError(record, pick(fields, ERROR_KEYS));
  return record;
}

function levelOf(fields: Fields): Level | undefined {
  const log = fields.log;
  const raw = pick(fields, LEVEL_KEYS) ?? (typeof log === 'object' && log !== null ? (log as Fields).level : undefined);
  if (typeof raw === 'number') return levelFromNumber(raw, 'pino');
  if (typeof raw === 'string') return levelFromWord(raw.trim()) ?? (/^\d+$/.test(raw) ? levelFromNumber(Number(raw), 'pino') : undefined);
  return undefined;
}

/** err / error / exception: an object with stack/message/type, a traceback string, or structlog's dict traceback. */
function addError(record: StructuredRecord, error: unknown): void {
  if (typeof error === 'string') {
    if (error.includes('\n') || error.startsWith('Traceback')) record.stack = error;
    else if (error.length > 0 && error !== 'None') record.errorMessage = error;
    return;
  }
  if (Array.isArray(error)) return addStructlogTrace(record, error);
  if (typeof error !== 'object' || error === null) return;
  const fields = error as Fields;
  if (typeof fields.stack === 'string') record.stack = fields.stack;
  const type = fields.type ?? fields.name ?? fields.kind ?? fields.class;
  if (typeof type === 'string') record.errorType = type;
  if (typeof fields.message === 'string') record.errorMessage = fields.message;
  if (typeof fields.code === 'string') record.code = fields.code;
}

/** structlog's `dict_tracebacks`: [{exc_type, exc_value, frames: [{filename, lineno, name}]}], rebuilt as text. */
function addStructlogTrace(record: StructuredRecord, chain: unknown[]): void {
  const lines: string[] = [];
  // structlog lists the surfaced exception first; a traceback prints the root cause first.
  for (const entry of chain.slice(0, 10).reverse()) {
    if (typeof entry !== 'object' || entry === null) continue;
    const { exc_type: type, exc_value: value, frames } = entry as Fields;
    if (lines.length > 0) lines.push('', 'During handling of the above exception, another exception occurred:', '');
    lines.push('Traceback (most recent call last):');
    for (const frame of Array.isArray(frames) ? frames.slice(-100) : []) {
      const { filename, lineno, name } = (frame ?? {}) as Fields;
      lines.push(`  File "${String(filename)}", line ${Number(lineno) || 0}, in ${String(name)}`);
    }
    lines.push(`${String(type ?? 'Exception')}: ${String(value ?? '')}`);
  }
  if (lines.length > 0) record.stack = lines.join('\n');
}

function pick(fields: Fields, keys: readonly string[]): unknown {
  for (const key of keys) if (fields[key] !== undefined && fields[key] !== null) return fields[key];
  return undefined;
}

function stringField(fields: Fields, keys: readonly string[]): string | undefined {
  const value = pick(fields, keys);
  return typeof value === 'string' ? value : undefined;
}
