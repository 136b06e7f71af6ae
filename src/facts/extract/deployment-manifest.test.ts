import { describe, expect, it } from 'vitest';
import { kindFromName } from '../../discovery/file-kind.js';
import type { ComposeFacts, DockerfileFacts, PlatformFacts, SupervisordFacts, SystemdFacts } from '../deployment-manifest-types.js';
import type { ManifestFacts, PackageJsonFacts, ReplitFacts } from '../manifest-types.js';
import { extractManifestFacts } from './manifest.js';

function manifestOf<T extends ManifestFacts>(path: string, text: string): T {
  const extraction = extractManifestFacts(kindFromName(path), text, path);
  expect(extraction.problems).toEqual([]);
  return extraction.manifest as T;
}

function problemsOf(path: string, text: string): string[] {
  return extractManifestFacts(kindFromName(path), text, path).problems.map((problem) => `${problem.line}: ${problem.message}`);
}

describe('Dockerfile facts', () => {
  const dockerfile = [
    'ARG PYTHON=3.12',
    'FROM python:${PYTHON}-slim AS base',
    'ENV PYTHONUNBUFFERED=1 APP_HOME="/srv/app"',
    'ENV LEGACY_MODE on and off',
    'ARG PORT=8080',
    'WORKDIR $APP_HOME',
    'COPY --chown=app requirements.txt ./',
    'FROM base AS final',
    'COPY --from=base /srv/app /srv/app',
    'EXPOSE ${PORT}/tcp 9090/udp',
    'USER app',
    'HEALTHCHECK --interval=30s CMD curl -f http://localhost:8080/health || exit 1',
    'ENTRYPOINT ["./docker-entrypoint.sh"]',
    'CMD gunicorn -b 0.0.0.0:8080 app:app',
  ].join('\n');

  it('records stages, variables, ports, commands, copies, health checks and users with lines', () => {
    const facts = manifestOf<DockerfileFacts>('Dockerfile', dockerfile);
    expect(facts.stages).toEqual([{ image: 'python:3.12-slim', name: 'base', line: 2 }, { image: 'base', name: 'final', line: 8 }]);
    expect(facts.env.map((entry) => `${entry.stage}:${entry.name}=${entry.value}@${entry.line}`)).toEqual(['0:PYTHONUNBUFFERED=1@3', '0:APP_HOME=/srv/app@3', '0:LEGACY_MODE=on and off@4']);
    expect(facts.args).toEqual([{ name: 'PYTHON', defaultValue: '3.12', line: 1, stage: -1 }, { name: 'PORT', defaultValue: '8080', line: 5, stage: 0 }]);
    expect(facts.workdirs).toEqual([{ path: '/srv/app', line: 6, stage: 0 }]);
    expect(facts.copies).toEqual([
      { instruction: 'COPY', sources: ['requirements.txt'], destination: './', line: 7, stage: 0 },
      { instruction: 'COPY', sources: ['/srv/app'], destination: '/srv/app', from: 'base', line: 9, stage: 1 },
    ]);
    expect(facts.users).toEqual([{ user: 'app', line: 11, stage: 1 }]);
    expect(facts.healthchecks).toEqual([{ command: 'curl -f http://localhost:8080/health || exit 1', isDisabled: false, line: 12, stage: 1 }]);
    expect(facts.commands.map((command) => `${command.instruction} ${command.form} ${JSON.stringify(command.argv)} @${command.line}:${command.column}`)).toEqual([
      'ENTRYPOINT exec ["./docker-entrypoint.sh"] @13:12',
      'CMD shell ["/bin/sh","-c","gunicorn -b 0.0.0.0:8080 app:app"] @14:5',
    ]);
  });

  it('resolves EXPOSE through ARG defaults only within the stage that declares them', () => {
    // PORT was declared in stage 0; stage 1 does not see it, so ${PORT} stays unknown and is skipped.
    expect(manifestOf<DockerfileFacts>('Dockerfile', dockerfile).expose).toEqual([{ port: 9090, protocol: 'udp', line: 10, column: 20, stage: 1 }]);
    const single = manifestOf<DockerfileFacts>('api/Dockerfile.prod', 'FROM node:20\nARG PORT=3000\nEXPOSE $PORT\n');
    expect(single.expose).toEqual([{ port: 3000, protocol: 'tcp', line: 3, column: 8, stage: 0 }]);
  });

  it('reports HEALTHCHECK NONE as disabled', () => {
    expect(manifestOf<DockerfileFacts>('Dockerfile', 'FROM nginx\nHEALTHCHECK NONE\n').healthchecks).toEqual([{ isDisabled: true, line: 2, stage: 0 }]);
  });

  it('turns Docker syntax errors into problems', () => {
    expect(problemsOf('Dockerfile', "FROM python\nCMD ['python', 'app.py']\n")).toEqual([
      '2: CMD looks like exec form but is not a JSON array (exec form needs double quotes), so Docker runs it as a shell command',
    ]);
  });
});

