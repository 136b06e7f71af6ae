import { describe, expect, it } from 'vitest';
import { projectsFromTrees } from '../../test/support/project-of.js';
import { envContract, isPlatformVariable } from './env-contract.js';

const projectOf = projectsFromTrees();

describe('envContract', () => {
  it('joins reads across Python, JS and shell with providers and documentation', () => {
    const project = projectOf({
      'api/settings.py': 'import os\nDATABASE_URL = os.environ["DATABASE_URL"]\nDEBUG = os.getenv("DEBUG", "false")\nPORT = int(os.environ.get("PORT", "8000"))\n',
      'web/server.js': "const secret = process.env.SESSION_SECRET;\nconst api = process.env.API_URL || 'http://localhost:8000';\n",
      'start.sh': '#!/bin/sh\nexec gunicorn -w "${WORKERS:-2}" api.app:app\n',
      '.env': 'DEBUG=true\n',
      '.env.example': 'DATABASE_URL=postgres://user:password@localhost/app\nUNUSED_FLAG=1\n',
      '.replit': 'run = "sh start.sh"\n[env]\nSESSION_SECRET = "dev-secret-value"\n',
      Procfile: 'web: WEB_TIMEOUT=30 sh start.sh\n',
    });
    const summary = envContract(project).variables.map((variable) => ({
      name: variable.name,
      required: variable.required,
      strict: variable.strict,
      secret: variable.secret,
      platform: variable.platform,
      reads: variable.reads.map((envRead) => `${envRead.file}:${envRead.line}`),
      provided: variable.provided.map((provision) => `${provision.source}@${provision.file}:${provision.line}`),
      documented: variable.documented.map((doc) => `${doc.file}:${doc.line}`),
    }));
    expect(summary).toEqual([
      { name: 'API_URL', required: false, strict: false, secret: false, platform: false, reads: ['web/server.js:2'], provided: [], documented: [] },
      { name: 'DATABASE_URL', required: true, strict: true, secret: false, platform: false, reads: ['api/settings.py:2'], provided: [], documented: ['.env.example:1'] },
      { name: 'DEBUG', required: false, strict: false, secret: false, platform: false, reads: ['api/settings.py:3'], provided: ['dotenv@.env:1'], documented: [] },
      { name: 'PORT', required: false, strict: false, secret: false, platform: true, reads: ['api/settings.py:4'], provided: [], documented: [] },
      { name: 'SESSION_SECRET', required: true, strict: false, secret: true, platform: false, reads: ['web/server.js:1'], provided: ['replit-env@.replit:3'], documented: [] },
      { name: 'UNUSED_FLAG', required: false, strict: false, secret: false, platform: false, reads: [], provided: [], documented: ['.env.example:2'] },
      { name: 'WEB_TIMEOUT', required: false, strict: false, secret: false, platform: false, reads: [], provided: ['start-command@Procfile:1'], documented: [] },
      { name: 'WORKERS', required: false, strict: false, secret: false, platform: false, reads: ['start.sh:2'], provided: [], documented: [] },
    ]);
  });
});

