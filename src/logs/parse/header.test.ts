import { describe, expect, it } from 'vitest';
import { parseHeader } from './header.js';

const header = (rest: string): string => {
  const parsed = parseHeader(rest);
  return parsed ? `${parsed.level} | ${parsed.logger ?? '-'} | ${parsed.message}` : 'none';
};

describe('log line headers (the text after the timestamp)', () => {
  it.each([
    ['ERROR:app.payments:Charge failed', 'error | app.payments | Charge failed'],
    ['ERROR:    Exception in ASGI application', 'error | - | Exception in ASGI application'],
    ['- app.payments - ERROR - Charge failed', 'error | app.payments | Charge failed'],
    ['- CRITICAL - app.db - pool exhausted', 'critical | app.db | pool exhausted'],
    ['ERROR in views: Exception on /checkout [POST]', 'error | views | Exception on /checkout [POST]'],
    ['[ERROR] app.payments: Charge failed', 'error | app.payments | Charge failed'],
    ['ERROR [app.payments] Charge failed', 'error | app.payments | Charge failed'],
    ['app.payments ERROR Charge failed', 'error | app.payments | Charge failed'],
    ['| ERROR    | app.reports:build:77 - Report failed', 'error | app.reports | Report failed'],
    [': ERROR/ForkPoolWorker-2] Task app.tasks.send[1] raised', 'error | - | Task app.tasks.send[1] raised'],
    ['[12] [CRITICAL] WORKER TIMEOUT (pid:15)', 'critical | - | WORKER TIMEOUT (pid:15)'],
    ['FATAL ERROR: Reached heap limit', 'fatal | - | Reached heap limit'],
    ['error: charge failed {"service":"api"}', 'error | - | charge failed {"service":"api"}'],
    ['web.1 12 ERROR upstream closed', 'error | - | upstream closed'],
    ['WARNING app.cache: miss', 'quiet | app.cache | miss'],
    ['INFO:root:started', 'quiet | - | started'],
  ])('%s', (rest, expected) => {
    expect(header(rest)).toBe(expected);
  });

  it('reads the level from the header, not from words in the message', () => {
    expect(header('INFO app.main: 0 errors, ERROR budget fine')).toBe('quiet | app.main | 0 errors, ERROR budget fine');
    expect(parseParsedLevel('GET /api/ERROR 200')).toBeUndefined();
    expect(parseParsedLevel('ERRORS found: 0')).toBeUndefined();
    expect(parseParsedLevel('No errors')).toBeUndefined();
  });
});

function parseParsedLevel(rest: string): string | undefined {
  return parseHeader(rest)?.level;
}