describe('compose facts', () => {
  const compose = [
    'services:',
    '  web:',
    '    build: .',
    '    command: ["gunicorn", "-b", "0.0.0.0:8000", "app:app"]',
    '    environment:',
    '      - DATABASE_URL=postgres://app:${DB_PASSWORD:?set it}@db/app',
    '      - SECRET_KEY',
    '      - LOG_LEVEL=${LOG_LEVEL:-info}',
    '    env_file: .env.docker',
    '    ports:',
    '      - "127.0.0.1:8000:8000"',
    '      - target: 9000',
    '        published: "9000"',
    '    depends_on: [db]',
    '    healthcheck:',
    '      test: ["CMD", "curl", "-f", "http://localhost:8000/health"]',
    '  db:',
    '    image: postgres:16',
    '    environment:',
    '      POSTGRES_PASSWORD: ${DB_PASSWORD}',
    '      POSTGRES_DB: app',
    '    env_file:',
    '      - path: ./db.env',
    '        required: false',
    '    healthcheck:',
    '      disable: true',
    '    command: postgres -c "log_statement=$$all"',
  ].join('\n');

  it('reads services: build, command, environment, env files, ports, health checks, dependencies', () => {
    const facts = manifestOf<ComposeFacts>('docker-compose.yml', compose);
    const [web, db] = facts.services;
    expect(web).toMatchObject({ name: 'web', line: 2, build: { context: '.', line: 3 }, command: { command: 'gunicorn -b 0.0.0.0:8000 app:app', line: 4 }, dependsOn: ['db'] });
    expect(web?.environment).toEqual([
      { name: 'DATABASE_URL', value: 'postgres://app:${DB_PASSWORD:?set it}@db/app', line: 6 },
      { name: 'SECRET_KEY', line: 7, isForwarded: true },
      { name: 'LOG_LEVEL', value: 'info', line: 8 },
    ]);
    expect(web?.envFiles).toEqual([{ path: '.env.docker', line: 9, isRequired: true }]);
    expect(web?.ports).toEqual([
      { spec: '127.0.0.1:8000:8000', container: 8000, published: '8000', hostIp: '127.0.0.1', line: 11, column: 10 },
      { spec: '9000:9000', container: 9000, published: '9000', line: 12, column: 9 },
    ]);
    expect(web?.healthcheck).toEqual({ test: 'CMD curl -f http://localhost:8000/health', isDisabled: false, line: 15 });
    expect(db).toMatchObject({ name: 'db', image: 'postgres:16', envFiles: [{ path: './db.env', line: 23, isRequired: false }], healthcheck: { isDisabled: true, line: 25 } });
    expect(db?.environment).toEqual([{ name: 'POSTGRES_PASSWORD', line: 20, isForwarded: true }, { name: 'POSTGRES_DB', value: 'app', line: 21 }]);
  });

  it('records ${} interpolations (not $$ escapes) as references from the deploying shell', () => {
    const facts = manifestOf<ComposeFacts>('compose.yaml', compose);
    expect(facts.references.map((reference) => `${reference.name}@${reference.line}:${reference.column} strict=${reference.strict} default=${reference.defaultValue ?? '-'}`)).toEqual([
      'DB_PASSWORD@6:37 strict=true default=-',
      'LOG_LEVEL@8:19 strict=false default=info',
      'DB_PASSWORD@20:26 strict=false default=-',
    ]);
  });

  it.each([
    ['bad indentation', 'services:\n  web:\n    image: a\n   ports: []\n', /^4: YAML syntax error/],
    ['services as a list', 'services:\n  - web\n', /^1: `services` is not a map of service names$/],
  ])('reports %s', (_name, text, pattern) => {
    expect(problemsOf('docker-compose.prod.yml', text)[0]).toMatch(pattern);
  });
});

