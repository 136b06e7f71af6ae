import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FileFacts } from '../facts/types.js';
import type { SkippedFile } from '../model/skipped-file.js';

/** What the cache remembers about one file: its stat, its content hash, and its facts (or why it was skipped). */
interface Entry {
  /** size, mtimeMs (-1: too recent to trust), inode */
  s: number;
  m: number;
  i: number;
  /** sha1 of the bytes ('' for a skipped file). */
  h: string;
  f?: FileFacts;
  x?: SkippedFile;
}

interface Pack {
  format: number;
  version: string;
  root: string;
  entries: Record<string, Entry>;
}

export interface StatKey {
  path: string;
  size: number;
  mtimeMs?: number;
  ino?: number;
}

const FORMAT = 1;
/**
 * A file modified this close to when it was read could change again within the same timestamp tick:
 * re-read it next time. File systems with whole-second timestamps get a wider window.
 */
const RACY_MS = 50;
const RACY_COARSE_MS = 2000;
const MAX_PACKS = 32;
const MAX_TOTAL_BYTES = 512 * 1024 * 1024;

/**
 * Per-file facts of one audited tree, kept outside the tree (the user's cache directory) and keyed
 * by content hash and extractor version. A file whose size, mtime and inode are unchanged is not
 * even read. Never throws: a corrupt, unreadable or unwritable cache only means a slower audit.
 */
export class FactsCache {
  hits = 0;
  misses = 0;
  private readonly previous: Record<string, Entry>;
  private readonly next: Record<string, Entry> = Object.create(null) as Record<string, Entry>;
  private changed = false;
  private readonly file: string;

  constructor(
    private readonly directory: string,
    private readonly root: string,
    private readonly version: string,
  ) {
    this.file = join(directory, `facts-${createHash('sha1').update(root).digest('hex').slice(0, 16)}.json`);
    this.previous = loadPack(this.file, version, root);
  }

  /** Facts (or the skip reason) of a file whose stat says it has not changed since the last audit. */
  byStat(key: StatKey): { facts?: FileFacts; skipped?: SkippedFile } | undefined {
    const entry = this.previous[key.path];
    if (!entry || entry.m < 0 || key.mtimeMs === undefined || entry.s !== key.size || entry.m !== key.mtimeMs || entry.i !== key.ino) return undefined;
    this.next[key.path] = entry;
    this.hits += 1;
    return entry.x ? { skipped: entry.x } : entry.f ? { facts: entry.f } : undefined;
  }

  /** The content hash the cache knows for a path (with facts), so a worker can skip extracting an unchanged file. */
  knownHash(path: string): string | undefined {
    const entry = this.previous[path];
    return entry?.f ? entry.h : undefined;
  }

  /** Facts of a file that was read: reused when its content hash is the one the cache knows. */
  byHash(key: StatKey, hash: string): FileFacts | undefined {
    const entry = this.previous[key.path];
    if (!entry?.f || entry.h !== hash) return undefined;
    this.store(key, hash, { facts: entry.f });
    this.hits += 1;
    return entry.f;
  }

  store(key: StatKey, hash: string, outcome: { facts?: FileFacts; skipped?: SkippedFile }): void {
    const window = key.mtimeMs !== undefined && key.mtimeMs % 1000 === 0 ? RACY_COARSE_MS : RACY_MS;
    const recent = key.mtimeMs === undefined || key.mtimeMs > Date.now() - window;
    const entry: Entry = { s: key.size, m: recent ? -1 : (key.mtimeMs as number), i: key.ino ?? 0, h: hash };
    if (outcome.facts) entry.f = outcome.facts;
    if (outcome.skipped) entry.x = outcome.skipped;
    this.next[key.path] = entry;
    this.changed = true;
  }

  miss(): void {
    this.misses += 1;
  }

  /** Writes the pack (only the files of this audit) atomically, then trims the cache directory. */
  save(): void {
    if (!this.changed && Object.keys(this.next).length === Object.keys(this.previous).length) return;
    const pack: Pack = { format: FORMAT, version: this.version, root: this.root, entries: this.next };
    savePrivately(this.directory, this.file, 'facts-', JSON.stringify(pack));
  }
}

/**
 * Writes one file of the cache directory atomically, readable by the user only (facts and results
 * hold what env files and manifests say, values included), then trims the files that share its
 * prefix. Never throws: a read-only or full cache directory must not fail the audit.
 */
export function savePrivately(directory: string, file: string, prefix: string, text: string): void {
  try {
    mkdirSync(directory, { recursive: true, mode: 0o700 });
    const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    writeFileSync(temporary, text, { mode: 0o600 });
    renameSync(temporary, file);
    trimDirectory(directory, file, prefix);
  } catch {
    // Only a slower next audit.
  }
}

function loadPack(file: string, version: string, root: string): Record<string, Entry> {
  try {
    const pack = JSON.parse(readFileSync(file, 'utf8')) as Partial<Pack>;
    if (pack.format === FORMAT && pack.version === version && pack.root === root && pack.entries && typeof pack.entries === 'object') return pack.entries;
  } catch {
    // Missing or corrupt: start empty (the next save replaces it).
  }
  return Object.create(null) as Record<string, Entry>;
}

/** Keeps at most MAX_PACKS files with `prefix` and MAX_TOTAL_BYTES, dropping the least recently written; removes stale temporaries. */
function trimDirectory(directory: string, keep: string, prefix: string): void {
  const packs = readdirSync(directory)
    .filter((name) => name.startsWith(prefix))
    .map((name) => {
      const path = join(directory, name);
      const info = statSync(path);
      return { path, size: info.size, mtimeMs: info.mtimeMs, isTemporary: name.endsWith('.tmp') };
    })
    .sort((a, b) => b.mtimeMs - a.mtimeMs);
  let total = 0;
  let kept = 0;
  for (const pack of packs) {
    const isStaleTemporary = pack.isTemporary && Date.now() - pack.mtimeMs > 60_000;
    total += pack.size;
    if (!pack.isTemporary) kept += 1;
    if (pack.path !== keep && (isStaleTemporary || (!pack.isTemporary && (kept > MAX_PACKS || total > MAX_TOTAL_BYTES)))) {
      try {
        unlinkSync(pack.path);
      } catch {
        rmSync(pack.path, { force: true });
      }
    }
  }
}
