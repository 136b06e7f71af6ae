import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** Where one record sits in the zip: enough to read and inflate it without the central directory. */
export interface EntryLocation {
  relativeOffsetOfLocalHeader: number;
  compressedSize: number;
  uncompressedSize: number;
  compressionMethod: number;
}

/**
 * An OSV zip's package names -> the entries that mention them (every `"name"` field, as written
 * and PEP 503-normalized). Built while a first run scans the whole export, then kept in the cache
 * directory, so later runs inflate only the records of the packages they lock.
 */
export interface ZipIndex {
  entries: EntryLocation[];
  names: Map<string, number[]>;
  /** Record entries in the zip. */
  scanned: number;
}

/** Bump when the index's meaning or shape changes. */
const INDEX_VERSION = 1;

interface StoredIndex {
  version: number;
  scanned: number;
  entries: Array<[number, number, number, number]>;
  names: Record<string, number[]>;
}

/** The cache file of the zip at `path` as it is now (its size and modification time are part of the name). */
export function indexFileOf(cacheDir: string, path: string): string | undefined {
  try {
    const stats = statSync(path);
    const key = createHash('sha1').update(`${INDEX_VERSION}\0${resolve(path)}\0${stats.size}\0${stats.mtimeMs}`).digest('hex');
    return join(cacheDir, 'osv-index', `${key}.json`);
  } catch {
    return undefined;
  }
}

/** The stored index, or undefined when there is none or it cannot be trusted (then the zip is scanned). */
export function loadZipIndex(file: string): ZipIndex | undefined {
  try {
    const stored = JSON.parse(readFileSync(file, 'utf8')) as StoredIndex;
    if (stored.version !== INDEX_VERSION || !Array.isArray(stored.entries) || typeof stored.names !== 'object' || stored.names === null) return undefined;
    const entries = stored.entries.map(([relativeOffsetOfLocalHeader, compressedSize, uncompressedSize, compressionMethod]) => ({ relativeOffsetOfLocalHeader, compressedSize, uncompressedSize, compressionMethod }));
    const names = new Map(Object.entries(stored.names).filter((pair): pair is [string, number[]] => Array.isArray(pair[1])));
    return { entries, names, scanned: stored.scanned };
  } catch {
    return undefined;
  }
}

/** Writes the index beside its final name and renames it over (readers never see half a file). Failures are ignored: it is only a cache. */
export function saveZipIndex(file: string, index: ZipIndex): void {
  const stored: StoredIndex = {
    version: INDEX_VERSION,
    scanned: index.scanned,
    entries: index.entries.map((entry) => [entry.relativeOffsetOfLocalHeader, entry.compressedSize, entry.uncompressedSize, entry.compressionMethod]),
    names: Object.fromEntries(index.names),
  };
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    writeFileSync(temporary, JSON.stringify(stored), { mode: 0o600 });
    renameSync(temporary, file);
  } catch {
    // A read-only or full cache directory only costs the next run a full scan.
  }
}

/** Adds one entry and the names its record mentions. */
export function addToIndex(index: ZipIndex, location: EntryLocation, names: Iterable<string>): void {
  const position = index.entries.length;
  index.entries.push({ relativeOffsetOfLocalHeader: location.relativeOffsetOfLocalHeader, compressedSize: location.compressedSize, uncompressedSize: location.uncompressedSize, compressionMethod: location.compressionMethod });
  for (const name of new Set(names)) {
    const list = index.names.get(name);
    if (list) list.push(position);
    else index.names.set(name, [position]);
  }
}
