import { type FSWatcher, readdirSync, watch } from 'node:fs';
import { join } from 'node:path';
import { isIgnoredDirectoryName } from './snapshot.js';

export interface LiveWatcher {
  /** First time (Date.now()) each path was reported changed. */
  readonly seen: Map<string, number>;
  readonly events: number;
  stop(): void;
}

const MAX_WATCHED_DIRECTORIES = 2000;

/**
 * Watches a tree with one non-recursive fs.watch per directory (new directories are added as
 * they appear), skipping dependency and cache directories and stopping at 2,000 directories.
 * Chosen over `fs.watch({ recursive: true })`, which on Linux watches node_modules and .venv too
 * (thousands of inotify watches for nothing), and over chokidar, a dependency for the same thing.
 * It reports what happens as it happens; the before/after snapshot is what guarantees nothing is
 * missed (events can be coalesced or lost).
 */
export function startLiveWatcher(root: string, onChange?: (path: string, at: number) => void): LiveWatcher {
  const watchers = new Map<string, FSWatcher>();
  const seen = new Map<string, number>();
  let events = 0;
  let stopped = false;

  const addDirectory = (dir: string): void => {
    const stack = [dir];
    while (stack.length > 0 && watchers.size < MAX_WATCHED_DIRECTORIES && !stopped) {
      const current = stack.pop() as string;
      if (watchers.has(current)) continue;
      try {
        const watcher = watch(join(root, current), { persistent: false }, (_event, name) => {
          if (stopped || name === null) return;
          const path = current ? `${current}/${name}` : String(name);
          events += 1;
          const at = Date.now();
          if (!seen.has(path)) {
            seen.set(path, at);
            onChange?.(path, at);
          }
          // A directory that just appeared gets its own watcher.
          if (!isIgnoredDirectoryName(String(name))) addIfDirectory(path);
        });
        watcher.on('error', () => {
          watcher.close();
          watchers.delete(current);
        });
        watchers.set(current, watcher);
        for (const child of readdirSync(join(root, current), { withFileTypes: true })) {
          if (child.isDirectory() && !isIgnoredDirectoryName(child.name)) stack.push(current ? `${current}/${child.name}` : child.name);
        }
      } catch {
        // vanished or unreadable: the snapshot still covers it
      }
    }
  };
  const addIfDirectory = (path: string): void => {
    try {
      readdirSync(join(root, path));
      addDirectory(path);
    } catch {
      // a file, or gone
    }
  };

  addDirectory('');
  return {
    seen,
    get events() {
      return events;
    },
    stop() {
      stopped = true;
      for (const watcher of watchers.values()) watcher.close();
      watchers.clear();
    },
  };
}
