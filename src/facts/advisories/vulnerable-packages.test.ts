import { describe, expect, it } from 'vitest';
import { ALL_RECORDS, DJANGO_REDOS_GHSA, DJANGO_REDOS_PYSEC, EXPRESS_OPEN_REDIRECT } from '../../../test/support/osv-records.js';
import type { LockedPackage } from '../manifest-types.js';
import { type OsvRecord, readOsvRecord } from './osv-record.js';
import { findVulnerablePackages, reportedSeverity } from './vulnerable-packages.js';

const records = ALL_RECORDS.map((value) => readOsvRecord(value)).filter((record): record is OsvRecord => record !== undefined);
const locked = (file: string, pkg: LockedPackage): { file: string; package: LockedPackage } => ({ file, package: pkg });

describe('findVulnerablePackages', () => {
  it('lists every advisory of a package and recommends the version that fixes them all', () => {
    const [express] = findVulnerablePackages([locked('package-lock.json', { ecosystem: 'npm', name: 'express', version: '4.17.1', line: 12 })], records);
    expect(express?.advisories.map((advisory) => [advisory.id, advisory.severity, advisory.fixed])).toEqual([
      ['GHSA-rv95-896h-c2vc', 'moderate', '4.19.2'],
      ['GHSA-qw6h-vgh9-j6wx', 'low', '4.20.0'],
    ]);
    expect(express?.upgradeTo).toBe('4.20.0');
    expect(express?.severity).toBe('moderate');
  });

  it('merges records that alias each other (GHSA + PYSEC) and keeps the GHSA severity', () => {
    const [django] = findVulnerablePackages([locked('poetry.lock', { ecosystem: 'PyPI', name: 'Django', version: '4.2.1', line: 40 })], records);
    expect(django?.advisories).toEqual([{ id: 'GHSA-jh3w-4vvf-mjgr', aliases: ['CVE-2023-36053', 'PYSEC-2023-100'], summary: DJANGO_REDOS_GHSA.summary, severity: 'moderate', fixed: '4.2.3' }]);
  });

  it('takes the PYSEC record alone when it is the only source, with moderate as its unknown severity', () => {
    const pysecOnly = [readOsvRecord(DJANGO_REDOS_PYSEC)].filter((record): record is OsvRecord => record !== undefined);
    const [django] = findVulnerablePackages([locked('requirements.txt', { ecosystem: 'PyPI', name: 'django', version: '3.2.19', line: 2 })], pysecOnly);
    expect(django?.advisories.map((advisory) => [advisory.id, advisory.severity, advisory.fixed])).toEqual([['PYSEC-2023-100', 'moderate', '3.2.20']]);
  });

  it('reports no fix when none exists, and steps a dev-only package down one severity', () => {
    const [py] = findVulnerablePackages([locked('poetry.lock', { ecosystem: 'PyPI', name: 'py', version: '1.11.0', line: 7, isDev: true })], records);
    expect(py?.upgradeTo).toBeUndefined();
    expect(py?.advisories[0]?.fixed).toBeUndefined();
    expect(py && reportedSeverity(py)).toBe('low');
    const [lodash] = findVulnerablePackages([locked('package-lock.json', { ecosystem: 'npm', name: 'lodash', version: '4.17.11', line: 3 })], records);
    expect(lodash && reportedSeverity(lodash)).toBe('critical');
  });

  it('raises the recommendation when the first fix is itself inside another advisory range', () => {
    const later = readOsvRecord({ ...EXPRESS_OPEN_REDIRECT, id: 'GHSA-late-fix0-0000', aliases: [], affected: [{ package: { ecosystem: 'npm', name: 'express' }, ranges: [{ type: 'SEMVER', events: [{ introduced: '4.19.0' }, { fixed: '4.19.5' }] }] }] });
    const [express] = findVulnerablePackages([locked('package-lock.json', { ecosystem: 'npm', name: 'express', version: '4.18.0', line: 3 })], [readOsvRecord(EXPRESS_OPEN_REDIRECT) as OsvRecord, later as OsvRecord]);
    expect(express?.advisories.map((advisory) => advisory.id)).toEqual(['GHSA-rv95-896h-c2vc']);
    expect(express?.upgradeTo).toBe('4.19.5');
  });

  it('leaves safe versions, withdrawn advisories and same-named packages of another ecosystem alone', () => {
    expect(
      findVulnerablePackages(
        [
          locked('package-lock.json', { ecosystem: 'npm', name: 'express', version: '4.21.2', line: 1 }),
          locked('package-lock.json', { ecosystem: 'npm', name: 'minimist', version: '0.0.8', line: 2 }),
          locked('poetry.lock', { ecosystem: 'PyPI', name: 'lodash', version: '1.0.0', line: 3 }),
          locked('poetry.lock', { ecosystem: 'PyPI', name: 'django', version: '4.2.3', line: 4 }),
        ],
        records,
      ),
    ).toEqual([]);
  });
});
