import { type LockfileFormat, lockfileFormatOf } from '../../../model/lockfile-names.js';
import type { ManifestExtraction } from '../manifest.js';
import type { LockfileParse } from './lockfile-parse.js';
import { parsePackageLock } from './package-lock.js';
import { parsePipfileLock } from './pipfile-lock.js';
import { parsePnpmLock } from './pnpm-lock.js';
import { parsePoetryLock, parseUvLock } from './python-locks.js';
import { parseYarnLock } from './yarn-lock.js';

const PARSERS: Record<LockfileFormat, (text: string) => LockfileParse> = {
  'package-lock': parsePackageLock,
  yarn: parseYarnLock,
  pnpm: parsePnpmLock,
  poetry: parsePoetryLock,
  uv: parseUvLock,
  'pipfile-lock': parsePipfileLock,
};

/**
 * The exact versions a lockfile pins, chosen by file name. Undefined for other files. The
 * packages' lines get no evidence snippet (a lockfile has thousands): a check that reports one
 * names the package and version in its evidence.
 */
export function extractLockfile(path: string, text: string): ManifestExtraction | undefined {
  const format = lockfileFormatOf(path);
  if (format === undefined) return undefined;
  const parsed = PARSERS[format](text);
  return { manifest: { type: 'lockfile', format, packages: parsed.packages }, problems: parsed.problems, lines: new Set() };
}
