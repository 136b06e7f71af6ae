import { describe, expect, it } from 'vitest';
import { projectsFromTrees } from '../../test/support/project-of.js';
import type { ProbeEvidence, SimulationEvidence } from '../facts/evidence/evidence.js';
import type { LogErrorGroup, LogsEvidence } from '../facts/evidence/logs.js';
import type { Finding } from '../model/finding.js';
import { coreModules } from './core-modules.js';
import { type MeasureInput, measureGoals } from './measure.js';
import { parseGoalTracker } from './parse-tracker.js';

const projectOf = projectsFromTrees();

const SHOP = {
  'Procfile': 'web: uvicorn app.main:app --host 0.0.0.0 --port $PORT\n',
  'requirements.txt': 'fastapi\nuvicorn\n',
  'app/__init__.py': '',
  'app/settings.py': 'DEBUG = False\n',
  'app/main.py': 'from fastapi import FastAPI\nfrom app import settings\nfrom app.auth.routes import router as auth_router\nfrom app.billing.charge import router as billing_router\n\napp = FastAPI()\napp.include_router(auth_router, prefix="/auth")\napp.include_router(billing_router, prefix="/billing")\n\n\n@app.get("/health")\ndef health():\n    return {"status": "ok"}\n',
  'app/auth/__init__.py': '',
  'app/auth/routes.py': 'from fastapi import APIRouter\n\nrouter = APIRouter()\n\n\n@router.post("/login")\ndef login():\n    return {"token": "t"}\n',
  'app/billing/__init__.py': '',
  'app/billing/charge.py': 'from fastapi import APIRouter\n\nrouter = APIRouter()\n\n\n@router.post("/charge/{order_id}")\ndef charge(order_id: int):\n    return {"charged": order_id}\n',
  'tools/report.py': 'print("monthly report")\n',
  'tests/test_auth.py': 'def test_login():\n    assert True\n',
};

const TRACKER = JSON.stringify([
  { module: 'api', path: 'app/main.py', goal: 'serve the API', status: 'validated' },
  { module: 'app.auth', goal: 'sign users in', status: 'validated' },
  { module: 'billing', path: './app/billing/', goal: 'charge cards', status: 'validated' },
  { module: 'payments', path: 'app/payments/', goal: 'refunds', status: 'validated' },
]);

function finding(file: string, severity: Finding['severity'], checkId = 'secrets/no-known-secret-formats'): Finding {
  return { checkId, stage: 'scan', severity, category: 'security', message: 'm', remediation: 'r', location: { file, line: 1 }, fingerprint: `fp-${file}-${severity}` };
}

function probe(method: string, path: string, judgement: ProbeEvidence['judgement'], status = 200): ProbeEvidence {
  return { kind: 'smoke', method, path, source: 'smoke', status, latencyMs: 3, judgement, timeMs: 10 };
}

function measure(overrides: Partial<MeasureInput> = {}): Record<string, { measured: string; basis?: string; evidence: string[] }> {
  const project = projectOf(SHOP);
  const evidence = measureGoals({ project, tracker: parseGoalTracker(TRACKER, 'goal_tracker.json'), findings: [], staticChecksRan: true, ...overrides });
  return Object.fromEntries(evidence.goals.map((goal) => [goal.entry.module, { measured: goal.measured, ...(goal.basis ? { basis: goal.basis } : {}), evidence: goal.evidence }]));
}

describe('coreModules', () => {
  it('groups the core code files of the module map by directory; tests, tools and config left out', () => {
    const project = projectOf(SHOP);
    expect(coreModules(project).map((module) => module.path)).toEqual(['app/', 'app/auth/', 'app/billing/']);
    expect(coreModules(project).find((module) => module.path === 'app/')?.files).toEqual(['app/main.py']);
  });

  it('makes a core file at the root a module by itself', () => {
    const project = projectOf({ 'Procfile': 'web: node server.js\n', 'package.json': '{"name": "shop", "dependencies": {"express": "^4"}}', 'server.js': "const express = require('express');\nconst orders = require('./routes/orders');\nconst app = express();\napp.use('/orders', orders);\napp.listen(process.env.PORT);\n", 'routes/orders.js': "const router = require('express').Router();\nrouter.get('/', (req, res) => res.json([]));\nmodule.exports = router;\n", 'eslint.config.js': 'module.exports = [];\n' });
    expect(coreModules(project).map((module) => module.path)).toEqual(['routes/', 'server.js']);
  });
});

