import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { FIXTURE_NOW } from '../../test/support/check-fixtures.js';
import { materializeFixture } from '../../test/support/fixture-tree.js';
import { ALL_RECORDS } from '../../test/support/osv-records.js';
import { startOsvStandIn } from '../../test/support/osv-stand-in.js';
import { noVulnerableDependency } from '../checks/deps/no-vulnerable-dependency/check.js';
import { validateAgainst } from '../config/validate.js';
import { audit } from '../engine/audit.js';
import { ReportSchema } from '../model/report-schema.js';
import type { VulnerabilitiesSection } from '../model/vulnerabilities-section-schema.js';
import { renderMarkdown } from '../reporters/markdown/render.js';

const FIXTURES = fileURLToPath(new URL('../checks/deps/no-vulnerable-dependency/fixtures/', import.meta.url));
const cleanups: Array<() => void | Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function auditFixture(name: string, collectorOptions: Record<string, unknown> = {}) {
  const fixture = materializeFixture(join(FIXTURES, name));
  cleanups.push(fixture.cleanup);
  return audit({ root: fixture.root, checks: [noVulnerableDependency], isStatic: true, now: FIXTURE_NOW, collectorOptions });
}

describe('dependency advisories through the audit', () => {
  it('recommends the version that fixes every advisory, and says when there is no fix', async () => {
    const npmReport = await auditFixture('bad.npm-lock-vulnerable');
    expect(npmReport.findings.map((finding) => finding.remediation)).toEqual([
      'Upgrade express to 4.20.0 or later in package-lock.json (fixes GHSA-rv95-896h-c2vc, GHSA-qw6h-vgh9-j6wx).',
      'Upgrade lodash to 4.17.12 or later in package-lock.json (fixes GHSA-jf85-cpcp-j695).',
      'Upgrade minimatch to 3.0.5 or later in package-lock.json (fixes GHSA-f8q6-p94x-37v3).',
    ]);
    const pythonReport = await auditFixture('bad.requirements-pins');
    expect(pythonReport.findings.map((finding) => finding.remediation)).toEqual([
      'Upgrade Django to 4.2.3 or later in requirements.txt (fixes GHSA-jh3w-4vvf-mjgr).',
      "No fixed version yet for GHSA-w596-4wvx-j9j6: replace py or apply the advisory's workaround, and watch it for a release.",
    ]);
  });

  it('keeps the fingerprint when the lockfile line moves, and changes it with the version', async () => {
    const fixture = materializeFixture(join(FIXTURES, 'bad.npm-lock-vulnerable'));
    cleanups.push(fixture.cleanup);
    const expressOf = async () => (await audit({ root: fixture.root, checks: [noVulnerableDependency], isStatic: true, now: FIXTURE_NOW })).findings.find((finding) => finding.message.startsWith('express@'));
    const before = await expressOf();
    const lockPath = join(fixture.root, 'package-lock.json');
    const moved = readFileSync(lockPath, 'utf8').replace('    "node_modules/express": {', '    "node_modules/accepts": {\n      "version": "1.3.8",\n      "license": "MIT"\n    },\n    "node_modules/express": {');
    writeFileSync(lockPath, moved);
    const after = await expressOf();
    expect(after?.location.line).toBe((before?.location.line ?? 0) + 4);
    expect(after?.fingerprint).toBe(before?.fingerprint);
    writeFileSync(lockPath, moved.replace('"version": "4.17.1"', '"version": "4.18.2"'));
    const upgraded = await expressOf();
    expect(upgraded?.message).toMatch(/^express@4\.18\.2 /);
    expect(upgraded?.fingerprint).not.toBe(before?.fingerprint);
  });

  it('reports sources, counts and packages in sections.vulnerabilities and the markdown report', async () => {
    const report = await auditFixture('bad.npm-lock-vulnerable');
    const section = report.sections.vulnerabilities as VulnerabilitiesSection;
    expect(section.sources).toEqual([{ kind: 'database', location: 'osv', records: 5 }]);
    expect(section.packagesChecked).toBe(5);
    expect(section.vulnerableCount).toBe(3);
    expect(validateAgainst(ReportSchema, JSON.parse(JSON.stringify(report)))).toEqual([]);
    expect(section.packages.map((entry) => `${entry.name}@${entry.version} ${entry.severity} ${entry.upgradeTo ?? '-'}`)).toEqual(['express@4.17.1 moderate 4.20.0', 'lodash@4.17.11 critical 4.17.12', 'minimatch@3.0.4 low 3.0.5']);
    const markdown = renderMarkdown(report);
    expect(markdown).toContain('Advisories from the OSV database `osv` (5 records).');
    expect(markdown).toContain('| `minimatch@3.0.4` (dev) | package-lock.json:32 | low | GHSA-f8q6-p94x-37v3 | 3.0.5 |');
  });

  it('says why nothing was checked when there is no source, and skips the check instead of passing it', async () => {
    const report = await auditFixture('ok.no-advisory-source');
    expect(report.checks.find((run) => run.id === noVulnerableDependency.meta.id)?.status).toBe('skipped');
    expect((report.sections.vulnerabilities as VulnerabilitiesSection).note).toMatch(/^no advisory source/);
    expect(renderMarkdown(report)).toContain('_No advisory source answered: no advisory source: the OSV API is off');
  });

  it('uses the API when it answers, and completes with the error noted when it returns 500', async () => {
    const server = await startOsvStandIn(ALL_RECORDS);
    cleanups.push(() => server.close());
    const report = await auditFixture('ok.no-advisory-source', { advisories: { api: server.url } });
    expect(report.findings.map((finding) => finding.message.split(' ')[0])).toEqual(['express@4.17.1', 'lodash@4.17.11']);
    const failing = await startOsvStandIn(ALL_RECORDS, 'error-500');
    cleanups.push(() => failing.close());
    const failed = await auditFixture('ok.no-advisory-source', { advisories: { api: failing.url } });
    expect(failed.findings).toEqual([]);
    expect((failed.sections.vulnerabilities as VulnerabilitiesSection).errors).toEqual([{ kind: 'api', location: failing.url, message: 'querybatch: HTTP 500' }]);
    expect(failed.stages.find((stage) => stage.id === 'schema')?.status).not.toBe('errored');
  });
});
