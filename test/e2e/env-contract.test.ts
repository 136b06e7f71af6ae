import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { validateAgainst } from '../../src/config/validate.js';
import type { EnvSection, StartSequenceSection } from '../../src/model/env-section-schema.js';
import { ReportSchema } from '../../src/model/report-schema.js';
import type { Report } from '../../src/model/report.js';
import { materializeFixture } from '../support/fixture-tree.js';
import { REPO_ROOT, runCli } from '../support/run-cli.js';
import { writeTree } from '../support/temp-tree.js';

const cleanups: Array<() => void> = [];
afterAll(() => cleanups.forEach((cleanup) => cleanup()));

function mixedApp(): string {
  const fixture = materializeFixture(join(REPO_ROOT, 'test/fixtures/apps/mixed-contract'));
  cleanups.push(fixture.cleanup);
  return fixture.root;
}

/** One line per variable: what the contract table says about it. */
function table(env: EnvSection): string[] {
  return env.variables.map((variable) => {
    const reads = variable.readAt.map((read) => `${read.file}:${read.line}`).join(',') || '-';
    const provided = variable.providedBy.map((provision) => `${provision.file}:${provision.line}${provision.forwarded ? '(fwd)' : ''}`).join(',') || '-';
    const documented = variable.documentedIn.map((place) => `${place.file}:${place.line}`).join(',') || '-';
    return `${variable.name} ${variable.status}${variable.required ? ' required' : ''}${variable.strict ? ' strict' : ''}${variable.secret ? ' secret' : ''} | read ${reads} | provided ${provided} | documented ${documented}`;
  });
}

/** The contract of the mixed Python + Node app, checked by hand against its files. */
const EXPECTED_TABLE = [
  'ALLOWED_ORIGINS provided | read api/settings.py:10 | provided docker.env:1 | documented -',
  'API_URL provided required | read web/server.js:5 | provided docker-compose.yml:21 | documented .env.example:7',
  'APP_ENV provided | read api/main.py:11 | provided Dockerfile:2 | documented -',
  'DATABASE_URL provided required strict | read api/settings.py:7 | provided docker-compose.yml:6 | documented .env.example:2',
  'FEATURE_FLAGS provided | read api/main.py:10 | provided deploy/supervisord.conf:9 | documented -',
  'LOG_LEVEL provided | read api/main.py:13 | provided .replit:13 | documented -',
  'MAILER_API_KEY missing required secret | read api/notify.py:7 | provided - | documented -',
  'NODE_ENV platform | read web/server.js:8 | provided - | documented -',
  'OPENAI_API_KEY documented required strict secret | read api/settings.py:9 | provided docker-compose.yml:7(fwd) | documented .env.example:4',
  'PORT platform | read scripts/start.sh:7,web/server.js:15 | provided web/Dockerfile:6 | documented -',
  'POSTGRES_PASSWORD documented required strict secret | read docker-compose.yml:6,docker-compose.yml:29 | provided - | documented .env.example:3',
  'PYTHONUNBUFFERED platform | read - | provided Dockerfile:2 | documented -',
  'QUEUE_NAME provided | read api/worker.py:4 | provided docker.env:2 | documented -',
  'REDIS_URL provided | read api/settings.py:8 | provided docker-compose.yml:9 | documented -',
  'REQUEST_TIMEOUT optional | read api/settings.py:11,web/server.js:7 | provided - | documented -',
  'SENTRY_DSN documented required secret | read api/main.py:9 | provided - | documented .env.example:6',
  'SESSION_SECRET documented required strict secret | read api/main.py:8,deploy/supervisord.conf:9 | provided docker-compose.yml:8(fwd),deploy/supervisord.conf:9(fwd) | documented .env.example:5',
  'STRIPE_PUBLISHABLE_KEY documented required | read docker-compose.yml:22,web/server.js:5 | provided docker-compose.yml:22(fwd) | documented .env.example:8',
  'STRIPE_SECRET_KEY documented required secret | read docker-compose.yml:23,web/server.js:6 | provided docker-compose.yml:23(fwd) | documented .env.example:9',
  'WEB_CONCURRENCY platform | read - | provided scripts/start.sh:4 | documented -',
];

