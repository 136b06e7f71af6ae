import { describe, expect, it } from 'vitest';
import type { LogEvent } from '../event.js';
import { LogParser, cleanLine } from './log-parser.js';

interface Parsed {
  events: LogEvent[];
  runs: number;
  parser: LogParser;
}

function parse(text: string): Parsed {
  const result: Parsed = { events: [], runs: 0, parser: undefined as unknown as LogParser };
  result.parser = new LogParser({ event: (event) => result.events.push(event), time: () => {}, runStart: () => (result.runs += 1) }, { referenceYear: 2024 });
  text.split('\n').forEach((line, index) => result.parser.push(line, index + 1));
  result.parser.end();
  return result;
}

/** One line per event: line, level, origin, the exception chain (root first) and its innermost frame. */
function summary(text: string): string[] {
  return parse(text).events.map((event) => {
    const chain = event.exceptions.map((exception) => `${exception.type}: ${exception.message}${exception.code ? ` [${exception.code}]` : ''}`).join(' -> ');
    const frame = event.exceptions[0]?.frames[0];
    return `${event.line} ${event.level} ${event.origin ? `${event.origin.kind}:${event.origin.name}` : '-'} | ${chain || event.message}${frame ? ` @ ${frame.file}:${frame.line}` : ''}`;
  });
}

const TRACE = ['Traceback (most recent call last):', '  File "/app/app/jobs.py", line 9, in run', '    step()', 'ValueError: bad step'];

describe('tracebacks and the line before them', () => {
  it('attaches a traceback to the error line that introduced it: one event, not two', () => {
    expect(summary(['2024-03-05 10:00:00,000 ERROR app.jobs: job failed', ...TRACE].join('\n'))).toEqual(['1 error logger:app.jobs | ValueError: bad step @ /app/app/jobs.py:9']);
  });

  it('takes a traceback under a warning as handled (no event), and one under an info line as an uncaught crash', () => {
    expect(summary(['2024-03-05 10:00:00,000 WARNING app.jobs: retrying', ...TRACE].join('\n'))).toEqual([]);
    expect(summary(['2024-03-05 10:00:00,000 INFO app.jobs: started', ...TRACE].join('\n'))).toEqual(['2 error - | ValueError: bad step @ /app/app/jobs.py:9']);
  });

  it('reads a SyntaxError printed without a "Traceback" line', () => {
    expect(summary(['  File "/app/app/routes.py", line 27', '    def list_orders(:', '                    ^', 'SyntaxError: invalid syntax'].join('\n'))).toEqual(['1 error - | SyntaxError: invalid syntax @ /app/app/routes.py:27']);
  });

  it('counts a traceback cut off by the end of the file, or by another line, as a Traceback event', () => {
    expect(summary(TRACE.slice(0, 3).join('\n'))).toEqual(['1 error - | Traceback: traceback cut off before its exception line @ /app/app/jobs.py:9']);
    expect(summary([...TRACE.slice(0, 3), '[2024-03-05 10:00:00 +0000] [7] [INFO] Booting worker'].join('\n'))).toEqual(['1 error - | Traceback: traceback cut off before its exception line @ /app/app/jobs.py:9']);
  });

  it('keeps a 1,000-frame recursion bounded and still finds the innermost frame', () => {
    const frames = Array.from({ length: 1000 }, (_, index) => `  File "/app/app/tree.py", line ${index + 1}, in walk\n    walk(node.child)`);
    const events = parse(['Traceback (most recent call last):', ...frames, 'RecursionError: maximum recursion depth exceeded'].join('\n')).events;
    expect(events).toHaveLength(1);
    expect(events[0]?.exceptions[0]?.frames.length).toBe(200);
    expect(events[0]?.exceptions[0]?.frames[0]?.line).toBe(1000);
    expect(events[0]?.text.length).toBe(40);
  });
});

