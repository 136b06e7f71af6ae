import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/model/report.js';
import { REPO_ROOT, runCli } from '../support/run-cli.js';

describe('dogfood', () => {
  it('liveready finds nothing in its own code (fixtures excepted, see .liveready.yaml)', () => {
    const result = runCli(['audit', REPO_ROOT, '--static', '--format', 'json', '--fail-on', 'low', '--no-cache'], { timeoutMs: 120_000 });
    const report = JSON.parse(result.stdout) as Report;
    expect(report.findings.map((finding) => `${finding.checkId} ${finding.location.file}:${finding.location.line}: ${finding.message}`)).toEqual([]);
    expect(result.status).toBe(0);
    expect(report.checks.filter((check) => check.status === 'errored')).toEqual([]);
    // Every check that ran says how long it took; skipped ones did not run.
    const ran = report.checks.filter((check) => check.status === 'passed' || check.status === 'failed');
    expect(ran.length).toBeGreaterThan(20);
    expect(ran.every((check) => typeof check.durationMs === 'number' && check.durationMs >= 0)).toBe(true);
    expect(report.checks.filter((check) => check.status === 'skipped' && check.durationMs !== undefined)).toEqual([]);
  });
});