describe('platform manifests', () => {
  it.each([
    ['railway.json', '{\n  "build": { "builder": "NIXPACKS", "buildCommand": "npm run build" },\n  "deploy": { "startCommand": "node dist/server.js", "healthcheckPath": "/health" }\n}\n', { platform: 'railway', injectsPort: true, processes: [{ role: 'web', source: 'railway deploy.startCommand', command: { command: 'node dist/server.js', line: 3 } }], buildCommands: [{ command: 'npm run build', line: 2 }], healthPaths: [{ value: '/health', line: 3 }] }],
    ['railway.toml', '[build]\ndockerfilePath = "docker/Dockerfile"\n\n[deploy]\nstartCommand = "uvicorn app.main:app --host 0.0.0.0 --port $PORT"\n', { processes: [{ role: 'web', command: { command: 'uvicorn app.main:app --host 0.0.0.0 --port $PORT', line: 5, column: 17 } }], dockerfile: { value: 'docker/Dockerfile', line: 2 } }],
    ['nixpacks.toml', '[phases.build]\ncmds = ["npm run build"]\n\n[start]\ncmd = "npm start"\n\n[variables]\nNODE_ENV = "production"\n', { platform: 'nixpacks', processes: [{ role: 'web', command: { command: 'npm start', line: 5 } }], buildCommands: [{ command: 'npm run build', line: 2 }], env: [{ name: 'NODE_ENV', value: 'production', line: 8 }] }],
    ['vercel.json', '{ "buildCommand": "vite build", "env": { "API_URL": "https://api.example.org" } }', { platform: 'vercel', injectsPort: false, env: [{ name: 'API_URL', value: 'https://api.example.org', line: 1 }] }],
  ])('%s', (path, text, expected) => {
    expect(manifestOf<PlatformFacts>(path, text)).toMatchObject(expected);
  });

  it('render.yaml: services, root dirs, health paths and every kind of envVars entry', () => {
    const text = 'services:\n  - type: web\n    name: api\n    rootDir: backend\n    startCommand: gunicorn app:app\n    healthCheckPath: /healthz\n    envVars:\n      - key: LOG_LEVEL\n        value: info\n      - key: SECRET_KEY\n        generateValue: true\n      - key: DATABASE_URL\n        fromDatabase: { name: db, property: connectionString }\n      - key: STRIPE_KEY\n        sync: false\n  - type: worker\n    name: jobs\n    startCommand: python worker.py\n';
    const facts = manifestOf<PlatformFacts>('render.yaml', text);
    expect(facts.processes.map((process) => `${process.role} ${process.source} ${process.rootDir ?? ''} @${process.command.line}`)).toEqual(['web render.yaml api startCommand backend @5', 'worker render.yaml jobs startCommand  @18']);
    expect(facts.healthPaths).toEqual([{ value: '/healthz', line: 6, column: 22 }]);
    expect(facts.env).toEqual([
      { name: 'LOG_LEVEL', value: 'info', line: 8 },
      { name: 'SECRET_KEY', line: 10, platformValue: 'generated' },
      { name: 'DATABASE_URL', line: 12, platformValue: 'linked' },
      { name: 'STRIPE_KEY', line: 14, platformValue: 'prompted' },
    ]);
  });

  it('fly.toml: processes, env, internal ports, checks and the Dockerfile', () => {
    const text = 'app = "shop"\n\n[build]\ndockerfile = "Dockerfile.fly"\n\n[env]\nPORT = "8080"\nLOG_LEVEL = "info"\n\n[processes]\napp = "gunicorn app:app"\nworker = "python worker.py"\n\n[http_service]\ninternal_port = 8080\n\n[[http_service.checks]]\npath = "/health"\n';
    const facts = manifestOf<PlatformFacts>('fly.toml', text);
    expect(facts).toMatchObject({ platform: 'fly', injectsPort: false, dockerfile: { value: 'Dockerfile.fly', line: 4 }, routedPorts: [{ port: 8080, line: 15, column: 17, label: '[http_service] internal_port' }], healthPaths: [{ value: '/health', line: 18 }] });
    expect(facts.env.map((entry) => `${entry.name}=${entry.value}@${entry.line}`)).toEqual(['PORT=8080@7', 'LOG_LEVEL=info@8']);
    expect(facts.processes.map((process) => `${process.role}: ${process.command.command} @${process.command.line}`)).toEqual(['web: gunicorn app:app @11', 'worker: python worker.py @12']);
  });

  it('app.json: values and generated secrets provide, questions only document', () => {
    const text = '{\n  "name": "shop",\n  "env": {\n    "WEB_CONCURRENCY": "2",\n    "SECRET_KEY": { "generator": "secret" },\n    "STRIPE_KEY": { "description": "Stripe secret key", "required": true }\n  },\n  "scripts": { "postdeploy": "python manage.py migrate" }\n}\n';
    const facts = manifestOf<PlatformFacts>('app.json', text);
    expect(facts.env).toEqual([{ name: 'WEB_CONCURRENCY', value: '2', line: 4 }, { name: 'SECRET_KEY', line: 5, platformValue: 'generated' }]);
    expect(facts.documentedEnv).toEqual([{ name: 'STRIPE_KEY', line: 6, description: 'Stripe secret key' }]);
    expect(facts.processes.map((process) => process.role)).toEqual(['postdeploy']);
  });

  it('ignores an Expo app.json and other .conf files', () => {
    expect(extractManifestFacts('json', '{ "expo": { "name": "shop" } }', 'app.json').manifest).toBeUndefined();
    expect(extractManifestFacts('ini', 'server {\n  listen 80;\n}\n', 'deploy/nginx.conf')).toEqual({ problems: [], lines: new Set() });
  });

  it.each([
    ['fly.toml', 'app = "shop"\n[env\nPORT = "8080"\n', /^2: TOML syntax error/],
    ['railway.json', '{ "deploy": { "startCommand": "npm start" } ', /^1: JSON syntax error/],
    ['render.yaml', 'services:\n  - type: web\n   name: api\n', /^3: YAML syntax error/],
    ['app.json', '{ "env": { "A": "1", } ', /JSON syntax error/],
    ['vercel.json', '[1, 2]', /^1: the file is not a table\/object of settings$/],
  ])('reports malformed %s', (path, text, pattern) => {
    expect(problemsOf(path, text)[0]).toMatch(pattern);
  });
});