describe('the mixed Python + Node app (Docker, compose, .replit, supervisord)', () => {
  const root = mixedApp();
  const audited = runCli(['audit', root, '--static', '--format', 'json']);
  const report = JSON.parse(audited.stdout) as Report;

  it('passes the gate and reports only the variable nothing provides or documents', () => {
    expect(audited.stderr).toBe('');
    expect(audited.status).toBe(0);
    expect(validateAgainst(ReportSchema, report)).toEqual([]);
    // Env findings only: the service stage's remarks on this app (root containers, no security headers) are not the contract's business.
    const envFindings = report.findings.filter((finding) => finding.checkId.startsWith('env/'));
    expect(envFindings.map((finding) => `${finding.severity} ${finding.checkId} ${finding.location.file}:${finding.location.line}`)).toEqual(['moderate env/require-provided-variable api/notify.py:7']);
    expect(report.findings.filter((finding) => finding.severity === 'critical')).toEqual([]);
  });

  it('has a complete and correct contract table: a dozen variables read across Python, JS, shell and compose', () => {
    const env = report.sections.env as EnvSection;
    expect(table(env)).toEqual(EXPECTED_TABLE);
    expect(env.exampleFiles).toEqual(['.env.example']);
    const readBy = (extension: RegExp): number => env.variables.filter((variable) => variable.readAt.some((read) => extension.test(read.file))).length;
    expect(readBy(/\.py$/)).toBeGreaterThanOrEqual(12);
    expect(readBy(/\.js$/)).toBeGreaterThanOrEqual(6);
  });

  it('never reports a platform variable as missing', () => {
    const env = report.sections.env as EnvSection;
    const platform = env.variables.filter((variable) => variable.platform).map((variable) => variable.name);
    expect(platform).toEqual(['NODE_ENV', 'PORT', 'PYTHONUNBUFFERED', 'WEB_CONCURRENCY']);
    expect(env.variables.filter((variable) => variable.status === 'missing').map((variable) => variable.name)).toEqual(['MAILER_API_KEY']);
    expect(report.findings.some((finding) => platform.some((name) => finding.message.startsWith(`${name} `)))).toBe(false);
  });

  it('resolves the start sequence: .replit deployment -> start script -> gunicorn -> 0.0.0.0:$PORT', () => {
    expect(report.sections.startSequence as StartSequenceSection).toMatchObject({
      command: 'sh scripts/start.sh',
      source: '.replit [deployment] run',
      entry: { kind: 'file', file: 'scripts/start.sh' },
      server: 'gunicorn',
      host: '0.0.0.0',
      port: 8000,
      portEnv: 'PORT',
      bindAt: { file: 'scripts/start.sh', line: 5 },
    });
  });

  it('renders the table and the start sequence in the markdown report, values never', () => {
    const markdown = runCli(['audit', root, '--static', '--format', 'markdown']).stdout;
    const section = markdown.slice(markdown.indexOf('## Environment variables'), markdown.indexOf('## Quality gates'));
    expect(section).toContain('### Start sequence');
    expect(section).toContain('| `MAILER_API_KEY` | **yes, MISSING** | api/notify.py:7 os.environ.get | — | — | yes |');
    expect(section).toContain('| `OPENAI_API_KEY` | yes (strict) | api/settings.py:9 pydantic Settings.openai_api_key | compose api environment (docker-compose.yml:7) forwarded from the shell | .env.example:4 | yes |');
    expect(section).not.toContain('https://shop.example.org');
    expect(section).not.toContain('checkout-v2');
  });

  it('`liveready env --format json` gives the same contract as the report', () => {
    const result = runCli(['env', root, '--format', 'json']);
    expect(result.status).toBe(0);
    expect((JSON.parse(result.stdout) as { env: EnvSection }).env).toEqual(report.sections.env);
  });

  it('`liveready env --example` lists every variable a deploy sets, with placeholders only', () => {
    const result = runCli(['env', root, '--example']);
    expect(result.status).toBe(0);
    const keys = result.stdout.split('\n').filter((line) => /^[A-Z_]+=/.test(line));
    expect(keys).toEqual([
      'API_URL=',
      'DATABASE_URL=',
      'MAILER_API_KEY=',
      'OPENAI_API_KEY=',
      'POSTGRES_PASSWORD=',
      'SENTRY_DSN=',
      'SESSION_SECRET=',
      'STRIPE_PUBLISHABLE_KEY=',
      'STRIPE_SECRET_KEY=',
      'ALLOWED_ORIGINS=*',
      'APP_ENV=development',
      'FEATURE_FLAGS=',
      'LOG_LEVEL=warning',
      'QUEUE_NAME=default',
      'REDIS_URL=redis://localhost:6379/0',
      'REQUEST_TIMEOUT=10.0',
    ]);
  });
});

