import type { ParseProblem } from '../../../parsers/positioned.js';
import type { LockedPackage } from '../../manifest-types.js';

/** What a lockfile parser gives: every exact version it pins, and what it could not read. */
export interface LockfileParse {
  packages: LockedPackage[];
  problems: ParseProblem[];
}

/** An exact semver (`4.18.2`, `1.0.0-beta.3+build.7`): not a range, a tag, a git ref or a path. */
export function isExactNpmVersion(version: string): boolean {
  return /^v?\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/.test(version);
}
