import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { describeCheckFixtures } from '../../../../test/support/check-fixtures.js';
import { noDebugMode } from './check.js';
import { devModeOf } from './dev-commands.js';

describeCheckFixtures(fileURLToPath(new URL('.', import.meta.url)), noDebugMode);

describe('development start commands', () => {
  it.each([
    ['flask run --debug --host 0.0.0.0', 'critical'],
    ['FLASK_DEBUG=1 flask run', 'critical'],
    ['uvicorn app.main:app --reload', 'moderate'],
    ['python manage.py runserver 0.0.0.0:$PORT', 'moderate'],
    ['npx nodemon server.js', 'moderate'],
    ['node --watch server.js', 'moderate'],
    ['next dev -p $PORT', 'moderate'],
    ['vite --host', 'moderate'],
    ['react-scripts start', 'moderate'],
  ])('%s', (command, severity) => {
    expect(devModeOf(command)?.severity).toBe(severity);
  });

  it.each(['gunicorn app:app --bind 0.0.0.0:$PORT', 'python manage.py runserver --noreload', 'vite build', 'vite preview --port $PORT', 'next start', 'node server.js', 'flask run --host 0.0.0.0', 'uvicorn main:app --reload-dir src'])('%s is a production start', (command) => {
    expect(devModeOf(command)).toBeUndefined();
  });
});
