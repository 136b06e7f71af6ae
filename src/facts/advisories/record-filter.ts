import { normalizeDistribution } from '../../parsers/pep508.js';
import type { LockEcosystem } from '../manifest-types.js';
import { type OsvRecord, readOsvRecord } from './osv-record.js';
import { packageKey } from './version-order.js';
import { decodeJsonString } from '../../parsers/json-string.js';

/** The packages a project locks, in the two shapes a database scan asks about. */
export interface WantedPackages {
  /** `packageKey(ecosystem, name)` of every locked package. */
  keys: ReadonlySet<string>;
  /** npm names as is and PyPI names normalized: a cheap test before parsing a record. */
  names: ReadonlySet<string>;
}

export function wantedPackages(packages: Iterable<{ ecosystem: LockEcosystem; name: string }>): WantedPackages {
  const keys = new Set<string>();
  const names = new Set<string>();
  for (const locked of packages) {
    keys.add(packageKey(locked.ecosystem, locked.name));
    names.add(locked.ecosystem === 'PyPI' ? normalizeDistribution(locked.name) : locked.name);
  }
  return { keys, names };
}

const NAME_FIELD = /"name"\s*:\s*"((?:[^"\\]|\\.){1,300})"/g;

/**
 * The record in one database file when it names a wanted package; undefined otherwise (also for
 * text that is not an OSV record). Most of a database names other packages, so the `"name"`
 * fields are looked at before the whole text is parsed.
 */
export function readWantedRecord(text: string, wanted: WantedPackages, names: Iterable<string> = namesIn(text)): OsvRecord | undefined {
  if (!mentionsWanted(names, wanted)) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  const record = readOsvRecord(parsed);
  return record?.affected.some((affected) => wanted.keys.has(packageKey(affected.package.ecosystem, affected.package.name))) ? record : undefined;
}

/** Stops at the first wanted name when `names` is the lazy scan. */
function mentionsWanted(names: Iterable<string>, wanted: WantedPackages): boolean {
  for (const name of names) if (wanted.names.has(name)) return true;
  return false;
}

/** Every `"name"` value of a record's text, as written and PEP 503-normalized: what a database index files it under. */
export function mentionedNames(text: string): string[] {
  return [...namesIn(text)];
}

function* namesIn(text: string): Generator<string> {
  for (const match of text.matchAll(NAME_FIELD)) {
    const name = decodeJsonString(match[1] ?? '');
    yield name;
    const normalized = normalizeDistribution(name);
    if (normalized !== name) yield normalized;
  }
}
