import { lockfileFormatOf } from '../../../model/lockfile-names.js';
import type { ManifestExtraction } from '../manifest.js';
import type { LockfileParse } from './lockfile-parse.js';
import { parsePackageLock } from './package-lock.js';
import { parseYarnLock } from './yarn-lock.js';

/**
 * The exact versions a lockfile pins, chosen by file name. Undefined for other files. The
 * packages' lines get no evidence snippet (a lockfile has thousands): a check that reports one
 * names the package and version in its evidence.
 */
export function extractLockfile(path: string, text: string): ManifestExtraction | undefined {
  const format = lockfileFormatOf(path);
  if (format === undefined) return undefined;
  let parsed: LockfileParse;
  switch (format) {
    case 'package-lock':
      parsed = parsePackageLock(text);
      break;
    case 'yarn':
      parsed = parseYarnLock(text);
      break;
    default:
      return undefined;
  }
  return { manifest: { type: 'lockfile', format, packages: parsed.packages }, problems: parsed.problems, lines: new Set() };
}
