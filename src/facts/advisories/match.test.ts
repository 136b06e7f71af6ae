import { describe, expect, it } from 'vitest';
import { DJANGO_REDOS_GHSA, EXPRESS_OPEN_REDIRECT } from '../../../test/support/osv-records.js';
import type { LockedPackage } from '../manifest-types.js';
import { isInRange, matchAdvisories } from './match.js';
import { type OsvRecord, readOsvRecord } from './osv-record.js';
import { compareVersions } from './version-order.js';

const npm = (name: string, version: string): LockedPackage => ({ ecosystem: 'npm', name, version, line: 1 });
const pypi = (name: string, version: string): LockedPackage => ({ ecosystem: 'PyPI', name, version, line: 1 });

function record(value: unknown): OsvRecord {
  const parsed = readOsvRecord(value);
  if (!parsed) throw new Error('not a record');
  return parsed;
}

// Shaped after the real GHSA records: two SEMVER ranges per release line (express), ECOSYSTEM ranges (Django).
const expressRedirect = record(EXPRESS_OPEN_REDIRECT);
const djangoRedos = record(DJANGO_REDOS_GHSA);

describe('matchAdvisories (npm, SEMVER)', () => {
  it('matches a version inside introduced "0" .. fixed and recommends that fix', () => {
    expect(matchAdvisories(npm('express', '4.17.1'), [expressRedirect])).toEqual([{ record: expressRedirect, fixed: '4.19.2' }]);
  });

  it('does not match the fixed version itself or anything after it', () => {
    expect(matchAdvisories(npm('express', '4.19.2'), [expressRedirect])).toEqual([]);
    expect(matchAdvisories(npm('express', '4.21.0'), [expressRedirect])).toEqual([]);
  });

  it('orders prereleases as SemVer does: 5.0.0-beta.1 is affected, 5.0.0-beta.3 and 5.0.0 are not', () => {
    expect(matchAdvisories(npm('express', '5.0.0-beta.1'), [expressRedirect])[0]?.fixed).toBe('5.0.0-beta.3');
    expect(matchAdvisories(npm('express', '5.0.0-beta.3'), [expressRedirect])).toEqual([]);
    expect(matchAdvisories(npm('express', '5.0.0'), [expressRedirect])).toEqual([]);
  });

  it('ignores another package and another ecosystem with the same name', () => {
    expect(matchAdvisories(npm('express-session', '1.0.0'), [expressRedirect])).toEqual([]);
    expect(matchAdvisories(pypi('express', '4.17.1'), [expressRedirect])).toEqual([]);
  });

  it('ignores withdrawn records', () => {
    const withdrawn = { ...expressRedirect, withdrawn: '2024-05-01T00:00:00Z' };
    expect(matchAdvisories(npm('express', '4.17.1'), [withdrawn])).toEqual([]);
  });

  it('honours last_affected (inclusive) and reports no fix', () => {
    const noFix = record({ id: 'GHSA-w596-4wvx-j9j6', affected: [{ package: { ecosystem: 'PyPI', name: 'py' }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { last_affected: '1.11.0' }] }] }] });
    expect(matchAdvisories(pypi('py', '1.11.0'), [noFix])).toEqual([{ record: noFix }]);
    expect(matchAdvisories(pypi('py', '1.11.1'), [noFix])).toEqual([]);
  });

  it('honours limit events and skips GIT ranges', () => {
    const limited = record({ id: 'OSV-LIMIT', affected: [{ package: { ecosystem: 'npm', name: 'ws' }, ranges: [{ type: 'SEMVER', events: [{ introduced: '2.0.0' }, { limit: '3.0.0' }] }, { type: 'GIT', repo: 'https://github.com/websockets/ws', events: [{ introduced: '0' }] }] }] });
    expect(matchAdvisories(npm('ws', '2.5.0'), [limited])).toHaveLength(1);
    expect(matchAdvisories(npm('ws', '3.0.0'), [limited])).toEqual([]);
    expect(matchAdvisories(npm('ws', '1.0.0'), [limited])).toEqual([]);
  });
});

