import { readFileSync } from 'node:fs';
import type { LockedPackage } from '../../src/facts/manifest-types.js';

/** The text of a lockfile under test/fixtures/lockfiles/ (real-looking lockfiles, written after the real formats). */
export function readLockfileFixture(relativePath: string): string {
  return readFileSync(new URL(`../fixtures/lockfiles/${relativePath}`, import.meta.url), 'utf8');
}

/** `name@version:line` plus the flags, one string per package (easy to read in a failure). */
export function summarizeLocked(packages: readonly LockedPackage[]): string[] {
  return packages.map((locked) => `${locked.name}@${locked.version}:${locked.line}${locked.isDirect ? ' direct' : ''}${locked.isDev ? ' dev' : ''}`);
}
