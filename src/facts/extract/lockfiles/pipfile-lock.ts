import { jsonKeyLines } from '../../../parsers/json-key-lines.js';
import type { LockedPackage } from '../../manifest-types.js';
import { asRecord } from '../structured-document.js';
import { type LockfileParse, readJsonLockfile } from './lockfile-parse.js';

/**
 * Pipfile.lock: `default` and `develop` (and pipenv's custom categories) map names to
 * `{ "version": "==1.2.3" }`; git, path and file entries have no version and are left out.
 * `develop` is dev. Which packages the Pipfile declares, the lockfile does not say.
 */
export function parsePipfileLock(text: string): LockfileParse {
  const read = readJsonLockfile(text);
  if ('problems' in read) return { packages: [], problems: read.problems };
  const { root } = read;
  const lines = jsonKeyLines(text, (path) => path.length === 2 && path[0] !== '_meta');
  const packages: LockedPackage[] = [];
  for (const [category, entries] of Object.entries(root)) {
    if (category === '_meta') continue;
    for (const [name, value] of Object.entries(asRecord(entries) ?? {})) {
      const version = asRecord(value)?.version;
      const exact = typeof version === 'string' ? /^===?\s*(\S+)$/.exec(version.trim())?.[1] : undefined;
      if (exact === undefined || exact.includes('*')) continue;
      const locked: LockedPackage = { ecosystem: 'PyPI', name, version: exact, line: lines.get(`${category}\u0000${name}`) ?? 1 };
      if (category === 'develop') locked.isDev = true;
      packages.push(locked);
    }
  }
  return { packages, problems: [] };
}
