import { parseLeadingTimestamp } from './timestamp.js';

/**
 * The wrapper a collector puts around each line of an app's output: a journal export's
 * `Mar 05 10:00:01 host app[123]: `, docker compose's `web-1  | `. Removing it gives the app's
 * own line and a stream key, so a traceback split across interleaved processes is read per process.
 */
export interface Envelope {
  /** Which process wrote the line (`app[123]`, `web-1`): lines of one stream are read in order. */
  stream: string;
  /** The syslog identifier or compose service (`app`, `systemd`, `kernel`, `web`). */
  identifier: string;
  time?: number;
  text: string;
}

// host app[123]: message  /  host kernel: message
const JOURNAL_TAIL = /^(\S+) ([^\s:[\]]+)(?:\[(\d+)\])?: ?(.*)$/;
const COMPOSE = /^([a-z0-9][\w.-]*?)(?:[-_]\d+)?\s+\| ?(.*)$/;
const BARE_IDENTIFIERS = new Set(['kernel', 'systemd', 'supervisord']);

export function parseEnvelope(line: string, referenceYear: number): Envelope | undefined {
  const first = line.charCodeAt(0);
  if (first >= 65 && first <= 90) return journalLine(line, referenceYear, true);
  if (first >= 48 && first <= 57 && line.length > 25 && line.charCodeAt(10) === 84 /* T */) {
    const journal = journalLine(line, referenceYear, false);
    if (journal) return journal;
  }
  if (first >= 97 && first <= 122 && line.includes('| ')) {
    const compose = COMPOSE.exec(line);
    if (compose) return { stream: compose[1] as string, identifier: compose[1] as string, text: compose[2] ?? '' };
  }
  return undefined;
}

/** `Mar 05 10:00:01 host app[1]: ...` (short) or `2024-03-05T10:00:01+0000 host app[1]: ...` (short-iso). */
function journalLine(line: string, referenceYear: number, syslogDate: boolean): Envelope | undefined {
  const stamp = parseLeadingTimestamp(line, referenceYear);
  if (!stamp) return undefined;
  const tail = JOURNAL_TAIL.exec(stamp.rest);
  if (!tail) return undefined;
  const [, , identifier = '', pid, text = ''] = tail;
  // short-iso lines look like `2024-... app.payments ERROR: x` from Python unless a pid or a known daemon says otherwise.
  if (pid === undefined && !BARE_IDENTIFIERS.has(identifier) && !syslogDate) return undefined;
  return { stream: pid === undefined ? identifier : `${identifier}[${pid}]`, identifier, time: stamp.ms, text };
}

/** `journalctl -o export`: KEY=value lines, one record per blank-line-separated block. */
export class JournalExportRecord {
  private fields = new Map<string, string>();

  static startsRecord(line: string): boolean {
    return line.startsWith('__CURSOR=') || line.startsWith('__REALTIME_TIMESTAMP=');
  }

  get isOpen(): boolean {
    return this.fields.size > 0;
  }

  /** Adds a field line; false when the line is not one (binary fields are written differently and skipped). */
  add(line: string): boolean {
    const equals = line.indexOf('=');
    if (equals <= 0 || !/^[A-Z_][A-Z0-9_]*$/.test(line.slice(0, equals))) return false;
    if (this.fields.size < 200) this.fields.set(line.slice(0, equals), line.slice(equals + 1));
    return true;
  }

  /** The record as an envelope, and a fresh record for the next block. */
  take(): Envelope | undefined {
    const fields = this.fields;
    this.fields = new Map();
    return envelopeFromJournalFields((key) => fields.get(key));
  }
}

/** A journald record (export or `-o json`) as an envelope around its MESSAGE. */
export function envelopeFromJournalFields(field: (key: string) => unknown): Envelope | undefined {
  const message = field('MESSAGE');
  if (typeof message !== 'string') return undefined;
  const identifier = String(field('SYSLOG_IDENTIFIER') ?? field('_SYSTEMD_UNIT') ?? field('_COMM') ?? 'journal');
  const pid = field('_PID') ?? field('SYSLOG_PID');
  const envelope: Envelope = { stream: pid === undefined ? identifier : `${identifier}[${String(pid)}]`, identifier, text: message };
  const micros = Number(field('__REALTIME_TIMESTAMP'));
  if (Number.isFinite(micros) && micros > 0) envelope.time = Math.floor(micros / 1000);
  return envelope;
}