describe('supervisord and systemd facts', () => {
  it('reads programs, environment, log paths, includes and %(ENV_X)s references', () => {
    const text = '[supervisord]\nnodaemon=true\nenvironment=TZ="UTC"\n\n[include]\nfiles = conf.d/*.conf\n\n[program:web]\ncommand=gunicorn -b 0.0.0.0:%(ENV_PORT)s app:app\ndirectory=/srv/app\nautorestart=true\nenvironment=SECRET_KEY="%(ENV_SECRET_KEY)s",GREETING="hi, there",SECRET_KEY2=%(ENV_SECRET_KEY2)s\nstdout_logfile=logs/web.log\n';
    const facts = manifestOf<SupervisordFacts>('supervisord.conf', text);
    expect(facts.globalEnvironment).toEqual([{ name: 'TZ', value: 'UTC', line: 3 }]);
    expect(facts.includes).toEqual([{ value: 'conf.d/*.conf', line: 6, column: 9 }]);
    expect(facts.programs).toEqual([
      {
        name: 'web',
        line: 8,
        command: { value: 'gunicorn -b 0.0.0.0:%(ENV_PORT)s app:app', line: 9, column: 9 },
        directory: { value: '/srv/app', line: 10, column: 11 },
        autorestart: { value: 'true', line: 11, column: 13 },
        environment: [
          { name: 'SECRET_KEY', line: 12, isForwarded: true },
          { name: 'GREETING', value: 'hi, there', line: 12 },
          { name: 'SECRET_KEY2', line: 12, isForwarded: true },
        ],
        logFiles: [{ key: 'stdout_logfile', value: 'logs/web.log', line: 13, column: 16 }],
      },
    ]);
    expect(facts.references.map((reference) => `${reference.name}@${reference.line}:${reference.column}`)).toEqual(['PORT@9:29', 'SECRET_KEY@12:25', 'SECRET_KEY2@12:78']);
  });

  it('reads a conf.d program file by its sections and reports configparser errors', () => {
    expect(manifestOf<SupervisordFacts>('deploy/conf.d/worker.conf', '[program:worker]\ncommand=python worker.py\n').programs[0]?.command?.value).toBe('python worker.py');
    expect(problemsOf('supervisord.conf', '[program:web]\ncommand=a\ncommand=b\n')).toEqual(['3: command is set twice in [program:web]']);
  });

  it('reads a systemd unit', () => {
    const text = '[Unit]\nDescription=Shop\n\n[Service]\nWorkingDirectory=/srv/shop\nEnvironment="NODE_ENV=production" PORT=3000\nEnvironmentFile=-/etc/shop/env\nExecStart=-/usr/bin/node server.js\nRestart=always\nUser=shop\n';
    const facts = manifestOf<SystemdFacts>('deploy/shop.service', text);
    expect(facts).toEqual({
      type: 'systemd',
      execStart: { command: '/usr/bin/node server.js', line: 8, column: 12 },
      workingDirectory: { value: '/srv/shop', line: 5, column: 18 },
      environment: [{ name: 'NODE_ENV', value: 'production', line: 6 }, { name: 'PORT', value: '3000', line: 6 }],
      environmentFiles: [{ value: '/etc/shop/env', line: 7, column: 17, isOptional: true }],
      restart: { value: 'always', line: 9, column: 9 },
      user: { value: 'shop', line: 10, column: 6 },
    });
    expect(problemsOf('shop.service', '[Service]\nExecStart /bin/true\n')).toEqual(['2: line is not key=value: "ExecStart /bin/true"']);
  });
});

