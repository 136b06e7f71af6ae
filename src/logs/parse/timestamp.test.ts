import { describe, expect, it } from 'vitest';
import { parseLeadingTimestamp, parseTimestampValue } from './timestamp.js';

const iso = (text: string): string | undefined => {
  const parsed = parseLeadingTimestamp(text, 2024);
  return parsed ? `${new Date(parsed.ms).toISOString()} | ${parsed.rest}` : undefined;
};

describe('timestamps at the start of a line', () => {
  it.each([
    ['2024-03-05T10:00:01.123Z INFO x', '2024-03-05T10:00:01.123Z | INFO x'],
    ['2024-03-05 10:00:01,123 - app - ERROR - x', '2024-03-05T10:00:01.123Z | - app - ERROR - x'],
    ['2024-03-05T12:00:01+02:00 ERROR x', '2024-03-05T10:00:01.000Z | ERROR x'],
    ['2024-03-05T05:00:01.5-0500 ERROR x', '2024-03-05T10:00:01.500Z | ERROR x'],
    ['[2024-03-05 10:00:01 +0000] [12] [ERROR] x', '2024-03-05T10:00:01.000Z | [12] [ERROR] x'],
    ['[2024-03-05 10:00:01,000: ERROR/ForkPoolWorker-1] x', '2024-03-05T10:00:01.000Z | : ERROR/ForkPoolWorker-1] x'],
    ['05/Mar/2024:11:00:01 +0100 x', '2024-03-05T10:00:01.000Z | x'],
    ['[05/Mar/2024 10:00:01] "GET / HTTP/1.1" 500 12', '2024-03-05T10:00:01.000Z | "GET / HTTP/1.1" 500 12'],
    ['Mar  5 10:00:01 web-1 app[1]: x', '2024-03-05T10:00:01.000Z | web-1 app[1]: x'],
    ['2024/03/05 10:00:01 [error] 7#7: upstream timed out', '2024-03-05T10:00:01.000Z | [error] 7#7: upstream timed out'],
    ['2024-03-05 10:00:01.123456789 UTC x', '2024-03-05T10:00:01.123Z | x'],
  ])('%s', (line, expected) => {
    expect(iso(line)).toBe(expected);
  });

  it('is undefined for lines that only look like dates, and for impossible ones', () => {
    for (const line of ['ERROR 2024-03-05 x', '2024-03-05 no time', '12:00:01 x', 'Traceback (most recent call last):', '9999-99-99 99:99:99 x', '']) {
      expect(iso(line), line).toBeUndefined();
    }
  });

  it('gives consecutive lines of the same second their own milliseconds', () => {
    expect(parseLeadingTimestamp('2024-03-05 10:00:01,100 a', 2024)?.ms).toBe(Date.UTC(2024, 2, 5, 10, 0, 1, 100));
    expect(parseLeadingTimestamp('2024-03-05 10:00:01,900 b', 2024)?.ms).toBe(Date.UTC(2024, 2, 5, 10, 0, 1, 900));
    expect(parseLeadingTimestamp('2024-03-05 10:00:01+01:00 c', 2024)?.ms).toBe(Date.UTC(2024, 2, 5, 9, 0, 1));
  });
});

describe('timestamp fields of JSON records', () => {
  const march5 = Date.UTC(2024, 2, 5, 10, 0, 1);
  it.each([
    ['epoch seconds (structlog)', 1709632801, march5],
    ['epoch seconds with a fraction', 1709632801.25, march5 + 250],
    ['epoch milliseconds (pino)', 1709632801000, march5],
    ['epoch microseconds (journald)', 1709632801000000, march5],
    ['epoch nanoseconds', 1709632801000000000, march5],
    ['a numeric string', '1709632801000', march5],
    ['an ISO string (bunyan, winston)', '2024-03-05T10:00:01.000Z', march5],
  ])('%s', (_name, value, expected) => {
    expect(parseTimestampValue(value, 2024)).toBe(expected);
  });

  it('ignores values that are not times', () => {
    for (const value of [null, 'yesterday', {}, Number.NaN, true]) expect(parseTimestampValue(value, 2024)).toBeUndefined();
  });
});
