import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Log } from 'sarif';
import { describe, expect, it } from 'vitest';
import type { Report } from '../model/report.js';
import { renderJunit } from './junit.js';
import { renderReport } from './render.js';
import { renderSarif } from './sarif.js';

const report: Report = {
  schemaVersion: 1,
  tool: { name: 'liveready', version: '0.1.0' },
  root: '/srv/my shop',
  generatedAt: '2026-06-01T12:00:00.000Z',
  verdict: { liveReady: false, basis: 'static', runtimeVerified: false, deathLoopCause: { checkId: 'start/no-missing-target', summary: 'Procfile web runs app/server.py, which does not exist.' }, reasons: ['1 critical finding remains'] },
  gate: { failOn: 'critical', passed: false, summary: 'failed: 1 finding at or above critical' },
  stages: [
    { id: 'config', status: 'failed', summary: '2 checks ran: 1 critical' },
    { id: 'scan', status: 'failed', summary: '2 checks ran, 1 skipped: 1 moderate' },
  ],
  findings: [
    { checkId: 'secrets/no-hardcoded-credentials', stage: 'scan', severity: 'moderate', category: 'security', message: 'A password <in> "code" & \u0001more.', remediation: 'Read it from the environment.', location: { file: 'app/my settings.py', line: 12, column: 12 }, evidence: 'PASSWORD = "********"', fingerprint: '1111111111' },
    { checkId: 'start/no-missing-target', stage: 'config', severity: 'critical', category: 'configuration', message: 'Procfile web runs app/server.py, which does not exist.', remediation: 'Point it at app/main.py.', location: { file: 'Procfile', line: 1, column: 6 }, evidence: 'web: python app/server.py', fingerprint: '2222222222', related: [{ file: 'app/main.py', line: 1 }] },
  ],
  suppressed: [{ checkId: 'secrets/no-hardcoded-credentials', fingerprint: '33333333', location: { file: 'tools/dev.py', line: 2 }, severity: 'moderate', by: 'inline', reason: 'local dev tool' }],
  checks: [
    { id: 'start/no-missing-target', stage: 'config', status: 'failed', findings: 1, description: 'Require every start command to point at a file that exists', severity: 'critical', category: 'configuration' },
    { id: 'env/require-documented', stage: 'config', status: 'passed', findings: 0, description: 'Require every variable to be documented', severity: 'moderate', category: 'configuration' },
    { id: 'secrets/no-hardcoded-credentials', stage: 'scan', status: 'failed', findings: 1, description: 'Disallow credentials in code', severity: 'moderate', category: 'security' },
    { id: 'shell/require-strict-mode', stage: 'scan', status: 'skipped', findings: 0, reason: 'does not apply: no shell <scripts>', severity: 'moderate', category: 'operations' },
  ],
  sections: {},
  stats: { files: 12, bytes: 20480, durationMs: 1234, skipped: [], listing: 'git' },
};

