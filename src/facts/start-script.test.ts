import { describe, expect, it } from 'vitest';
import { commandBinds } from './command-binds.js';
import { extractSourceFacts } from './extract/source.js';
import { scriptExports, scriptStartCommand } from './start-script.js';

const SCRIPT = '#!/bin/sh\nset -eu\nexport WORKERS=4 TIMEOUT=30\npython -m app.migrate\nif [ -n "${DEBUG:-}" ]; then\n  export LOG_LEVEL=debug\nfi\ncd backend && exec gunicorn -w "$WORKERS" \\\n  -b "0.0.0.0:${PORT:-8000}" app:app\n';

describe('start script facts', () => {
  const script = extractSourceFacts('shell', SCRIPT).source.shell;

  it('keeps the top-level exports the started program inherits', () => {
    expect(script && scriptExports(script)).toEqual([
      { name: 'WORKERS', value: '4', line: 3 },
      { name: 'TIMEOUT', value: '30', line: 3 },
    ]);
  });

  it('finds the command that starts the app, with the cd chained before it', () => {
    const start = script && scriptStartCommand(script, (command) => commandBinds(command) !== undefined);
    expect(start).toEqual({ text: "cd backend && gunicorn -w '$WORKERS' -b '0.0.0.0:${PORT:-8000}' app:app", line: 8 });
    expect(commandBinds(start?.text ?? '')?.port).toEqual({ kind: 'env', name: 'PORT', fallback: '8000' });
  });
});
