import { compare as comparePep440, valid as validPep440 } from '@renovatebot/pep440';
import semver from 'semver';
import type { LockEcosystem } from '../manifest-types.js';
import { normalizeDistribution } from '../../parsers/pep508.js';

/**
 * Version ordering per ecosystem: SemVer 2.0 for npm, PEP 440 for PyPI (epochs, pre/post/dev
 * releases, local versions). Undefined when either version cannot be parsed: the caller decides,
 * never a guess.
 */
export function compareVersions(ecosystem: LockEcosystem, left: string, right: string): number | undefined {
  if (ecosystem === 'npm') {
    const a = semver.parse(left, { loose: true });
    const b = semver.parse(right, { loose: true });
    return a && b ? semver.compare(a, b) : undefined;
  }
  if (validPep440(left) === null || validPep440(right) === null) return undefined;
  return comparePep440(left, right);
}

/** The key records and locked packages are matched on: PyPI names PEP 503-normalized, npm names as is. */
export function packageKey(ecosystem: string, name: string): string {
  return ecosystem === 'PyPI' ? `PyPI:${normalizeDistribution(name)}` : `${ecosystem}:${name}`;
}

/** The OSV ecosystems liveready reads lockfiles for. */
export function isLockEcosystem(ecosystem: string): ecosystem is LockEcosystem {
  return ecosystem === 'npm' || ecosystem === 'PyPI';
}
