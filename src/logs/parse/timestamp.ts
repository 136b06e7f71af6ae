/**
 * Timestamps as logs write them, at the start of a line or in a JSON field. Times without a zone
 * are read as UTC: a log's times are compared with each other, so one convention is enough.
 */

export interface LeadingTimestamp {
  ms: number;
  /** The text after the timestamp (and its closing bracket), leading spaces removed. */
  rest: string;
}

const MONTHS: Record<string, number> = { jan: 0, feb: 1, mar: 2, apr: 3, may: 4, jun: 5, jul: 6, aug: 7, sep: 8, oct: 9, nov: 10, dec: 11 };

// 2024-03-05T10:00:01.123Z, 2024-03-05 10:00:01,123, 2024/03/05 10:00:01 +0100
const ISO = /^(\d{4})[-/](\d\d)[-/](\d\d)[T ](\d\d):(\d\d):(\d\d)(?:[.,](\d{1,9}))?(?: ?(Z|UTC|[+-]\d\d:?\d\d)(?![\d:]))?/;
// 05/Mar/2024:10:00:01 +0000 (common log format), 05/Mar/2024 10:00:01 (Django runserver)
const CLF = /^(\d\d)\/([A-Z][a-z]{2})\/(\d{4})[: ](\d\d):(\d\d):(\d\d)(?: ([+-]\d{4}))?/;
// Mar  5 10:00:01 (syslog, journalctl short): no year
const SYSLOG = /^([A-Z][a-z]{2}) ([ \d]?\d) (\d\d):(\d\d):(\d\d)(?:\.\d+)?/;

/** A timestamp at the start of `text` (optionally in `[...]`), or undefined. Never throws. */
export function parseLeadingTimestamp(text: string, referenceYear: number): LeadingTimestamp | undefined {
  const bracket = text.charCodeAt(0) === 91; // '['
  const body = bracket ? text.slice(1) : text;
  const first = body.charCodeAt(0);
  let ms: number | undefined;
  let length = 0;
  if (first >= 48 && first <= 57) {
    const iso = ISO.exec(body);
    if (iso) {
      ms = isoMs(body, iso);
      length = iso[0].length;
    } else {
      const clf = CLF.exec(body);
      if (clf) {
        ms = utc(clf[3], monthNumber(clf[2]), clf[1], clf[4], clf[5], clf[6], undefined, clf[7]);
        length = clf[0].length;
      }
    }
  } else if (first >= 65 && first <= 90) {
    const syslog = SYSLOG.exec(body);
    if (syslog) {
      ms = utc(String(referenceYear), monthNumber(syslog[1]), syslog[2], syslog[3], syslog[4], syslog[5], undefined, undefined);
      length = syslog[0].length;
    }
  }
  if (ms === undefined || Number.isNaN(ms)) return undefined;
  let rest = body.slice(length);
  if (bracket && rest.charCodeAt(0) === 93) rest = rest.slice(1);
  return { ms, rest: rest.trimStart() };
}

/** A timestamp field of a JSON record: epoch seconds or milliseconds, or a date string. */
export function parseTimestampValue(value: unknown, referenceYear: number): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) {
    if (value > 1e17) return Math.floor(value / 1e6); // nanoseconds
    if (value > 1e14) return Math.floor(value / 1e3); // microseconds
    return value > 1e11 ? value : value * 1000;
  }
  if (typeof value !== 'string' || value.length < 8) return undefined;
  if (/^\d{10,19}(\.\d+)?$/.test(value)) return parseTimestampValue(Number(value), referenceYear);
  return parseLeadingTimestamp(value, referenceYear)?.ms;
}

// Consecutive lines mostly share their second: remember the last one (a log has millions of lines).
let lastSecondKey = '';
let lastSecondMs = 0;

function isoMs(body: string, iso: RegExpExecArray): number {
  const key = body.slice(0, 19);
  if (key !== lastSecondKey) {
    lastSecondMs = utc(iso[1], iso[2], iso[3], iso[4], iso[5], iso[6], undefined, undefined);
    lastSecondKey = key;
  }
  const fraction = iso[7];
  return lastSecondMs + (fraction ? Number(fraction.slice(0, 3).padEnd(3, '0')) : 0) - zoneOffsetMs(iso[8]);
}

function monthNumber(name: string | undefined): string | undefined {
  const month = MONTHS[(name ?? '').toLowerCase()];
  return month === undefined ? undefined : String(month + 1);
}

function utc(year?: string, month?: string, day?: string, hour?: string, minute?: string, second?: string, fraction?: string, zone?: string): number {
  if (!year || !month || !day || !hour || !minute || !second) return Number.NaN;
  // `9999-99-99 99:99:99` is an id or a version, not a time.
  if (+month < 1 || +month > 12 || +day < 1 || +day > 31 || +hour > 23 || +minute > 59 || +second > 60) return Number.NaN;
  const millis = fraction ? Number(fraction.slice(0, 3).padEnd(3, '0')) : 0;
  const base = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second), millis);
  return base - zoneOffsetMs(zone);
}

function zoneOffsetMs(zone: string | undefined): number {
  if (!zone || zone === 'Z' || zone === 'UTC') return 0;
  const digits = zone.replace(':', '');
  const sign = digits.startsWith('-') ? -1 : 1;
  return sign * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5))) * 60_000;
}