describe('measureGoals', () => {
  it('validates with static checks only when they ran and found nothing; unknown for a path that matches nothing', () => {
    const measured = measure();
    expect(measured.api).toEqual({ measured: 'validated', basis: 'static', evidence: ['static checks only: 1 code file scanned, no findings; the app was not run'] });
    expect(measured['app.auth']?.measured).toBe('validated');
    expect(measured.payments).toEqual({ measured: 'unknown', evidence: ['path app/payments/ matches no file in the project'] });
    expect(measure({ staticChecksRan: false }).api?.measured).toBe('untested');
  });

  it('fails a module with a critical finding in its files; a moderate one only stops the static validation', () => {
    const measured = measure({ findings: [finding('app/billing/charge.py', 'critical'), finding('app/auth/routes.py', 'moderate', 'resilience/require-http-timeout')] });
    expect(measured.billing).toEqual({ measured: 'failing', evidence: ['1 critical finding in app/billing/ (secrets/no-known-secret-formats)'] });
    expect(measured['app.auth']).toEqual({ measured: 'untested', evidence: ['its checks did not pass (1 moderate finding in app/auth/), and the app was not run'] });
    expect(measured.api?.measured).toBe('validated');
    const baselined = measure({ baselined: [{ checkId: 'secrets/no-known-secret-formats', fingerprint: 'f', location: { file: 'app/billing/charge.py', line: 3 }, severity: 'critical', by: 'baseline' }] });
    expect(baselined.billing).toEqual({ measured: 'failing', evidence: ['1 critical finding in app/billing/ hidden by the baseline (secrets/no-known-secret-formats)'] });
    const old = measure({ baselined: [{ checkId: 'resilience/require-http-timeout', fingerprint: 'g', location: { file: 'app/main.py', line: 3 }, severity: 'moderate', by: 'baseline' }] });
    expect(old.api?.measured).toBe('untested');
  });

  it('fails a module over the log failure threshold, not one below it', () => {
    const group = (file: string, recentCount: number): LogErrorGroup => ({
      fingerprint: `fp${file}`, signature: 's', module: { name: file, via: 'frame' }, level: 'error', exception: { type: 'KeyError', message: "'amount'" },
      projectFrames: [], count: recentCount, recentCount, example: { file: 'logs/app.log', line: 1, text: [] },
    });
    const logs: LogsEvidence = { failureThreshold: 2, window: { hours: 24, recentRuns: 5, description: 'd' }, sources: [], skipped: [], groups: [group('app/billing/charge.py', 3), group('app/auth/routes.py', 2)], foldedGroups: 0 };
    const measured = measure({ logs });
    expect(measured.billing).toEqual({ measured: 'failing', evidence: ['3 log failures (KeyError) in app/billing/charge.py, over the threshold of 2'] });
    expect(measured['app.auth']?.measured).toBe('validated');
    // An access log names the route, not the file: the route table says whose handler answers it.
    const route: LogErrorGroup = { ...group('x', 4), module: { name: 'POST /billing/charge/:id', via: 'route' }, exception: { type: 'HTTP500', message: '' } };
    const other: LogErrorGroup = { ...group('y', 5), module: { name: 'GET /nowhere', via: 'route' } };
    const byRoute = measure({ logs: { ...logs, groups: [route, other] } });
    expect(byRoute.billing).toEqual({ measured: 'failing', evidence: ['4 log failures (HTTP500) on route POST /billing/charge/:id, over the threshold of 2'] });
    expect(byRoute.api?.measured).toBe('validated');
  });

  it('uses the simulation: probes that reached a route validate it, a failed probe or a located crash fails it', () => {
    const simulation: SimulationEvidence = {
      outcome: { healthy: false, failures: [] },
      probes: [probe('GET', '/health', 'ok'), probe('POST', '/auth/login', 'ok'), probe('POST', '/billing/charge/41', 'failed', 500), probe('GET', '/', 'absent', 404)],
    };
    const measured = measure({ simulation, findings: [finding('app/auth/routes.py', 'low', 'deps/no-unused')] });
    expect(measured.api).toEqual({ measured: 'validated', basis: 'runtime', evidence: ['probes reached GET /health'] });
    expect(measured['app.auth']).toEqual({ measured: 'validated', basis: 'runtime', evidence: ['probes reached POST /auth/login'] });
    expect(measured.billing).toEqual({ measured: 'failing', evidence: ['probes failed on POST /billing/charge/41 (500)'] });
    const crashed = measure({ simulation: { outcome: { healthy: false, failures: [] }, classification: { kind: 'exception-at-start', summary: "KeyError: 'STRIPE_KEY'", location: { file: 'app/billing/charge.py', line: 3 }, attempt: 1 } } });
    expect(crashed.billing).toEqual({ measured: 'failing', evidence: ["the simulation failed at app/billing/charge.py:3 (exception-at-start: KeyError: 'STRIPE_KEY')"] });
    expect(crashed.api?.evidence).toEqual(['static checks only: 1 code file scanned, no findings; no probe reached its routes']);
  });

  it('leaves the files of a more specific entry to that entry', () => {
    const project = projectOf(SHOP);
    const tracker = parseGoalTracker(JSON.stringify([{ module: 'app', path: 'app/', goal: 'g' }, { module: 'billing', path: 'app/billing/', goal: 'g' }]), 'goal_tracker.json');
    const measured = measureGoals({ project, tracker, findings: [finding('app/billing/charge.py', 'critical')], staticChecksRan: true }).goals.map((goal) => goal.measured);
    expect(measured).toEqual(['validated', 'failing']);
    const alone = parseGoalTracker(JSON.stringify([{ module: 'app', path: 'app/', goal: 'g' }]), 'goal_tracker.json');
    expect(measureGoals({ project, tracker: alone, findings: [finding('app/billing/charge.py', 'critical')], staticChecksRan: true }).goals[0]?.measured).toBe('failing');
  });

  it('lists core modules no entry covers, and not the ones an entry covers from a parent directory', () => {
    const project = projectOf(SHOP);
    const tracker = parseGoalTracker(JSON.stringify([{ module: 'auth', path: 'app/auth', goal: 'g' }, { module: 'ghost', path: 'app/ghost/', goal: 'g' }]), 'goal_tracker.json');
    expect(measureGoals({ project, tracker, findings: [], staticChecksRan: true }).uncovered.map((module) => module.path)).toEqual(['app/', 'app/billing/']);
    const whole = parseGoalTracker(JSON.stringify([{ module: 'shop', path: 'app/', goal: 'g' }]), 'goal_tracker.json');
    expect(measureGoals({ project, tracker: whole, findings: [], staticChecksRan: true }).uncovered).toEqual([]);
  });
});
