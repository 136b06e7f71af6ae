import { describe, expect, it } from 'vitest';
import type { CapturedLine } from '../facts/evidence/evidence.js';
import { classifyFailure } from './classify-failure.js';

const APP = '/tmp/liveready-sim-Ab12/app';

function lines(text: string, stream: 'stdout' | 'stderr' = 'stderr'): CapturedLine[] {
  return text.split('\n').map((line, index) => ({ process: 'web', stream, timeMs: index, text: line }));
}

function classify(text: string, options: { exitCode?: number | null; signal?: string | null; missing?: string[]; reads?: Array<[string, string, number]> } = {}) {
  const envReads = new Map<string, Array<{ file: string; line: number }>>();
  for (const [name, file, line] of options.reads ?? []) envReads.set(name, [...(envReads.get(name) ?? []), { file, line }]);
  return classifyFailure({ lines: lines(text), exitCode: options.exitCode === undefined ? 1 : options.exitCode, signal: options.signal ?? null, appDir: APP, missingVariables: options.missing ?? [], envReads });
}

describe('classifyFailure', () => {
  it('a KeyError on os.environ is a missing variable, located at the innermost project frame', () => {
    const result = classify(
      [
        'Traceback (most recent call last):',
        '  File "/usr/lib/python3/dist-packages/uvicorn/importer.py", line 21, in import_from_string',
        '    module = importlib.import_module(module_str)',
        `  File "${APP}/app/main.py", line 7, in <module>`,
        '    DATABASE_URL = os.environ["DATABASE_URL"]',
        '  File "/usr/lib/python3.11/os.py", line 679, in __getitem__',
        '    raise KeyError(key) from None',
        "KeyError: 'DATABASE_URL'",
      ].join('\n'),
      { missing: ['DATABASE_URL'] },
    );
    expect(result).toMatchObject({ kind: 'missing-env', variable: 'DATABASE_URL', summary: "KeyError: 'DATABASE_URL'", location: { file: 'app/main.py', line: 7 } });
  });

  it('a pydantic settings validation error names the field nothing provides', () => {
    const result = classify(['pydantic.error_wrappers.ValidationError: 1 validation error for Settings', 'stripe_api_key', '  field required (type=value_error.missing)'].join('\n'), { missing: ['STRIPE_API_KEY'] });
    expect(result).toMatchObject({ kind: 'missing-env', variable: 'STRIPE_API_KEY' });
  });

  it('an exception raised on the line that reads an unprovided variable is that variable', () => {
    const result = classify(
      [`${APP}/src/db.js:3`, "const host = process.env.DB_HOST.split(':')[0];", '                                 ^', '', "TypeError: Cannot read properties of undefined (reading 'split')", `    at Object.<anonymous> (${APP}/src/db.js:3:34)`].join('\n'),
      { missing: ['DB_HOST'], reads: [['DB_HOST', 'src/db.js', 3]] },
    );
    expect(result).toMatchObject({ kind: 'missing-env', variable: 'DB_HOST', location: { file: 'src/db.js', line: 3 } });
  });

  it('a required variable that happens to appear in an unrelated log line does not count', () => {
    expect(classify('INFO connecting with DATABASE_URL from settings\nTraceback (most recent call last):\nZeroDivisionError: division by zero', { missing: ['DATABASE_URL'] }).kind).toBe('exception-at-start');
  });

  it.each([
    ["ModuleNotFoundError: No module named 'stripe'", 'missing-module', { module: 'stripe' }],
    ["ImportError: cannot import name 'charge' from 'payments' (/app/payments/__init__.py)", 'missing-module', { module: 'charge' }],
    ["Error: Cannot find module 'express'", 'missing-module', { module: 'express' }],
    ['ERROR:    Error loading ASGI app. Could not import module "app.server".', 'missing-module', { module: 'app.server' }],
    ["Error [ERR_MODULE_NOT_FOUND]: Cannot find package 'fastify' imported from /tmp/x/server.mjs", 'missing-module', { module: 'fastify' }],
    [`Error: Cannot find module '${APP}/dist/server.js'`, 'missing-file', {}],
    [`python3: can't open file '${APP}/main.py': [Errno 2] No such file or directory`, 'missing-file', {}],
    ['  File "/tmp/x/app.py", line 3\n    def index(:\nSyntaxError: invalid syntax', 'syntax-error', {}],
    ["Error: listen EADDRINUSE: address already in use 0.0.0.0:5000", 'port-in-use', {}],
    ['OSError: [Errno 98] Address already in use', 'port-in-use', {}],
    ["PermissionError: [Errno 13] Permission denied: '/var/log/shop.log'", 'permission-denied', {}],
    ['psycopg2.OperationalError: connection to server at "localhost" (127.0.0.1), port 5432 failed: Connection refused', 'database-refused', {}],
    ['Error: connect ECONNREFUSED 127.0.0.1:6379', 'database-refused', {}],
    ['FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory', 'out-of-memory', {}],
    ['sh: 1: exec: uvicorn: not found', 'command-not-found', { module: 'uvicorn' }],
    ['bash: line 1: gunicorn: command not found', 'command-not-found', { module: 'gunicorn' }],
    ['Traceback (most recent call last):\n  File "x", line 1\nRuntimeError: payments provider not configured', 'exception-at-start', {}],
  ] as const)('%s -> %s', (text, kind, extra) => {
    expect(classify(text)).toMatchObject({ kind, ...extra });
  });

  it('a connection refused to an HTTP API is not a database failure', () => {
    expect(classify('Error: connect ECONNREFUSED 127.0.0.1:8080').kind).not.toBe('database-refused');
  });

  it('exit 0 without an error is a clean exit, whatever was logged', () => {
    expect(classify('INFO reminders no reminders due', { exitCode: 0 }).kind).toBe('exited-cleanly');
  });

  it('death by SIGKILL without a message is out of memory; exit 127 without one is a missing command', () => {
    expect(classify('', { exitCode: null, signal: 'SIGKILL' }).kind).toBe('out-of-memory');
    expect(classify('', { exitCode: 127 }).kind).toBe('command-not-found');
  });

  it('otherwise it is unknown, with the last error line', () => {
    expect(classify('starting\nsomething odd happened', { exitCode: 3 })).toMatchObject({ kind: 'unknown', summary: 'exited with code 3: something odd happened' });
  });
});