describe('.replit, replit.nix and package.json additions', () => {
  it('.replit [[ports]], deploymentTarget, modules and nix channel', () => {
    const text = 'modules = ["nodejs-20", "python-3.11"]\nrun = "npm start"\n\n[nix]\nchannel = "stable-24_05"\n\n[deployment]\ndeploymentTarget = "autoscale"\nrun = ["npm", "start"]\n\n[[ports]]\nlocalPort = 3000\nexternalPort = 80\n\n[[ports]]\nlocalPort = 8000\n';
    const facts = manifestOf<ReplitFacts>('.replit', text);
    expect(facts.ports).toEqual([{ port: 3000, line: 12, column: 13, label: '[[ports]] localPort' }, { port: 8000, line: 16, column: 13, label: '[[ports]] localPort' }]);
    expect(facts.deploymentTarget).toEqual({ value: 'autoscale', line: 8, column: 21 });
    expect(facts.modules?.map((module) => module.value)).toEqual(['nodejs-20', 'python-3.11']);
    expect(facts.nixChannel).toEqual({ value: 'stable-24_05', line: 5, column: 12 });
  });

  it('replit.nix packages, and unbalanced brackets as a problem', () => {
    const facts = manifestOf<ManifestFacts>('replit.nix', '{ pkgs }: {\n  deps = [\n    pkgs.nodejs_20\n    pkgs.python311Packages.gunicorn # server\n  ];\n}\n');
    expect(facts).toEqual({ type: 'replit-nix', packages: [{ value: 'nodejs_20', line: 3, column: 5 }, { value: 'python311Packages.gunicorn', line: 4, column: 5 }] });
    expect(problemsOf('replit.nix', '{ pkgs }: {\n  deps = [ pkgs.nodejs_20 ];\n')).toEqual(['2: a bracket is never closed (replit.nix is not valid Nix)']);
  });

  it('package.json engines', () => {
    const facts = manifestOf<PackageJsonFacts>('package.json', '{\n  "name": "shop",\n  "engines": { "node": ">=20", "npm": ">=10" }\n}\n');
    expect(facts.engines).toEqual({ node: { value: '>=20', line: 3, column: 25 }, npm: { value: '>=10', line: 3, column: 40 } });
  });
});
