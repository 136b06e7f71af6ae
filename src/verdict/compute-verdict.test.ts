import { describe, expect, it } from 'vitest';
import type { Finding } from '../model/finding.js';
import { computeVerdict } from './compute-verdict.js';

function finding(overrides: Partial<Finding>): Finding {
  return {
    checkId: 'scan/no-thing',
    stage: 'scan',
    severity: 'critical',
    category: 'reliability',
    message: 'Something breaks.',
    remediation: 'Fix it.',
    location: { file: 'app.py', line: 3 },
    fingerprint: 'abcdef0123456789',
    ...overrides,
  };
}

describe('computeVerdict', () => {
  it('never claims live-ready without a runtime, even with no findings', () => {
    const { verdict, gate } = computeVerdict({ findings: [], failOn: 'critical' });
    expect(verdict).toMatchObject({ liveReady: false, basis: 'static', runtimeVerified: false, deathLoopCause: null });
    expect(gate).toEqual({ failOn: 'critical', passed: true, summary: 'passed on static findings only: none at or above critical' });
  });

  it('is live-ready only when the runtime was healthy and nothing critical remains', () => {
    const healthy = computeVerdict({ findings: [finding({ severity: 'moderate' })], runtime: { healthy: true, failures: [] }, failOn: 'critical' });
    expect(healthy.verdict).toMatchObject({ liveReady: true, basis: 'runtime', deathLoopCause: null });
    expect(healthy.gate.passed).toBe(true);
    const withCritical = computeVerdict({ findings: [finding({})], runtime: { healthy: true, failures: [] }, failOn: 'critical' });
    expect(withCritical.verdict.liveReady).toBe(false);
    expect(withCritical.gate.passed).toBe(false);
  });

  it('names a crash loop before a failed probe before a critical static finding', () => {
    const { verdict } = computeVerdict({
      findings: [finding({ checkId: 'env/require-provided', stage: 'config', category: 'configuration' })],
      runtime: {
        healthy: false,
        failures: [
          { kind: 'readiness', checkId: 'simulate/require-ready', summary: 'never listened' },
          { kind: 'crash-loop', checkId: 'simulate/no-crash-loop', summary: 'KeyError: DATABASE_URL' },
        ],
      },
      failOn: 'critical',
    });
    expect(verdict.deathLoopCause).toEqual({ checkId: 'simulate/no-crash-loop', summary: 'KeyError: DATABASE_URL' });
  });

  it('prefers what kills the start over what exposes the app among static blockers', () => {
    const { verdict } = computeVerdict({
      findings: [
        finding({ checkId: 'env/no-committed-dotenv', stage: 'config', category: 'security', location: { file: '.env', line: 1 } }),
        finding({ checkId: 'start/no-missing-target', stage: 'config', category: 'configuration', message: 'Procfile web runs a file that does not exist.', location: { file: 'Procfile', line: 1 } }),
      ],
      failOn: 'critical',
    });
    expect(verdict.deathLoopCause).toEqual({ checkId: 'start/no-missing-target', summary: 'Procfile web runs a file that does not exist. (Procfile:1)' });
  });

  it('keeps experimental findings out of the verdict and the gate', () => {
    const { verdict, gate } = computeVerdict({ findings: [finding({ experimental: true })], failOn: 'critical' });
    expect(verdict.deathLoopCause).toBeNull();
    expect(gate.passed).toBe(true);
  });

  it('fails the gate at the --fail-on threshold', () => {
    expect(computeVerdict({ findings: [finding({ severity: 'low' })], failOn: 'low' }).gate.passed).toBe(false);
    expect(computeVerdict({ findings: [finding({ severity: 'low' })], failOn: 'moderate' }).gate.passed).toBe(true);
  });

  it('counts unmet goals against readiness, and lists them', () => {
    const goal = { module: 'auth', path: 'app/auth', measured: 'failing' as const, checkId: 'goals/require-met-goals', summary: 'auth is failing' };
    const { verdict } = computeVerdict({ findings: [], runtime: { healthy: true, failures: [] }, unmetGoals: [goal], failOn: 'critical' });
    expect(verdict.liveReady).toBe(false);
    expect(verdict.deathLoopCause?.checkId).toBe('goals/require-met-goals');
    expect(verdict.unmetGoals).toEqual([goal]);
    expect(computeVerdict({ findings: [], runtime: { healthy: true, failures: [] }, unmetGoals: [], failOn: 'critical' }).verdict.liveReady).toBe(true);
  });

  it('orders the cause: crash loop > critical static finding > unmet goal, even when the goal finding is critical', () => {
    const goal = { module: 'auth', path: 'app/auth', measured: 'failing' as const, checkId: 'goals/require-met-goals', summary: 'auth is failing' };
    const goalFinding = finding({ checkId: 'goals/require-met-goals', stage: 'goals', category: 'configuration' });
    const staticFinding = finding({ checkId: 'portability/no-machine-paths', stage: 'scan', category: 'portability' });
    const crash = { healthy: false, failures: [{ kind: 'crash-loop' as const, checkId: 'runtime/no-crash-loop', summary: 'dies at start' }] };
    expect(computeVerdict({ findings: [goalFinding, staticFinding], runtime: crash, unmetGoals: [goal], failOn: 'critical' }).verdict.deathLoopCause?.checkId).toBe('runtime/no-crash-loop');
    expect(computeVerdict({ findings: [goalFinding, staticFinding], unmetGoals: [goal], failOn: 'critical' }).verdict.deathLoopCause?.checkId).toBe('portability/no-machine-paths');
    expect(computeVerdict({ findings: [goalFinding], unmetGoals: [goal], failOn: 'critical' }).verdict.deathLoopCause?.checkId).toBe('goals/require-met-goals');
    expect(computeVerdict({ findings: [], unmetGoals: [goal], failOn: 'critical' }).verdict.deathLoopCause?.summary).toBe('auth is failing');
  });
});
