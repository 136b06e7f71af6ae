import { describe, expect, it } from 'vitest';
import { projectsFromTrees } from '../../test/support/project-of.js';
import { deployContexts } from './deploy-contexts.js';
import { type StartPlan, resolveStartPlan } from './start-plan.js';

const projectOf = projectsFromTrees();

function sequence(plan: StartPlan | undefined): string {
  if (!plan) return '<none>';
  const bind = plan.bind;
  const port = bind ? (bind.portEnv ? `$${bind.portEnv}${bind.portFallback ? `|${bind.portFallback}` : ''}${bind.isDefaultPort ? ' (default)' : ''}` : `${bind.port ?? '?'}${bind.isDefaultPort ? ' (default)' : ''}`) : '?';
  const host = bind ? `${bind.host ?? '?'}${bind.isDefaultHost ? ' (default)' : ''}` : '?';
  return `${plan.source}: ${plan.command} [cwd ${plan.cwd || '.'}] -> ${plan.entry?.file ?? plan.entry?.value ?? '?'} -> ${plan.server ?? '?'} -> ${host}:${port}${bind ? ` @${bind.location.file}:${bind.location.line}` : ''}`;
}

const FLASK_APP = 'import os\nfrom flask import Flask\napp = Flask(__name__)\nif __name__ == "__main__":\n    app.run(host="0.0.0.0", port=int(os.environ.get("PORT", 5000)))\n';

describe('resolveStartPlan', () => {
  it.each([
    ['config simulate.start wins over everything', { Procfile: 'web: gunicorn app:app\n', 'app.py': FLASK_APP }, { simulate: { start: 'python app.py' } }, '.liveready.yaml simulate.start: python app.py [cwd .] -> app.py -> app.run -> 0.0.0.0:$PORT|5000 @app.py:5'],
    ['.replit [deployment] run beats run and Procfile', { '.replit': 'run = "python app.py"\n[deployment]\nrun = ["gunicorn", "--bind", "0.0.0.0:8000", "app:app"]\n', Procfile: 'web: python app.py\n', 'app.py': FLASK_APP }, {}, '.replit [deployment] run: gunicorn --bind 0.0.0.0:8000 app:app [cwd .] -> app.py -> gunicorn -> 0.0.0.0:8000 @.replit:3'],
    ['Procfile web beats platform manifests, Dockerfile and package.json', { Procfile: 'web: gunicorn app:app\nworker: python worker.py\n', 'railway.json': '{"deploy": {"startCommand": "python app.py"}}', Dockerfile: 'FROM python\nCOPY . .\nCMD ["python", "app.py"]\n', 'app.py': FLASK_APP, 'worker.py': '' }, {}, 'Procfile web: gunicorn app:app [cwd .] -> app.py -> gunicorn -> 0.0.0.0 (default):$PORT|8000 (default) @Procfile:1'],
    ['render startCommand runs in its rootDir', { 'render.yaml': 'services:\n  - type: web\n    name: api\n    rootDir: backend\n    startCommand: uvicorn main:app --host 0.0.0.0 --port $PORT\n', 'backend/main.py': 'app = None\n' }, {}, 'render.yaml api startCommand: uvicorn main:app --host 0.0.0.0 --port $PORT [cwd backend] -> backend/main.py -> uvicorn -> 0.0.0.0:$PORT @render.yaml:5'],
    ['Dockerfile CMD in the image WORKDIR mapped through COPY', { Dockerfile: 'FROM node:20\nWORKDIR /srv\nCOPY web/ .\nENV PORT=8080\nCMD ["node", "server.js"]\n', 'web/server.js': "require('http').createServer(() => {}).listen(process.env.PORT || 3000);\n" }, {}, 'Dockerfile CMD: node server.js [cwd web] -> web/server.js -> listen -> 0.0.0.0 (default):$PORT|3000 @web/server.js:1'],
    ['package.json start through npm scripts to the file and its listen', { 'package.json': '{"scripts": {"start": "npm run serve", "serve": "node src/index.js"}}', 'src/index.js': "const app = require('./app');\n", 'src/app.js': "const express = require('express');\nconst app = express();\napp.listen(4000, 'localhost');\n" }, {}, 'package.json scripts.start: npm run serve [cwd .] -> src/index.js -> app.listen -> localhost:4000 @src/app.js:3'],
    ['a start script: its exports and its last command', { Procfile: 'web: ./bin/start.sh\n', 'bin/start.sh': '#!/bin/sh\nset -e\nexport PORT="${PORT:-9000}"\npython -m app.migrate\nexec uvicorn app.main:app --host 0.0.0.0 --port "$PORT"\n', 'app/main.py': 'app = None\n', 'app/migrate.py': '' }, {}, 'Procfile web: ./bin/start.sh [cwd .] -> bin/start.sh -> uvicorn -> 0.0.0.0:$PORT @bin/start.sh:5'],
    ['the port from a pydantic settings field', { Procfile: 'web: python main.py\n', 'main.py': 'import uvicorn\nfrom settings import settings\nif __name__ == "__main__":\n    uvicorn.run("main:app", host=settings.host, port=settings.port)\n', 'settings.py': 'from pydantic_settings import BaseSettings\nclass Settings(BaseSettings):\n    host: str = "0.0.0.0"\n    port: int = 8000\nsettings = Settings()\n' }, {}, 'Procfile web: python main.py [cwd .] -> main.py -> uvicorn.run -> 0.0.0.0:$PORT|8000 @main.py:4'],
    ['framework convention when nothing declares a start', { 'main.py': 'import uvicorn\nuvicorn.run("main:app")\n' }, {}, 'framework convention (main.py): python main.py [cwd .] -> main.py -> uvicorn.run -> 127.0.0.1 (default):8000 (default) @main.py:2'],
    ['.replit entrypoint alone', { '.replit': 'entrypoint = "index.js"\n', 'index.js': 'Bun.serve({ port: 3000, fetch() {} });\n' }, {}, '.replit entrypoint: node index.js [cwd .] -> index.js -> Bun.serve -> 0.0.0.0 (default):3000 @index.js:1'],
  ])('%s', (_name, files, config, expected) => {
    expect(sequence(resolveStartPlan(projectOf(files), config))).toBe(expected);
  });

  it('lists the web commands it won over, and nothing when the project declares no start', () => {
    const plan = resolveStartPlan(projectOf({ Procfile: 'web: node server.js\n', 'package.json': '{"scripts": {"start": "node server.js"}}', 'server.js': '' }));
    expect(plan?.alternatives.map((alternative) => `${alternative.source} @${alternative.location.line}`)).toEqual(['package.json scripts.start @1']);
    expect(resolveStartPlan(projectOf({ 'lib/util.py': 'x = 1\n' }))).toBeUndefined();
  });
});

