import { readFileSync } from 'node:fs';

/** The text of a lockfile under test/fixtures/lockfiles/ (real-looking lockfiles, written after the real formats). */
export function readLockfileFixture(relativePath: string): string {
  return readFileSync(new URL(`../fixtures/lockfiles/${relativePath}`, import.meta.url), 'utf8');
}