describe('envContract: deployment manifests (config stage)', () => {
  it('collects provisions from Dockerfile, compose (and its env_file), supervisord, systemd, PaaS manifests and start scripts', () => {
    const project = projectOf({
      'app/settings.py': 'from pydantic_settings import BaseSettings\n\nclass Settings(BaseSettings):\n    database_url: str\n    log_level: str = "info"\n',
      Dockerfile: 'FROM python:3.12\nARG APP_VERSION=dev\nENV PYTHONUNBUFFERED=1 LOG_LEVEL=warning\nCMD ["sh", "start.sh"]\n',
      'start.sh': '#!/bin/sh\nexport GUNICORN_WORKERS=2\nexec gunicorn -w "$GUNICORN_WORKERS" app.main:app\n',
      'docker-compose.yml': 'services:\n  web:\n    build: .\n    env_file: docker.env\n    environment:\n      - DATABASE_URL\n      - CACHE_URL=${CACHE_URL:-redis://cache:6379}\n  db:\n    image: postgres\n    environment:\n      POSTGRES_PASSWORD: ${DB_PASSWORD:?set DB_PASSWORD}\n',
      'docker.env': 'SENTRY_ENVIRONMENT=docker\n',
      'deploy/supervisord.conf': '[program:web]\ncommand=gunicorn app.main:app\nenvironment=DATABASE_URL="%(ENV_DATABASE_URL)s",FEATURE_FLAGS="beta"\n',
      'deploy/shop.service': '[Service]\nEnvironment=TZ=UTC\nExecStart=/usr/bin/gunicorn app.main:app\n',
      'fly.toml': 'app = "shop"\n[env]\nPRIMARY_REGION = "ams"\n',
      'render.yaml': 'services:\n  - type: web\n    name: shop\n    startCommand: sh start.sh\n    envVars:\n      - key: SECRET_KEY\n        generateValue: true\n',
      'app.json': '{ "env": { "STRIPE_KEY": { "required": true } } }\n',
    });
    const contract = envContract(project);
    const row = (name: string): string[] => {
      const variable = contract.variables.find((candidate) => candidate.name === name);
      if (!variable) return ['<absent>'];
      return [
        ...variable.reads.map((envRead) => `read ${envRead.file}:${envRead.line} ${envRead.via}${envRead.strict ? ' strict' : ''}`),
        ...variable.provided.map((provision) => `provided ${provision.source}@${provision.file}:${provision.line}${provision.isForwarded ? ' (forwarded)' : ''}${provision.platformValue ? ` (${provision.platformValue})` : ''}`),
        ...variable.documented.map((doc) => `documented ${doc.file}:${doc.line}`),
      ];
    };
    expect(row('DATABASE_URL')).toEqual([
      'read app/settings.py:4 pydantic Settings.database_url strict',
      'read deploy/supervisord.conf:3 supervisord %(ENV_)s strict',
      'provided compose web environment@docker-compose.yml:6 (forwarded)',
      'provided supervisord web environment@deploy/supervisord.conf:3 (forwarded)',
    ]);
    expect(row('LOG_LEVEL')).toEqual(['read app/settings.py:5 pydantic Settings.log_level', 'provided Dockerfile ENV@Dockerfile:3']);
    expect(row('APP_VERSION')).toEqual(['provided Dockerfile ARG (build time)@Dockerfile:2']);
    // The script reads what it sets itself: not a read of the contract.
    expect(row('GUNICORN_WORKERS')).toEqual(['provided start script export@start.sh:2']);
    expect(row('CACHE_URL')).toEqual(['read docker-compose.yml:7 compose interpolation', 'provided compose web environment@docker-compose.yml:7']);
    expect(row('DB_PASSWORD')).toEqual(['read docker-compose.yml:11 compose interpolation strict']);
    expect(row('SENTRY_ENVIRONMENT')).toEqual(['provided compose web env_file@docker.env:1']);
    expect(row('FEATURE_FLAGS')).toEqual(['provided supervisord web environment@deploy/supervisord.conf:3']);
    expect(row('TZ')).toEqual(['provided systemd Environment=@deploy/shop.service:2']);
    expect(row('PRIMARY_REGION')).toEqual(['provided fly.toml [env]@fly.toml:3']);
    expect(row('SECRET_KEY')).toEqual(['provided render.yaml envVars@render.yaml:6 (generated)']);
    expect(row('STRIPE_KEY')).toEqual(['documented app.json:1']);
  });
});

describe('isPlatformVariable', () => {
  it('knows what platforms, the OS and the runtimes set, whatever the case on Windows', () => {
    for (const name of ['PORT', 'RAILWAY_STATIC_URL', 'Path', 'windir', 'ComSpec', 'USERPROFILE', 'XDG_CACHE_HOME', 'PYTHONSTARTUP', 'COMP_LINE', 'CONTENT_LENGTH', 'NODE_DEBUG']) {
      expect(isPlatformVariable(name), name).toBe(true);
    }
  });

  it('leaves the app\'s own variables to the contract', () => {
    for (const name of ['DATABASE_URL', 'SECRET_KEY', 'PATH_PREFIX', 'XDG', 'NODE_API_URL', 'MY_PYTHONPATH']) {
      expect(isPlatformVariable(name), name).toBe(false);
    }
  });
});
