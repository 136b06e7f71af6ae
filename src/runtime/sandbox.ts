import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { listFiles } from '../discovery/list-files.js';
import { registerDirectory } from './cleanup.js';

export interface Sandbox {
  /** The temporary directory holding everything below. */
  dir: string;
  /** The copy of the project: the app runs here. */
  appDir: string;
  /** HOME for the app and the installer (also the marker that finds stray processes). */
  homeDir: string;
  tmpDir: string;
  /** Small wrappers put on PATH (the chosen python, `uvicorn` -> `python -m uvicorn`...). */
  binDir: string;
  filesCopied: number;
  remove(): void;
}

/**
 * Copies the project into a fresh temporary directory: the files discovery lists (git's tracked
 * and untracked-but-not-ignored files, or a .gitignore-aware walk), so what runs is what a deploy
 * ships, and installed dependencies are not carried over. The original tree is only read.
 */
export function createSandbox(root: string): Sandbox {
  const dir = mkdtempSync(join(tmpdir(), 'liveready-sim-'));
  const homeDir = join(dir, 'home');
  const unregister = registerDirectory(dir, homeDir);
  const sandbox: Sandbox = {
    dir,
    appDir: join(dir, 'app'),
    homeDir,
    tmpDir: join(dir, 'tmp'),
    binDir: join(dir, 'bin'),
    filesCopied: 0,
    remove() {
      rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
      unregister();
    },
  };
  try {
    for (const path of [sandbox.appDir, homeDir, sandbox.tmpDir, sandbox.binDir]) mkdirSync(path, { recursive: true });
    const made = new Set<string>();
    for (const file of listFiles(root).files) {
      const target = join(sandbox.appDir, ...file.path.split('/'));
      const parent = dirname(target);
      if (!made.has(parent)) {
        mkdirSync(parent, { recursive: true });
        made.add(parent);
      }
      try {
        copyFileSync(file.absolutePath, target);
        sandbox.filesCopied += 1;
      } catch {
        // vanished or unreadable since listing: the app will see it missing, as a deploy would
      }
    }
  } catch (error) {
    sandbox.remove();
    throw error;
  }
  return sandbox;
}