describe('Node output', () => {
  it('reads an error with a property block and a cause; the cause is the root', () => {
    const text = [
      'Error: checkout failed',
      '    at checkout (/app/src/checkout.js:10:11) {',
      '  [cause]: Error: connect ECONNREFUSED 127.0.0.1:5432',
      '      at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1555:16) {',
      "    code: 'ECONNREFUSED'",
      '  },',
      "  code: 'E_CHECKOUT'",
      '}',
      'Server listening on port 3000',
    ].join('\n');
    expect(summary(text)).toEqual(['1 error - | Error: connect ECONNREFUSED 127.0.0.1:5432 -> Error: checkout failed [E_CHECKOUT]']);
  });

  it('reads unhandled rejections, new and old style', () => {
    const text = [
      '[UnhandledPromiseRejection: This error originated either by throwing inside of an async function without a catch block. The promise rejected with the reason "boom".] {',
      "  code: 'ERR_UNHANDLED_REJECTION'",
      '}',
      '(node:12) UnhandledPromiseRejectionWarning: TypeError: x is not a function',
      '    at run (/app/src/jobs.js:3:5)',
    ].join('\n');
    expect(summary(text)).toEqual(['1 error - | UnhandledPromiseRejection: boom', '4 error - | TypeError: x is not a function @ /app/src/jobs.js:3']);
  });

  it('ignores stack frames that follow nothing (a stack printed in pieces, or console.trace)', () => {
    expect(summary(['    at run (/app/src/jobs.js:3:5)', '    at next (/app/src/jobs.js:9:1)'].join('\n'))).toEqual([]);
  });
});

describe('envelopes and structured lines', () => {
  it('reads a traceback split across journal lines of one process while another process writes', () => {
    const text = [
      'Mar 05 10:00:01 web-1 shop[812]: Traceback (most recent call last):',
      'Mar 05 10:00:01 web-1 worker[813]: 2024-03-05 10:00:01,002 INFO app.jobs: job 77 done',
      'Mar 05 10:00:01 web-1 shop[812]:   File "/opt/shop/app/orders.py", line 88, in import_orders',
      'Mar 05 10:00:01 web-1 worker[813]: ERROR:app.jobs:job 78 failed',
      'Mar 05 10:00:01 web-1 shop[812]: ValueError: bad row',
    ].join('\n');
    // Each stream is read on its own: shop's trace is whole although the worker wrote between its lines.
    expect(summary(text)).toEqual(['1 error process:shop | ValueError: bad row @ /opt/shop/app/orders.py:88', '4 error logger:app.jobs | job 78 failed']);
  });

  it('reads docker compose prefixes per service', () => {
    expect(summary(['web-1     | ERROR:app:boom', 'worker-1  | INFO:app:ok'].join('\n'))).toEqual(['1 error logger:app | boom']);
  });

  it('reads logfmt, and JSON lines whose level says error; other JSON and broken JSON are not events', () => {
    const text = [
      'time=2024-03-05T10:00:00Z level=error msg="upload failed" logger=app.storage err="no such bucket"',
      '{"level":"info","msg":"ok"}',
      '{"severity":"ERROR","message":"quota exceeded","logger":"app.quota"}',
      '{"level": "error", "msg": "cut off',
      '{"msg":"no level at all","err":"boom"}',
    ].join('\n');
    expect(summary(text)).toEqual(['1 error logger:app.storage | Error: no such bucket', '3 error logger:app.quota | quota exceeded']);
  });

  it('strips colours and CR, and skips garbage lines without losing the block around them', () => {
    const text = ['\u001b[31mERROR\u001b[0m:app.jobs:job failed\r', '\u0000\u0001\u0002\u0003 binary \u0004\u0005', ...TRACE].join('\n');
    const parsed = parse(text);
    expect(parsed.parser.garbageLines).toBe(1);
    // The garbage line is transparent: the traceback still belongs to the error line above it.
    expect(summary(text)).toEqual(['1 error logger:app.jobs | ValueError: bad step @ /app/app/jobs.py:9']);
  });
});

describe('runs', () => {
  it('counts a start per startup line, with several lines of one start and a crash loop told apart', () => {
    const start = ['INFO:     Started server process [1]', 'INFO:     Waiting for application startup.', 'INFO:     Uvicorn running on http://0.0.0.0:8000'];
    expect(parse([...start, 'ERROR:app:boom', ...start, 'ERROR:app:boom', 'Server listening on port 3000'].join('\n')).runs).toBe(3);
  });
});

describe('cleanLine', () => {
  it('keeps text with a stray control byte, rejects binary', () => {
    expect(cleanLine('tab\there\u0007bell')).toBe('tab\therebell');
    expect(cleanLine('a\u0000b')).toBeUndefined();
    expect(cleanLine('\u0001\u0002\u0003\u0004')).toBeUndefined();
  });
});
