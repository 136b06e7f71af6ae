import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateAgainst } from '../../src/config/validate.js';
import { ReportSchema } from '../../src/model/report-schema.js';
import { REPO_ROOT } from '../support/run-cli.js';
import { SYSTEM_PYTHON, auditRuntime, expectNothingLeftBehind } from '../support/runtime-audit.js';

const APPS = join(REPO_ROOT, 'test/fixtures/apps');
/** Debian's FastAPI, uvicorn and Flask: PyPI is not reachable, so no install (the venv path has its own test). */
const MACHINE_PACKAGES = ['--no-install', ...SYSTEM_PYTHON];

describe('real Python apps in the simulation', () => {
  const WEB_STEPS = ['spawn', 'port-open', 'first-probe-ok', 'alive', 'sigterm', 'stopped'];
  it.each([
    ['fastapi-ready', WEB_STEPS, { passed: ['SHOP_NAME'], placeholders: ['API_TOKEN'], missing: [] }],
    ['flask-ready', WEB_STEPS, { passed: [], placeholders: [], missing: [] }],
    ['worker-ready', ['spawn', 'alive', 'sigterm', 'stopped'], { passed: [], placeholders: [], missing: [] }],
  ])('%s: LIVE_READY=true, nothing left behind', (name, steps, environment) => {
    const run = auditRuntime(join(APPS, name), MACHINE_PACKAGES);
    expect(run.stderr).toBe('');
    expect(run.report.findings).toEqual([]);
    expect(run.report.verdict).toMatchObject({ liveReady: true, basis: 'runtime', runtimeVerified: true, deathLoopCause: null });
    expect(run.status).toBe(0);
    expect(run.simulation?.healthy).toBe(true);
    expect(run.simulation?.timeline.map((event) => event.step)).toEqual(steps);
    // A secret documented in .env.example gets a placeholder, never a real value; documented values pass as they are.
    expect(run.simulation?.environment).toEqual(environment);
    expect(run.simulation?.shutdown?.killed).toBe(false);
    expect(validateAgainst(ReportSchema, run.report)).toEqual([]);
    expectNothingLeftBehind(run);
  });

  it('fastapi-missing-env: a crash loop whose cause is the unset variable, at the line that reads it', () => {
    const run = auditRuntime(join(APPS, 'fastapi-missing-env'), MACHINE_PACKAGES);
    expect(run.status).toBe(1);
    expect(run.report.verdict.deathLoopCause?.checkId).toBe('runtime/no-crash-loop');
    expect(run.report.verdict.deathLoopCause?.summary).toContain('missing environment variable DATABASE_URL');
    expect(run.simulation?.classification).toMatchObject({ kind: 'missing-env', variable: 'DATABASE_URL', location: { file: 'app/main.py', line: 7 }, attempt: 0 });
    expect(run.simulation?.attempts.map((attempt) => [attempt.exitedOnItsOwn, attempt.exitCode])).toEqual([[true, 1], [true, 1], [true, 1], [true, 1]]);
    expect(run.simulation?.environment.missing).toEqual(['DATABASE_URL']);
    // The static env check predicted it; the logs stage reads the simulation's output: four tracebacks in app/main.py make it a failing module.
    expect(run.report.findings.map((finding) => `${finding.checkId} ${finding.location.file}:${finding.location.line}`)).toEqual(['env/require-provided-variable app/main.py:7', 'logs/no-failing-modules app/main.py:7', 'runtime/no-crash-loop app/main.py:7']);
    expect(run.simulation?.classification?.predictedBy?.checkId).toBe('env/require-provided-variable');
    expect(validateAgainst(ReportSchema, run.report)).toEqual([]);
    expectNothingLeftBehind(run);
  });

  it('flask-missing-module: a crash loop whose cause is the missing module', () => {
    const run = auditRuntime(join(APPS, 'flask-missing-module'), MACHINE_PACKAGES);
    expect(run.status).toBe(1);
    expect(run.report.verdict.deathLoopCause?.checkId).toBe('runtime/no-crash-loop');
    expect(run.simulation?.classification).toMatchObject({ kind: 'missing-module', module: 'payments', location: { file: 'app.py', line: 6 } });
    expectNothingLeftBehind(run);
  });

  it('fastapi-health-503: the failing health probe is the cause', () => {
    const run = auditRuntime(join(APPS, 'fastapi-health-503'), MACHINE_PACKAGES);
    expect(run.status).toBe(1);
    expect(run.report.verdict.deathLoopCause).toEqual({ checkId: 'runtime/no-failing-probe', summary: '1 probe failed: GET /health -> 503' });
    expect(run.simulation?.probes.find((probe) => probe.path === '/health')).toMatchObject({ status: 503, judgement: 'failed' });
    expect(run.simulation?.probes.find((probe) => probe.path === '/')).toMatchObject({ status: 200, judgement: 'ok' });
    expectNothingLeftBehind(run);
  });

  it('flask-config-rewrite: the settings file rewritten at start is the cause, with the writing line', () => {
    const run = auditRuntime(join(APPS, 'flask-config-rewrite'), MACHINE_PACKAGES);
    expect(run.status).toBe(1);
    expect(run.report.verdict.deathLoopCause?.checkId).toBe('watch/no-config-rewrite');
    const watch = run.report.sections.watch as { changes: Array<Record<string, unknown>> };
    expect(watch.changes).toEqual([expect.objectContaining({ path: 'settings.json', change: 'modified', isConfig: true, linesAdded: 1, linesRemoved: 1, writer: expect.objectContaining({ file: 'app.py', line: 13 }) })]);
    expect(run.simulation?.healthy).toBe(true);
    expectNothingLeftBehind(run);
  });

  it('worker-exits: a worker that returns at once is the cause', () => {
    const run = auditRuntime(join(APPS, 'worker-exits'), MACHINE_PACKAGES);
    expect(run.status).toBe(1);
    expect(run.report.verdict.deathLoopCause?.checkId).toBe('runtime/no-early-exit');
    expect(run.simulation?.classification?.kind).toBe('exited-cleanly');
    expect(run.simulation?.attempts).toHaveLength(4);
    expectNothingLeftBehind(run);
  });

  it('python-venv-install: installs requirements.txt into a virtualenv with pip (offline, from a local wheel)', () => {
    const run = auditRuntime(join(APPS, 'python-venv-install'), SYSTEM_PYTHON);
    expect(run.simulation?.install).toMatchObject({ status: 'ok', source: 'requirements.txt' });
    expect(run.simulation?.install?.command).toBe('/usr/bin/python3 -m venv .venv && .venv/bin/python -m pip install --disable-pip-version-check --no-input -r requirements.txt');
    expect(run.simulation?.install?.tail).toContain('Successfully installed shopgreeting-1.0');
    expect(run.report.verdict.liveReady).toBe(true);
    expectNothingLeftBehind(run);
  });
});
