import { createRequire } from 'node:module';
import type * as Pep440 from '@renovatebot/pep440';
import type * as SemVer from 'semver';
import type { LockEcosystem } from '../manifest-types.js';
import { normalizeDistribution } from '../../parsers/pep508.js';

/**
 * Version ordering per ecosystem: SemVer 2.0 for npm, PEP 440 for PyPI (epochs, pre/post/dev
 * releases, local versions). Undefined when either version cannot be parsed: the caller decides,
 * never a guess.
 */
export function compareVersions(ecosystem: LockEcosystem, left: string, right: string): number | undefined {
  if (ecosystem === 'npm') {
    const semver = versionLibraries().semver;
    const a = semver.parse(left, { loose: true });
    const b = semver.parse(right, { loose: true });
    return a && b ? semver.compare(a, b) : undefined;
  }
  const pep440 = versionLibraries().pep440;
  if (pep440.valid(left) === null || pep440.valid(right) === null) return undefined;
  return pep440.compare(left, right);
}

// Both ship CommonJS: required on first comparison, so that a project without lockfiles (or an
// audit with no advisories to match) does not load them.
const require = createRequire(import.meta.url);
let libraries: { semver: typeof SemVer; pep440: typeof Pep440 } | undefined;

function versionLibraries(): { semver: typeof SemVer; pep440: typeof Pep440 } {
  libraries ??= { semver: require('semver') as typeof SemVer, pep440: require('@renovatebot/pep440') as typeof Pep440 };
  return libraries;
}

/** The key records and locked packages are matched on: PyPI names PEP 503-normalized, npm names as is. */
export function packageKey(ecosystem: string, name: string): string {
  return ecosystem === 'PyPI' ? `PyPI:${normalizeDistribution(name)}` : `${ecosystem}:${name}`;
}
