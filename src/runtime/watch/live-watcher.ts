import { type FSWatcher, readdirSync, statSync, watch } from 'node:fs';
import { join } from 'node:path';
import { isIgnoredDirectoryName } from './snapshot.js';

const MAX_WATCHED_DIRECTORIES = 2000;

/**
 * Watches a tree with one non-recursive fs.watch per directory (new directories are added as
 * they appear), skipping dependency and cache directories and stopping at 2,000 directories.
 * Chosen over `fs.watch({ recursive: true })`, which on Linux watches node_modules and .venv too
 * (thousands of inotify watches for nothing), and over chokidar, a dependency for the same thing.
 * It reports what happens as it happens; the before/after snapshot is what guarantees nothing is
 * missed (events can be coalesced or lost).
 */
export class LiveWatcher {
  /** First time (Date.now()) each path was reported changed. */
  readonly seen = new Map<string, number>();
  events = 0;
  private readonly watchers = new Map<string, FSWatcher>();
  private stopped = false;

  constructor(
    private readonly root: string,
    private readonly onChange?: (path: string, at: number) => void,
  ) {
    this.addDirectory('');
  }

  stop(): void {
    this.stopped = true;
    for (const watcher of this.watchers.values()) watcher.close();
    this.watchers.clear();
  }

  /** Watches `dir` and every directory below it (iteratively). */
  private addDirectory(dir: string): void {
    const stack = [dir];
    while (stack.length > 0 && this.watchers.size < MAX_WATCHED_DIRECTORIES && !this.stopped) {
      const current = stack.pop() as string;
      if (this.watchers.has(current)) continue;
      try {
        const watcher = watch(join(this.root, current), { persistent: false }, (_event, name) => this.onEvent(current, name));
        watcher.on('error', () => {
          watcher.close();
          this.watchers.delete(current);
        });
        this.watchers.set(current, watcher);
        for (const child of readdirSync(join(this.root, current), { withFileTypes: true })) {
          if (child.isDirectory() && !isIgnoredDirectoryName(child.name)) stack.push(current ? `${current}/${child.name}` : child.name);
        }
      } catch {
        // vanished or unreadable: the snapshot still covers it
      }
    }
  }

  private onEvent(dir: string, name: string | Buffer | null): void {
    if (this.stopped || name === null) return;
    const path = dir ? `${dir}/${String(name)}` : String(name);
    this.events += 1;
    const at = Date.now();
    if (!this.seen.has(path)) {
      this.seen.set(path, at);
      this.onChange?.(path, at);
    }
    // A directory that just appeared gets its own watcher.
    if (!isIgnoredDirectoryName(String(name)) && isDirectory(join(this.root, path))) this.addDirectory(path);
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