describe('liveready env on a small tree', () => {
  function project(files: Record<string, string>): string {
    const tree = writeTree(files);
    cleanups.push(tree.cleanup);
    return tree.root;
  }

  it('prints the table and never a secret value from a .env file', () => {
    const root = project({ '.env': 'STRIPE_SECRET_KEY=sk_live_4eC39HqLyjWDarjtT1zdp7dc\nDATABASE_URL=postgres://shop:Vq83kdlL2x@db/shop\n', 'app.py': 'import os\nKEY = os.environ["STRIPE_SECRET_KEY"]\nDB = os.environ["DATABASE_URL"]\nTOKEN = os.environ["BOT_TOKEN"]\n' });
    for (const args of [[], ['--format', 'json'], ['--example']]) {
      const result = runCli(['env', root, ...args]);
      expect(result.status).toBe(0);
      expect(result.stdout).not.toContain('sk_live_4eC39HqLyjWDarjtT1zdp7dc');
      expect(result.stdout).not.toContain('Vq83kdlL2x');
    }
    const text = runCli(['env', root]).stdout;
    expect(text).toMatch(/^BOT_TOKEN +missing +yes, strict +yes +app\.py:4 +- +-$/m);
    expect(text).toContain('missing: BOT_TOKEN (required, and nothing provides or documents them)');
  });

  it('--write creates .env.example, refuses to overwrite it, and --force only appends what is missing', () => {
    const root = project({ 'app.py': 'import os\nSECRET_KEY = os.environ["SECRET_KEY"]\nTIMEOUT = os.getenv("TIMEOUT", "30")\n' });
    expect(runCli(['env', root, '--write']).status).toBe(0);
    const path = join(root, '.env.example');
    expect(readFileSync(path, 'utf8')).toContain('SECRET_KEY=\n');
    writeFileSync(path, '# my notes\nSECRET_KEY=\n');
    const refused = runCli(['env', root, '--write']);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('.env.example already exists');
    expect(readFileSync(path, 'utf8')).toBe('# my notes\nSECRET_KEY=\n');
    expect(runCli(['env', root, '--write', '--force']).status).toBe(0);
    const merged = readFileSync(path, 'utf8');
    expect(merged.startsWith('# my notes\nSECRET_KEY=\n')).toBe(true);
    expect(merged.match(/^SECRET_KEY=/gm)).toHaveLength(1);
    expect(merged).toContain('TIMEOUT=30');
    expect(readdirSync(root).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('rejects options that do not go together', () => {
    const root = project({ 'app.py': 'print(1)\n' });
    expect(runCli(['env', root, '--example', '--format', 'json']).status).toBe(2);
    expect(runCli(['env', root, '--format', 'yaml']).status).toBe(2);
  });
});