describe('deployContexts', () => {
  it('pairs what each deployment routes to with what the app binds there', () => {
    const project = projectOf({
      Dockerfile: 'FROM python:3.12\nWORKDIR /app\nCOPY . .\nEXPOSE 8080\nCMD ["gunicorn", "-b", "0.0.0.0:8000", "app:app"]\n',
      'docker-compose.yml': 'services:\n  web:\n    build: .\n    ports:\n      - "8000:8000"\n  db:\n    image: postgres\n    ports: ["5432:5432"]\n',
      'fly.toml': 'app = "shop"\n[http_service]\ninternal_port = 8000\n',
      '.replit': 'run = "python app.py"\n[[ports]]\nlocalPort = 5000\n',
      'app.py': FLASK_APP,
      Procfile: 'web: gunicorn app:app\n',
    });
    expect(deployContexts(project).map((context) => `${context.kind} ${context.label}: routes ${context.routedPorts.map((port) => `${port.port}@${port.location.file}:${port.location.line}`).join(',') || '-'}; binds ${context.bind ? `${context.bind.host}:${context.bind.port ?? `$${context.bind.portEnv}`}` : '?'}${context.injectsPort ? '; PORT injected' : ''}`)).toEqual([
      'paas Procfile web: routes -; binds 0.0.0.0:8000; PORT injected',
      'replit .replit: routes 5000@.replit:3; binds 0.0.0.0:5000',
      'container Dockerfile: routes 8080@Dockerfile:4; binds 0.0.0.0:8000',
      'container compose service web: routes 8000@docker-compose.yml:5; binds 0.0.0.0:8000',
      'container fly.toml: routes 8000@fly.toml:3; binds 0.0.0.0:8000',
    ]);
  });
});

describe('resolveStartPlan in a repository with nested manifests', () => {
  it('prefers the root manifests over higher-precedence ones in subfolders', () => {
    const plan = resolveStartPlan(projectOf({ 'package.json': '{"scripts": {"start": "node server.js"}}', 'server.js': '', 'examples/demo/Procfile': 'web: python demo.py\n', 'examples/demo/demo.py': '' }));
    expect(plan?.source).toBe('package.json scripts.start');
    expect(plan?.alternatives.map((alternative) => alternative.source)).toEqual(['Procfile web']);
  });
});
