import type { FileFacts } from '../facts/types.js';
import type { SkippedFile } from '../model/skipped-file.js';
import { CachePack } from './cache-pack.js';

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

/**
 * Per-file facts of one audited tree, kept outside the tree (the user's cache directory) and keyed
 * by content hash and extractor version. A file whose size, mtime and inode are unchanged is not
 * even read. Never throws: a corrupt, unreadable or unwritable cache only means a slower audit.
 */
export class FactsCache {
  hits = 0;
  misses = 0;
  private readonly pack: CachePack<Entry>;
  private changed = false;

  constructor(directory: string, root: string, version: string) {
    this.pack = new CachePack<Entry>(directory, 'facts-', { format: FORMAT, version, root });
  }

  /** Facts (or the skip reason) of a file whose stat says it has not changed since the last audit. */
  byStat(key: StatKey): { facts?: FileFacts; skipped?: SkippedFile } | undefined {
    const entry = this.pack.recall(key.path);
    if (!entry || entry.m < 0 || key.mtimeMs === undefined || entry.s !== key.size || entry.m !== key.mtimeMs || entry.i !== key.ino) return undefined;
    this.pack.next[key.path] = entry;
    this.hits += 1;
    return entry.x ? { skipped: entry.x } : entry.f ? { facts: entry.f } : undefined;
  }

  /** The content hash the cache knows for a path (with facts), so a worker can skip extracting an unchanged file. */
  knownHash(path: string): string | undefined {
    const entry = this.pack.recall(path);
    return entry?.f ? entry.h : undefined;
  }

  /** Facts of a file that was read: reused when its content hash is the one the cache knows. */
  byHash(key: StatKey, hash: string): FileFacts | undefined {
    const entry = this.pack.recall(key.path);
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
    this.pack.next[key.path] = entry;
    this.changed = true;
  }

  miss(): void {
    this.misses += 1;
  }

  /** Writes the pack (only the files of this audit) atomically, then trims the cache directory. */
  save(): void {
    if (!this.changed && Object.keys(this.pack.next).length === Object.keys(this.pack.previous).length) return;
    this.pack.save();
  }
}
