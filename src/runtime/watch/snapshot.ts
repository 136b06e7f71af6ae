import { createHash } from 'node:crypto';
import { type Dirent, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_IGNORED_DIRECTORIES } from '../../discovery/default-ignores.js';

export interface SnapshotEntry {
  size: number;
  hash: string;
  /** Content of small text files, kept so a change can be summarised as a diff. */
  text?: string;
}

export interface Snapshot {
  files: Map<string, SnapshotEntry>;
  /** Set when the walk stopped at the file limit. */
  truncated?: string;
}

export interface SnapshotLimits {
  maxFiles: number;
  /** Files up to this size keep their text (when it is text). */
  keepTextBytes: number;
  /** Total text kept. */
  maxKeptBytes: number;
  /** Larger files are compared by size only (no hash). */
  maxHashBytes: number;
}

const DEFAULT_LIMITS: SnapshotLimits = { maxFiles: 50_000, keepTextBytes: 64 * 1024, maxKeptBytes: 8 * 1024 * 1024, maxHashBytes: 16 * 1024 * 1024 };

/** Directories whose churn is not the app's state: dependencies, virtualenvs, bytecode, VCS. */
export function isIgnoredDirectoryName(name: string): boolean {
  return DEFAULT_IGNORED_DIRECTORIES.has(name) || name.endsWith('.egg-info');
}

/**
 * Hashes every file under `root` (iteratively, symlinks not followed, dependency and cache
 * directories skipped): the before/after comparison that catches what a live watcher can miss.
 */
export function takeSnapshot(root: string, limits: SnapshotLimits = DEFAULT_LIMITS): Snapshot {
  const files = new Map<string, SnapshotEntry>();
  let kept = 0;
  const stack = [''];
  while (stack.length > 0) {
    const dir = stack.pop() as string;
    let children: Dirent[];
    try {
      children = readdirSync(join(root, dir), { withFileTypes: true });
    } catch {
      continue;
    }
    for (const child of children) {
      const path = dir ? `${dir}/${child.name}` : child.name;
      if (child.isDirectory()) {
        if (!isIgnoredDirectoryName(child.name)) stack.push(path);
        continue;
      }
      if (!child.isFile()) continue;
      if (files.size >= limits.maxFiles) return { files, truncated: `stopped at ${limits.maxFiles} files` };
      const entry = readEntry(join(root, path), limits, kept);
      if (!entry) continue;
      kept += entry.text?.length ?? 0;
      files.set(path, entry);
    }
  }
  return { files };
}

function readEntry(absolutePath: string, limits: SnapshotLimits, kept: number): SnapshotEntry | undefined {
  try {
    const size = statSync(absolutePath).size;
    if (size > limits.maxHashBytes) return { size, hash: `size:${size}` };
    const bytes = readFileSync(absolutePath);
    const entry: SnapshotEntry = { size, hash: createHash('sha1').update(bytes).digest('hex') };
    if (size <= limits.keepTextBytes && kept + size <= limits.maxKeptBytes && !bytes.includes(0)) entry.text = bytes.toString('utf8');
    return entry;
  } catch {
    return undefined;
  }
}
