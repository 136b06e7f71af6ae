import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Check } from '../../src/checks/api.js';
import { audit } from '../../src/engine/audit.js';
import type { Finding } from '../../src/model/finding.js';
import { formatLocation } from '../../src/model/location.js';
import { evidenceWithCaret } from '../../src/reporters/evidence.js';
import { materializeFixture } from './fixture-tree.js';

/** A fixed "today" so expiry-dependent cases do not change with the calendar. */
export const FIXTURE_NOW = new Date('2026-06-01T12:00:00Z');

/** The snapshot text of findings: location, severity, id, message, evidence with caret. */
export function formatFindingsSnapshot(findings: readonly Finding[]): string {
  return findings
    .map((finding) => [`${formatLocation(finding.location)} ${finding.severity} ${finding.checkId}`, `  ${finding.message}`, ...evidenceWithCaret(finding).map((line) => `  ${line}`)].join('\n'))
    .join('\n\n')
    .concat(findings.length > 0 ? '\n' : '');
}

/**
 * Runs a check's `fixtures/ok.*` and `fixtures/bad.*` cases through the real pipeline (discovery,
 * facts, the one check). ok.* must run and find nothing; bad.* must match `expected.txt`. A missing
 * snapshot fails under CI and is written (for review) elsewhere.
 */
export function describeCheckFixtures(checkDir: string, check: Check): void {
  const fixturesDir = join(checkDir, 'fixtures');
  const cases = existsSync(fixturesDir) ? readdirSync(fixturesDir).filter((name) => name.startsWith('ok.') || name.startsWith('bad.')).sort() : [];
  describe(`${check.meta.id} fixtures`, () => {
    it('has at least one ok.* and one bad.* case', () => {
      expect(cases.some((name) => name.startsWith('ok.'))).toBe(true);
      expect(cases.some((name) => name.startsWith('bad.'))).toBe(true);
    });
    for (const name of cases) {
      it(name, async () => {
        const fixture = materializeFixture(join(fixturesDir, name));
        try {
          const report = await audit({ root: fixture.root, checks: [check], isStatic: fixture.options.static ?? true, now: FIXTURE_NOW });
          const run = report.checks.find((candidate) => candidate.id === check.meta.id);
          const findings = report.findings.filter((finding) => finding.checkId === check.meta.id);
          if (name.startsWith('ok.')) {
            expect(formatFindingsSnapshot(findings)).toBe('');
            expect(run?.status, run?.reason).toBe(fixture.options.expectSkipped ? 'skipped' : 'passed');
            return;
          }
          expect(run?.status, run?.reason).toBe('failed');
          const snapshotPath = join(fixturesDir, name, 'expected.txt');
          const actual = formatFindingsSnapshot(findings);
          if (!existsSync(snapshotPath)) {
            if (process.env.CI) throw new Error(`missing snapshot ${snapshotPath}`);
            writeFileSync(snapshotPath, actual);
          } else if (process.env.UPDATE_SNAPSHOTS === '1') {
            writeFileSync(snapshotPath, actual);
          }
          expect(actual).toBe(readFileSync(snapshotPath, 'utf8'));
        } finally {
          fixture.cleanup();
        }
      });
    }
  });
}
