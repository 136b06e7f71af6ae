import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const MAX_PACKS = 32;
const MAX_TOTAL_BYTES = 512 * 1024 * 1024;

/** What identifies a pack's content: it is only read back when every field is the same. */
export interface PackHeader {
  format: number;
  version: string;
  /** The audited root (real path): one pack per tree. */
  root: string;
  [key: string]: string | number;
}

/**
 * One JSON file of the cache directory for one audited tree (`<prefix><hash of the root>.json`):
 * the entries the last audit wrote (`previous`, empty unless the header matches) and the ones this
 * audit keeps (`next`). Never throws: a corrupt, unreadable or unwritable pack only means a slower
 * audit. Packs hold what env files and manifests say (values included): readable by the user only.
 */
export class CachePack<Entry> {
  readonly previous: Record<string, Entry>;
  readonly next: Record<string, Entry> = Object.create(null) as Record<string, Entry>;
  private readonly file: string;

  constructor(
    private readonly directory: string,
    private readonly prefix: string,
    private readonly header: PackHeader,
  ) {
    this.file = join(directory, `${prefix}${createHash('sha1').update(header.root).digest('hex').slice(0, 16)}.json`);
    this.previous = load<Entry>(this.file, header);
  }

  /** The previous entry under `key` (never one of Object's own properties). */
  recall(key: string): Entry | undefined {
    return Object.hasOwn(this.previous, key) ? this.previous[key] : undefined;
  }

  /** Writes the header and `next` atomically (temporary file + rename), then trims the directory. */
  save(): void {
    try {
      mkdirSync(this.directory, { recursive: true, mode: 0o700 });
      const temporary = `${this.file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
      writeFileSync(temporary, JSON.stringify({ ...this.header, entries: this.next }), { mode: 0o600 });
      renameSync(temporary, this.file);
      trimDirectory(this.directory, this.file, this.prefix);
    } catch {
      // A read-only or full cache directory must not fail the audit.
    }
  }
}

function load<Entry>(file: string, header: PackHeader): Record<string, Entry> {
  try {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    const matches = Object.entries(header).every(([key, value]) => saved[key] === value);
    if (matches && saved.entries && typeof saved.entries === 'object' && !Array.isArray(saved.entries)) return saved.entries as Record<string, Entry>;
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