describe('matchAdvisories (PyPI, ECOSYSTEM and versions[])', () => {
  it('picks the fix of the range the version falls in, not the lowest fix overall', () => {
    expect(matchAdvisories(pypi('Django', '4.1.2'), [djangoRedos])[0]?.fixed).toBe('4.1.10');
    expect(matchAdvisories(pypi('django', '3.2.19'), [djangoRedos])[0]?.fixed).toBe('3.2.20');
    expect(matchAdvisories(pypi('django', '4.1.10'), [djangoRedos])).toEqual([]);
    expect(matchAdvisories(pypi('django', '3.1.14'), [djangoRedos])).toEqual([]);
  });

  it('compares PyPI names PEP 503-normalized', () => {
    const dotenv = record({ id: 'PYSEC-2099-1', affected: [{ package: { ecosystem: 'PyPI', name: 'python_dotenv' }, versions: ['0.19.0'] }] });
    expect(matchAdvisories(pypi('Python.Dotenv', '0.19.0'), [dotenv])).toHaveLength(1);
    expect(matchAdvisories(npm('python_dotenv', '0.19.0'), [dotenv])).toEqual([]);
  });

  it('matches an exact versions[] entry by PEP 440 equality and takes a later fix from the entry', () => {
    const listed = record({
      id: 'PYSEC-2021-19',
      aliases: ['CVE-2021-23336'],
      affected: [{ package: { ecosystem: 'PyPI', name: 'flask' }, ranges: [{ type: 'GIT', repo: 'https://github.com/pallets/flask', events: [{ introduced: '0' }, { fixed: 'abc123' }] }, { type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '1.0' }] }], versions: ['0.12', '0.12.1'] }],
    });
    expect(matchAdvisories(pypi('Flask', '0.12.0'), [listed])[0]?.fixed).toBe('1.0');
    expect(matchAdvisories(pypi('Flask', '1.0'), [listed])).toEqual([]);
  });

  it('orders epochs, dev, pre, post and local releases by PEP 440', () => {
    const range = { type: 'ECOSYSTEM' as const, events: [{ introduced: '2.0.dev1' }, { fixed: '2.0.post1' }] };
    expect(isInRange('PyPI', '2.0a1', range)).toBe(true);
    expect(isInRange('PyPI', '2.0rc2', range)).toBe(true);
    expect(isInRange('PyPI', '2.0', range)).toBe(true);
    expect(isInRange('PyPI', '2.0+ubuntu1', range)).toBe(true);
    expect(isInRange('PyPI', '2.0.post1', range)).toBe(false);
    expect(isInRange('PyPI', '2.0.dev0', range)).toBe(false);
    expect(isInRange('PyPI', '1!1.0', range)).toBe(false);
    expect(compareVersions('PyPI', '1!1.0', '2.0')).toBe(1);
    expect(compareVersions('PyPI', '1.0', '1.0.0')).toBe(0);
  });

  it('treats versions it cannot parse as unknown instead of guessing', () => {
    expect(compareVersions('PyPI', 'not-a-version', '1.0')).toBeUndefined();
    expect(compareVersions('npm', 'latest', '1.0.0')).toBeUndefined();
    expect(matchAdvisories(pypi('django', 'main'), [djangoRedos])).toEqual([]);
  });

  it('reads introduce-and-fix at the same release as not affected, and re-introduction after a fix as affected', () => {
    const reopened = { type: 'SEMVER' as const, events: [{ introduced: '1.0.0' }, { fixed: '1.2.0' }, { introduced: '1.5.0' }, { fixed: '1.6.0' }] };
    expect(isInRange('npm', '1.1.0', reopened)).toBe(true);
    expect(isInRange('npm', '1.3.0', reopened)).toBe(false);
    expect(isInRange('npm', '1.5.1', reopened)).toBe(true);
    expect(isInRange('npm', '1.0.0', { type: 'SEMVER', events: [{ introduced: '1.0.0' }, { fixed: '1.0.0' }] })).toBe(false);
  });
});

describe('readOsvRecord', () => {
  it('drops what is not an OSV record instead of throwing', () => {
    expect(readOsvRecord(null)).toBeUndefined();
    expect(readOsvRecord({ summary: 'no id' })).toBeUndefined();
    expect(readOsvRecord({ id: 'X', affected: [{ package: 'express' }, { package: { ecosystem: 'npm', name: 'ms' }, ranges: [{ type: 'SEMVER', events: [7, { fixed: '2.0.0' }] }, { type: 'WEIRD', events: [] }] }] })).toEqual({
      id: 'X',
      aliases: [],
      affected: [{ package: { ecosystem: 'npm', name: 'ms' }, ranges: [{ type: 'SEMVER', events: [{ fixed: '2.0.0' }] }], versions: [] }],
    });
  });
});