describe('SARIF reporter', () => {
  const log = JSON.parse(renderSarif(report)) as Log;
  const run = log.runs[0];

  it('is one SARIF 2.1.0 run with a rule per check, described, at its configured level', () => {
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    const rules = run?.tool.driver.rules ?? [];
    expect(rules.map((rule) => rule.id)).toEqual(['env/require-documented', 'secrets/no-hardcoded-credentials', 'shell/require-strict-mode', 'start/no-missing-target']);
    expect(rules[3]).toMatchObject({ name: 'StartNoMissingTarget', shortDescription: { text: 'Require every start command to point at a file that exists' }, defaultConfiguration: { level: 'error' } });
    expect(rules[1]?.properties).toEqual({ tags: ['scan', 'security'], 'security-severity': '5.0' });
    expect(rules[0]?.properties?.['security-severity']).toBeUndefined();
  });

  it('gives each finding its rule, level, location relative to the audited root, evidence and fingerprint', () => {
    const results = run?.results ?? [];
    expect(results).toHaveLength(3);
    const missing = results.find((result) => result.ruleId === 'start/no-missing-target');
    expect(run?.tool.driver.rules?.[missing?.ruleIndex ?? -1]?.id).toBe('start/no-missing-target');
    expect(missing).toMatchObject({
      level: 'error',
      locations: [{ physicalLocation: { artifactLocation: { uri: 'Procfile', uriBaseId: 'SRCROOT' }, region: { startLine: 1, startColumn: 6, snippet: { text: 'web: python app/server.py' } } } }],
      partialFingerprints: { 'liveready/v1': '2222222222' },
      relatedLocations: [{ id: 0, physicalLocation: { artifactLocation: { uri: 'app/main.py' }, region: { startLine: 1 } } }],
    });
    expect(missing?.message.text).toBe('Procfile web runs app/server.py, which does not exist.\nFix: Point it at app/main.py.');
    const secret = results.find((result) => result.partialFingerprints?.['liveready/v1'] === '1111111111');
    expect(secret?.locations?.[0]?.physicalLocation?.artifactLocation?.uri).toBe('app/my%20settings.py');
    expect(run?.originalUriBaseIds?.SRCROOT?.uri).toBe('file:///srv/my%20shop/');
  });

  it('keeps suppressed findings as results with their suppression, and the verdict in the run', () => {
    const suppressed = run?.results?.find((result) => result.suppressions !== undefined);
    expect(suppressed).toMatchObject({ ruleId: 'secrets/no-hardcoded-credentials', suppressions: [{ kind: 'inSource', status: 'accepted', justification: 'local dev tool' }] });
    expect(run?.properties).toMatchObject({ liveReady: false, basis: 'static', deathLoopCause: { checkId: 'start/no-missing-target' } });
  });

  it('is what --format sarif renders', () => {
    expect(renderReport('sarif', report)).toBe(renderSarif(report));
  });
});

describe('JUnit reporter', () => {
  const xml = renderJunit(report);
  const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => name === 'testsuite' || name === 'testcase' }).parse(xml) as {
    testsuites: { tests: string; failures: string; skipped: string; testsuite: Array<{ name: string; testcase: Array<Record<string, unknown> & { name: string }> }> };
  };

  it('is well-formed XML even when messages carry markup, quotes and control characters', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).not.toContain('\u0001');
  });

  it('has a suite per stage and a case per check: failures list the findings with file:line and fix, skips their reason', () => {
    const suites = parsed.testsuites.testsuite;
    expect(suites.map((suite) => suite.name)).toEqual(['config', 'scan', 'verdict']);
    expect(parsed.testsuites).toMatchObject({ tests: '5', failures: '3', skipped: '1' });
    const scan = suites[1]?.testcase ?? [];
    const credentials = scan.find((entry) => entry.name === 'secrets/no-hardcoded-credentials') as unknown as { failure: { '#text': string; message: string; type: string } };
    expect(credentials.failure.message).toBe('1 finding (worst: moderate)');
    expect(credentials.failure['#text']).toContain('app/my settings.py:12:12 moderate: A password <in> "code" & more.');
    expect(credentials.failure['#text']).toContain('fix: Read it from the environment.');
    expect(scan.find((entry) => entry.name === 'shell/require-strict-mode')).toMatchObject({ skipped: { message: 'does not apply: no shell <scripts>' } });
    expect(suites[0]?.testcase.find((entry) => entry.name === 'env/require-documented')).not.toHaveProperty('failure');
  });

  it('fails the verdict case when the gate failed, naming the death-loop cause', () => {
    const verdict = parsed.testsuites.testsuite[2]?.testcase[0] as unknown as { failure: { '#text': string; message: string } };
    expect(verdict.failure.message).toBe('the gate failed: start/no-missing-target');
    expect(verdict.failure['#text']).toContain('LIVE_READY=false');
    const passing = renderJunit({ ...report, gate: { ...report.gate, passed: true, summary: 'passed' }, verdict: { ...report.verdict, deathLoopCause: null } });
    expect(passing).toContain('<testsuite name="verdict" tests="1" failures="0"');
  });
});
