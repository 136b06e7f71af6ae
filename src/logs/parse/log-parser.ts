import type { EventOrigin, LogEvent } from '../event.js';
import { type ClassifyContext, classifyLine, recordClass } from './classify-line.js';
import { JournalExportRecord, envelopeFromJournalFields, parseEnvelope } from './envelope.js';
import { isStructuredRecord, parseJsonRecord } from './json-record.js';
import { ProcessEvents } from './process-events.js';
import { StreamReader } from './stream-reader.js';

/** Where parsed events and the facts about time go. */
export interface ParseSink {
  event(event: LogEvent): void;
  /** Every timestamp read, so the newest one of all the logs is known. */
  time(ms: number): void;
  /** A server started again (for logs without timestamps, "recent" is the last few runs). */
  runStart(): void;
}

export interface LogParserOptions {
  /** Year for timestamps that have none (syslog `Mar  5 10:00:01`): the file's modification year. */
  referenceYear: number;
}

const MAX_STREAMS = 64;
/** Startup lines this close, with no error between them, belong to the same start (uvicorn prints several). */
const SAME_START_LINES = 5;
// Control bytes are what these look for: binary sections and terminal colours inside a log.
/* eslint-disable no-control-regex */
const CONTROL = /[\x00-\x08\x0e-\x1a\x1c-\x1f\ufffd]/;
const CONTROL_ALL = /[\x00-\x08\x0e-\x1a\x1c-\x1f\ufffd]/g;
const ANSI = /\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07/g;
/* eslint-enable no-control-regex */

/**
 * Reads a log line by line, in any mix of the formats it knows, and reports error events.
 * Linear in the input; holds only the trace being read per stream. Garbage lines are counted and
 * skipped, never fatal.
 */
export class LogParser {
  lines = 0;
  garbageLines = 0;
  timestamps = 0;
  private readonly streams = new Map<string, StreamReader>();
  private readonly journal = new JournalExportRecord();
  private readonly processEvents = new ProcessEvents();
  private lastTime: number | undefined;
  private lastStartup = Number.NEGATIVE_INFINITY;
  private eventsSinceStartup = 0;

  private readonly sink: ParseSink;

  constructor(
    sink: ParseSink,
    private readonly options: LogParserOptions,
  ) {
    this.sink = {
      event: (event) => {
        this.eventsSinceStartup += 1;
        sink.event(event);
      },
      time: (ms) => sink.time(ms),
      runStart: () => sink.runStart(),
    };
  }

  push(raw: string, lineNumber: number): void {
    this.lines += 1;
    const line = cleanLine(raw);
    if (line === undefined) {
      this.garbageLines += 1;
      return;
    }
    if (this.journal.isOpen || JournalExportRecord.startsRecord(line)) return this.pushExportField(line, lineNumber);
    if (line.charCodeAt(0) === 123 && line.endsWith('}') && this.pushJson(line, lineNumber)) return;
    const envelope = parseEnvelope(line, this.options.referenceYear);
    if (envelope) this.pushInner(envelope.stream, envelope.text, lineNumber, envelope.time, envelope.identifier);
    else this.pushInner('', line, lineNumber, undefined, undefined);
  }

  end(): void {
    if (this.journal.isOpen) this.pushExportField('', 0);
    for (const reader of this.streams.values()) reader.end();
    this.streams.clear();
  }

  private pushExportField(line: string, lineNumber: number): void {
    if (line !== '') {
      this.journal.add(line);
      return;
    }
    const envelope = this.journal.take();
    if (envelope) this.pushInner(envelope.stream, envelope.text, lineNumber, envelope.time, envelope.identifier);
  }

  private pushJson(line: string, lineNumber: number): boolean {
    const parsed = parseJsonRecord(line, this.options.referenceYear);
    if (parsed === undefined) return false;
    if (!isStructuredRecord(parsed)) {
      const envelope = envelopeFromJournalFields((key) => parsed[key]);
      if (envelope) this.pushInner(envelope.stream, envelope.text, lineNumber, envelope.time, envelope.identifier);
      return envelope !== undefined;
    }
    this.streams.get('')?.end();
    if (parsed.time !== undefined) this.noteTime(parsed.time);
    const cls = recordClass(parsed, lineNumber, line, parsed.time ?? this.lastTime);
    if (cls.kind === 'event') this.sink.event(cls.event);
    return true;
  }

  private pushInner(stream: string, text: string, lineNumber: number, envelopeTime: number | undefined, identifier: string | undefined): void {
    if (envelopeTime !== undefined) this.noteTime(envelopeTime);
    const context: ClassifyContext = { referenceYear: this.options.referenceYear, processEvents: this.processEvents };
    if (envelopeTime !== undefined) context.envelopeTime = envelopeTime;
    if (identifier !== undefined) context.identifier = identifier;
    if (this.lastTime !== undefined) context.lastTime = this.lastTime;
    const reader = this.reader(stream, identifier);
    const classified = reader.push(text, lineNumber, envelopeTime ?? this.lastTime, () => classifyLine(text, lineNumber, context));
    if (!classified) return;
    if (classified.time !== undefined) this.noteTime(classified.time);
    if (classified.cls.kind !== 'startup') return;
    if (this.eventsSinceStartup > 0 || lineNumber - this.lastStartup > SAME_START_LINES) this.sink.runStart();
    this.lastStartup = lineNumber;
    this.eventsSinceStartup = 0;
  }

  private reader(stream: string, identifier: string | undefined): StreamReader {
    let reader = this.streams.get(stream);
    if (reader) return reader;
    if (this.streams.size >= MAX_STREAMS) {
      const [oldestKey, oldest] = this.streams.entries().next().value as [string, StreamReader];
      oldest.end();
      this.streams.delete(oldestKey);
    }
    const origin: EventOrigin | undefined = identifier ? { name: identifier, kind: 'process' } : undefined;
    reader = new StreamReader((event) => this.sink.event(event), origin);
    this.streams.set(stream, reader);
    return reader;
  }

  private noteTime(ms: number): void {
    this.timestamps += 1;
    this.lastTime = ms;
    this.sink.time(ms);
  }
}

/** The line without colour codes and CR; undefined when it is binary or garbage. */
export function cleanLine(raw: string): string | undefined {
  let line = raw.charCodeAt(raw.length - 1) === 13 ? raw.slice(0, -1) : raw;
  if (line.includes('\x1b')) line = line.replace(ANSI, '');
  if (!CONTROL.test(line)) return line;
  if (line.includes('\x00')) return undefined;
  const controls = line.match(CONTROL_ALL)?.length ?? 0;
  return controls > Math.max(2, line.length * 0.05) ? undefined : line.replace(CONTROL_ALL, '');
}
