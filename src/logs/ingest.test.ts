import { statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { LogsEvidence } from '../facts/evidence/logs.js';
import { ProjectFiles } from './group/project-files.js';
import { describeException, describeOrigin } from './group/modules.js';
import { ingestLogs } from './ingest.js';

const FIXTURES = fileURLToPath(new URL('../../test/fixtures/logs/', import.meta.url));

/** The audited tree the fixture logs were written by (frames are matched against these paths). */
const PROJECT = new ProjectFiles([
  'app/__init__.py', 'app/payments.py', 'app/mailer.py', 'app/views.py', 'app/reports.py', 'app/tasks.py', 'app/cache.py',
  'app/settings.py', 'app/main.py', 'app/db.py', 'app/routes.py', 'app/sync.py', 'app/export.py', 'app/billing.py',
  'app/orders.py', 'app/uploads.py', 'app/search.py', 'app/storage.py', 'api/items.py',
  'server.js', 'src/routes/orders.js', 'src/jobs/inventory.js', 'src/payments.js', 'src/cart.js', 'src/routes/checkout.js',
]);

async function ingest(...names: string[]): Promise<LogsEvidence> {
  const files = names.map((name) => ({ absolutePath: join(FIXTURES, name), displayPath: `logs/${name}`, size: statSync(join(FIXTURES, name)).size, mtimeMs: Date.UTC(2024, 2, 6) }));
  return ingestLogs({ project: PROJECT, files, failureThreshold: 2, windowHours: 24, recentRuns: 5 });
}

/** module, fingerprint, count, root cause: what an error tracker would show for each group. */
async function groupsOf(name: string): Promise<string[]> {
  const evidence = await ingest(name);
  return evidence.groups.map((group) => `${group.module.name} | ${group.fingerprint} | ${group.count} | ${describeException(group)} ${describeOrigin(group)}`);
}

describe('log formats, one fixture each', () => {
  it('Python logging: basicConfig, name-level-message, Flask, loguru, Celery; warning tracebacks are handled ones', async () => {
    expect(await groupsOf('python-logging.log')).toEqual([
      "app/payments.py | bd5ddd6522ab | 2 | KeyError: 'amount_cents' raised at app/payments.py:18 in charge",
      'app/mailer.py | 012800f04049 | 1 | error "SMTP send failed for user 4821" logged by app/mailer.py',
      'app/views.py | 536b342f1d59 | 1 | ZeroDivisionError: division by zero raised at app/views.py:41 in checkout',
      'app/reports.py | b9f35adac049 | 1 | error "Report build failed: disk quota" logged by app/reports.py',
      'app/tasks.py | d6f4a1aa5f57 | 1 | TimeoutError: SMTP server did not answer raised at app/tasks.py:23 in send_receipt',
    ]);
  });

  it('chained Python tracebacks: the first exception raised is the root cause, the last one surfaced', async () => {
    const evidence = await ingest('python-chained.log');
    expect(evidence.groups.map((group) => `${group.module.name} | ${group.fingerprint} | ${group.count} | ${describeException(group)} ${describeOrigin(group)} => ${group.surfacedAs?.type ?? '-'}`)).toEqual([
      'app/routes.py | 10c00fe2b7b5 | 1 | SyntaxError: invalid syntax raised at app/routes.py:27 => -',
      "app/settings.py | b5dfedbb96ec | 1 | KeyError: 'DATABASE_URL' raised at app/settings.py:12 in load => app.settings.ConfigError",
      'app/db.py | b623810f9e06 | 1 | psycopg2.OperationalError: connection to server at "10.0.3.7", port 5432 failed: Connection refused raised at app/db.py:30 in connect => RuntimeError',
    ]);
    const settings = evidence.groups.find((group) => group.module.name === 'app/settings.py');
    expect(settings?.signature).toBe("KeyError: 'DATABASE_URL' @ app/settings.py:load");
    expect(settings?.level).toBe('critical');
    expect(settings?.projectFrames.map((frame) => `${frame.file}:${frame.line}`)).toEqual(['app/settings.py:12', 'app/settings.py:14', 'app/main.py:5']);
    expect(evidence.groups.find((group) => group.module.name === 'app/db.py')?.resource).toBe('connection-refused');
  });

  it('uvicorn and gunicorn: ASGI tracebacks, 5xx access lines by route, worker timeouts and kills', async () => {
    const evidence = await ingest('uvicorn-gunicorn.log');
    expect(evidence.groups.map((group) => `${group.module.name} | ${group.fingerprint} | ${group.count} | ${describeException(group)} | ${group.resource ?? '-'}`)).toEqual([
      'GET /items/:id | 086095e3e6f7 | 2 | HTTP 500 response | -',
      "api/items.py | d8c98aad5c9c | 2 | AttributeError: 'NoneType' object has no attribute 'to_dict' | -",
      'POST /orders | 8664ddddcf3c | 1 | HTTP 502 response | -',
      "logs/uvicorn-gunicorn.log | ddc9c1e3adec | 1 | error \"[Errno 98] error while attempting to bind on address ('0.0.0.0', 8000): address already in use\" | address-in-use",
      'logs/uvicorn-gunicorn.log | e9d625bb395e | 1 | critical "WORKER TIMEOUT (pid:15)" | timeout',
      "logs/uvicorn-gunicorn.log | f15ff0c5c7e5 | 1 | error \"Connection in use: ('0.0.0.0', 8000)\" | address-in-use",
      'logs/uvicorn-gunicorn.log | fd797eb865dd | 1 | error "Worker (pid:15) was sent SIGKILL! Perhaps out of memory?" | out-of-memory',
    ]);
    expect(evidence.sources[0]).toMatchObject({ lines: 27, events: 9, runs: 2, timestamped: true });
  });

  it('Node: uncaught errors, property blocks, unhandled rejections (both styles), MODULE_NOT_FOUND, EADDRINUSE', async () => {
    expect(await groupsOf('node.log')).toEqual([
      "src/routes/orders.js | a2081f38dc0b | 2 | TypeError: Cannot read properties of undefined (reading 'id') raised at src/routes/orders.js:22 in getOrder",
      'server.js | 09d56214a67e | 1 | Error: listen EADDRINUSE: address already in use :::3000 raised at server.js:40 at module level',
      'logs/node.log | 0b250f2095d1 | 1 | Error: connect ECONNREFUSED 127.0.0.1:6379 in logs/node.log:15',
      'logs/node.log | 346bf3c216f2 | 1 | UnhandledPromiseRejection: payment provider timeout in logs/node.log:35',
      'src/jobs/inventory.js | 58c59d281651 | 1 | Error: Request failed with status code 503 raised at src/jobs/inventory.js:48 in syncInventory',
      "src/payments.js | 8e34cd6492db | 1 | Error: Cannot find module 'stripe' raised at src/payments.js:1 at module level",
      'server.js | d2751f1adc76 | 1 | Error: SESSION_SECRET is not set raised at server.js:14 at module level',
    ]);
  });

  it('JSON lines: pino, bunyan, winston, structlog (text and dict tracebacks), python-json-logger', async () => {
    expect(await groupsOf('app.jsonl')).toEqual([
      "src/cart.js | 961e20fef684 | 2 | TypeError: Cannot read properties of undefined (reading 'total') raised at src/cart.js:17 in computeTotal",
      'shop-worker | 0dc37816fcbf | 1 | Error: connect ECONNREFUSED 10.0.3.9:5672 logged by shop-worker',
      "app/export.py | 662cee6e6ea5 | 1 | PermissionError: [Errno 13] Permission denied: '/var/exports/daily.csv' raised at app/export.py:19 in write_csv",
      'app/sync.py | 77c32a5d0e1c | 1 | ValueError: size must be positive, got -5 raised at app/sync.py:71 in fetch_rows',
      'webhooks | e115d696b8c2 | 1 | error "Webhook signature invalid for event evt_1OqX4e2eZvKYlo2C" logged by webhooks',
      'app/billing.py | f409e1aa3cd3 | 1 | jinja2.exceptions.TemplateNotFound: invoice.html raised at app/billing.py:64 in render',
    ]);
  });

  it('supervisord: unexpected exits and give-ups per program; expected exits and stops are quiet', async () => {
    expect(await groupsOf('supervisord.log')).toEqual([
      'worker | 3a595e60b3c8 | 4 | ProcessExit: exited with status 1 in process worker',
      'web | a30ff81c59c0 | 1 | ProcessExit: terminated by SIGKILL in process web',
      'worker | b664d7a3a679 | 1 | RestartLimit: supervisord gave up: entered FATAL state, too many start retries too quickly in process worker',
    ]);
  });

  it('journalctl short output: a traceback interleaved with another process, OOM kills counted once per unit, clean stops quiet', async () => {
    expect(await groupsOf('journal.txt')).toEqual([
      'python3 | 372a61aafd4e | 1 | OutOfMemory: the kernel OOM killer killed python3 in process python3',
      "app/orders.py | 4699c317f59f | 1 | ValueError: invalid literal for int() with base 10: 'two' raised at app/orders.py:88 in import_orders",
      'shop.service | dae0c290b139 | 1 | RestartLimit: systemd gave up restarting it: start request repeated too quickly in process shop.service',
      'shop.service | f6d6899667db | 1 | OutOfMemory: a process of this unit was killed by the OOM killer in process shop.service',
      'shop.service | f792de5185d5 | 1 | ProcessExit: main process exited with status 1/FAILURE in process shop.service',
    ]);
  });

  it('journalctl -o json and -o export give the same groups', async () => {
    const expected = [
      'app/cache.py | 0da520bb13a4 | 1 | redis.exceptions.ConnectionError: Error 111 connecting to 10.0.3.4:6379. Connection refused. raised at app/cache.py:14 in connect',
      'api.service | 225563ab7ffc | 1 | ProcessExit: main process exited with status 3/NOTIMPLEMENTED in process api.service',
    ];
    expect(await groupsOf('journal.json')).toEqual(expected);
    expect(await groupsOf('journal.export')).toEqual(expected);
  });

  it('plain ERROR/CRITICAL/FATAL lines, logfmt, and a bare "Killed"', async () => {
    expect(await groupsOf('plain.log')).toEqual([
      'logs/plain.log | f60f1f696f6e | 2 | error "could not open /var/data/uploads/2024/03/avatar-8812.png: permission denied" in logs/plain.log:3',
      'app/storage.py | 597f0e3f99a5 | 1 | Error: dial tcp 10.0.4.2:443: i/o timeout logged by app/storage.py',
      'logs/plain.log | 65db8082b167 | 1 | fatal "Reached heap limit Allocation failed - JavaScript heap out of memory" in logs/plain.log:5',
      'logs/plain.log | cd159a74c593 | 1 | critical "payment reconciliation aborted after 3 retries" in logs/plain.log:4',
      'logs/plain.log | e6f15efd6c06 | 1 | Killed: the process was killed (SIGKILL) in logs/plain.log:11',
    ]);
  });

  it('a gzip-rotated file is read through zlib; a truncated one up to the damage', async () => {
    expect(await groupsOf('app.log.1.gz')).toEqual(['app/uploads.py | 8e8db8ba8793 | 2 | OSError: [Errno 28] No space left on device raised at app/uploads.py:31 in store']);
    const broken = await ingest('app.log.2.gz');
    expect(broken.sources[0]).toMatchObject({ kind: 'gzip', lines: 2 });
    expect(broken.skipped).toEqual([{ path: 'logs/app.log.2.gz', reason: 'broken gzip stream (Z_BUF_ERROR): read up to the damage' }]);
  });

  it('garbage lines and a binary section inside a log are skipped; the error after them is read', async () => {
    const evidence = await ingest('garbage-and-binary.log');
    expect(evidence.groups.map((group) => `${group.module.name} | ${group.fingerprint} | ${group.count} | ${describeException(group)}`)).toEqual([
      'app/search.py | 120b4cc1b932 | 1 | search.IndexCorrupt: segment 7 checksum mismatch',
    ]);
    expect(evidence.sources[0]).toMatchObject({ lines: 50, garbageLines: 4, events: 1 });
  });

  it('a file that is binary from the start is skipped with the reason', async () => {
    const evidence = await ingest('core.log', 'plain.log');
    expect(evidence.skipped).toEqual([{ path: 'logs/core.log', reason: 'binary, not a log: 100% of the first 20 KB is binary data' }]);
    expect(evidence.sources.map((source) => source.path)).toEqual(['logs/plain.log']);
  });

  it('the same error in two files is one group counted across both', async () => {
    const evidence = await ingest('journal.json', 'journal.export');
    expect(evidence.groups.map((group) => `${group.fingerprint} ${group.count}`)).toEqual(['0da520bb13a4 2', '225563ab7ffc 2']);
  });
});
