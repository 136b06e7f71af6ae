import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { validateAgainst } from '../../src/config/validate.js';
import type { GoalsSection } from '../../src/model/goals-section-schema.js';
import { ReportSchema } from '../../src/model/report-schema.js';
import type { Report } from '../../src/model/report.js';
import { materializeFixture } from '../support/fixture-tree.js';
import { REPO_ROOT, runCli } from '../support/run-cli.js';
import { SYSTEM_PYTHON, auditRuntime, expectNothingLeftBehind } from '../support/runtime-audit.js';

/** A shop whose goal tracker claims every module validated while billing fails (a live key in its code, three KeyErrors in the logs). */
const APP = join(REPO_ROOT, 'test/fixtures/apps/goals-claims-validated');
const fixture = materializeFixture(APP);
afterAll(() => fixture.cleanup());

function goalsOf(report: Report): GoalsSection {
  return report.sections.goals as GoalsSection;
}

describe('a tracker claiming everything validated while billing fails (static audit)', () => {
  const json = runCli(['audit', fixture.root, '--static', '--no-cache', '--format', 'json']);
  const report = JSON.parse(json.stdout) as Report;

  it('measures billing failing from its evidence, and only billing', () => {
    expect(json.status).toBe(1);
    expect(validateAgainst(ReportSchema, report)).toEqual([]);
    expect(goalsOf(report).goals.map((goal) => [goal.module, goal.path, goal.declared, goal.measured, goal.basis ?? null])).toEqual([
      ['api', 'app/main.py', 'validated', 'validated', 'static'],
      ['auth', 'app/auth/', 'validated', 'validated', 'static'],
      ['billing', 'app/billing/', 'validated', 'failing', null],
    ]);
    expect(goalsOf(report).goals[2]?.evidence).toEqual(['1 critical finding in app/billing/ (secrets/no-known-secret-formats)', '3 log failures (KeyError) in app/billing/charge.py, over the threshold of 2']);
    expect(goalsOf(report).uncovered).toEqual([]);
  });

  it('reports the mismatch and the unmet goal for billing alone, and LIVE_READY=false', () => {
    const goalFindings = report.findings.filter((finding) => finding.stage === 'goals').map((finding) => [finding.checkId, finding.severity, `${finding.location.file}:${finding.location.line}`]);
    expect(goalFindings).toEqual([
      ['goals/no-status-mismatch', 'moderate', 'goal_tracker.json:4'],
      ['goals/require-met-goals', 'critical', 'goal_tracker.json:4'],
    ]);
    expect(report.verdict.liveReady).toBe(false);
    expect(report.verdict.unmetGoals?.map((goal) => [goal.module, goal.measured])).toEqual([['billing', 'failing']]);
    // The goal is unmet because of the failures: they, not the goal, are the cause.
    expect(report.verdict.deathLoopCause?.checkId).not.toMatch(/^goals\//);
    expect(report.stages.find((stage) => stage.id === 'goals')).toMatchObject({ status: 'failed', summary: expect.stringMatching(/^3 goals: 2 validated, 1 failing; 5 checks ran/) });
  });

  it('renders the goal table in the markdown report', () => {
    const markdown = runCli(['audit', fixture.root, '--static', '--no-cache', '--format', 'markdown']).stdout;
    const section = markdown.slice(markdown.indexOf('\n## Goal tracker\n'), markdown.indexOf('\n## Verdict\n'));
    expect(section).toContain('| Module | Goal | Declared | Measured | Evidence |');
    expect(section).toContain("| `billing` (`app/billing/`) | charge an order's total to the customer's card | validated | ❌ failing ⚠️ declared validated | 1 critical finding in app/billing/ (secrets/no-known-secret-formats); 3 log failures (KeyError) in app/billing/charge.py, over the threshold of 2 |");
    expect(section).toContain('| `auth` (`app/auth/`) | sign users in with a password and issue session tokens | validated | ✅ validated (static only) |');
  });
});

describe('liveready goals', () => {
  it('prints the goal table and exits 1 while a core goal is unmet', () => {
    const result = runCli(['goals', fixture.root]);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('✘ billing  app/billing/\n    measured failing  declared validated: disagrees');
  });

  it('init refuses to overwrite an existing tracker (exit 2, file untouched), writes a starter with --force', () => {
    const tracker = join(fixture.root, 'goal_tracker.json');
    const before = readFileSync(tracker);
    const refused = runCli(['goals', 'init', fixture.root]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('goal_tracker.json already exists and liveready does not overwrite it');
    expect(readFileSync(tracker).equals(before)).toBe(true);
    try {
      expect(runCli(['goals', 'init', fixture.root, '--force']).status).toBe(0);
      expect(readFileSync(tracker, 'utf8')).toContain('{ "module": "billing", "path": "app/billing/", "goal": "", "status": "unknown" }');
      rmSync(tracker);
      expect(runCli(['goals', 'init', fixture.root]).status).toBe(0);
      const starter = JSON.parse(readFileSync(tracker, 'utf8')) as { modules: Array<{ path: string }> };
      expect(starter.modules.map((entry) => entry.path)).toEqual(['app/', 'app/auth/', 'app/billing/']);
    } finally {
      writeFileSync(tracker, before);
    }
  });

  it('--update writes the measured statuses and keeps every other field and the order', () => {
    const tracker = join(fixture.root, 'goal_tracker.json');
    const before = readFileSync(tracker, 'utf8');
    try {
      expect(runCli(['goals', fixture.root, '--update']).status).toBe(1);
      const after = readFileSync(tracker, 'utf8');
      expect(after).toBe(before.replace(/"status": "validated" \}\n\]/, '"status": "failing" }\n]'));
      expect(after).toContain('"owner": "platform"');
    } finally {
      writeFileSync(tracker, before);
    }
  });

  it('says what is wrong when there is no tracker or no project (exit 2)', () => {
    const empty = runCli(['goals', join(REPO_ROOT, 'test/fixtures/apps/fastapi-ready')]);
    expect(empty.status).toBe(2);
    expect(empty.stderr).toBe('liveready: no goals to show: no goal_tracker.json (liveready goals init writes a starter from the module map)\n');
    expect(runCli(['goals', join(fixture.root, 'nowhere')]).status).toBe(2);
  });

  it('reports a malformed tracker as a finding, never a crash', () => {
    const tracker = join(fixture.root, 'goal_tracker.json');
    const before = readFileSync(tracker);
    try {
      writeFileSync(tracker, Buffer.concat([Buffer.from('[{"module": "api", "status": 7},'), Buffer.from([0xff, 0xfe, 0x00])]));
      const result = runCli(['audit', fixture.root, '--static', '--no-cache', '--format', 'json']);
      expect(result.status).toBe(1);
      const report = JSON.parse(result.stdout) as Report;
      expect(report.findings.filter((finding) => finding.checkId === 'goals/require-valid-tracker').length).toBeGreaterThan(0);
      expect(goalsOf(report).goals).toEqual([]);
      expect(runCli(['goals', fixture.root, '--update']).status).toBe(2);
    } finally {
      writeFileSync(tracker, before);
    }
  });
});

describe('the same app run in the simulation', () => {
  it('validates api and auth by the probes that reached them; billing stays failing; LIVE_READY=false', () => {
    const run = auditRuntime(APP, ['--no-install', ...SYSTEM_PYTHON]);
    expect(run.report.verdict.basis).toBe('runtime');
    expect(goalsOf(run.report).goals.map((goal) => [goal.module, goal.measured, goal.basis ?? null, goal.evidence[0]])).toEqual([
      ['api', 'validated', 'runtime', 'probes reached GET /health'],
      ['auth', 'validated', 'runtime', 'probes reached POST /auth/login'],
      ['billing', 'failing', null, '1 critical finding in app/billing/ (secrets/no-known-secret-formats)'],
    ]);
    expect(run.report.verdict.liveReady).toBe(false);
    expect(run.report.verdict.unmetGoals?.map((goal) => goal.module)).toEqual(['billing']);
    expectNothingLeftBehind(run);
  });
});
