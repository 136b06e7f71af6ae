import { describe, expect, it } from 'vitest';
import { projectsFromTrees } from '../../test/support/project-of.js';
import { execForm, manifestHealthPaths, selectStartPlan } from './start-plan.js';

describe('execForm', () => {
  it.each([
    ['node server.js', '', 'exec node server.js', ''],
    ['PORT=8000 WEB_CONCURRENCY=2 gunicorn app:app', '', 'PORT=8000 WEB_CONCURRENCY=2 exec gunicorn app:app', ''],
    ['cd api && uvicorn app.main:app --port $PORT', '', 'exec uvicorn app.main:app --port $PORT', 'api'],
    ['cd src && python main.py', 'backend', 'exec python main.py', 'backend/src'],
    ['exec node dist/server.js', '', 'exec node dist/server.js', ''],
  ])('%s (in "%s") runs as `%s` in "%s"', (command, cwd, expected, expectedCwd) => {
    expect(execForm(command, cwd)).toEqual({ command: expected, cwd: expectedCwd });
  });

  it.each(['npm run migrate && node server.js', 'node server.js | tee app.log', 'node server.js > app.log 2>&1', 'python main.py; echo done', 'node $(cat entry.txt)'])(
    'leaves a compound command to the shell: %s',
    (command) => {
      expect(execForm(command, '')).toEqual({ command, cwd: '' });
    },
  );
});

describe('manifestHealthPaths', () => {
  const projectOf = projectsFromTrees();

  it('collects the health check paths the platform manifests declare, once each', () => {
    const project = projectOf({
      'app.py': 'print(1)\n',
      'render.yaml': 'services:\n  - type: web\n    name: api\n    startCommand: gunicorn app:app\n    healthCheckPath: /status\n',
      'railway.json': '{ "deploy": { "startCommand": "gunicorn app:app", "healthcheckPath": "/status" } }\n',
      'fly.toml': 'app = "api"\n[http_service]\ninternal_port = 8080\n[[http_service.checks]]\npath = "/ready"\n',
    });
    expect(manifestHealthPaths(project).sort()).toEqual(['/ready', '/status']);
  });

  it('is empty when no manifest declares one', () => {
    expect(manifestHealthPaths(projectOf({ 'app.py': 'print(1)\n', Procfile: 'web: gunicorn app:app\n' }))).toEqual([]);
  });
});

describe('selectStartPlan', () => {
  const projectOf = projectsFromTrees();

  it('follows the platform precedence for the web process and runs the script itself when npm has no hooks', () => {
    const project = projectOf({
      'server.js': "require('http').createServer().listen(process.env.PORT);\n",
      'package.json': '{ "name": "shop", "scripts": { "start": "node server.js" } }\n',
      Procfile: 'web: node server.js --procfile\nworker: node jobs.js\n',
    });
    expect(selectStartPlan(project, {})).toMatchObject({ command: 'node server.js --procfile', source: 'Procfile web', role: 'web', mode: 'web' });
  });

  it('skips a start that only runs inside a container image, and falls back to a worker when there is no web process', () => {
    const project = projectOf({
      'worker.py': 'import time\nwhile True:\n    time.sleep(5)\n',
      Dockerfile: 'FROM python:3.12-slim\nCOPY . /app\nCMD ["python", "/app/worker.py"]\n',
      Procfile: 'worker: python worker.py\n',
    });
    expect(selectStartPlan(project, {})).toMatchObject({ command: 'python worker.py', source: 'Procfile worker', mode: 'worker' });
  });

  it('uses simulate.start from the config above everything', () => {
    const project = projectOf({ 'app.py': 'print(1)\n', Procfile: 'web: gunicorn app:app\n' });
    expect(selectStartPlan(project, { start: 'python app.py', cwd: './' })).toMatchObject({ command: 'python app.py', cwd: '', source: '.liveready.yaml simulate.start' });
  });
});
