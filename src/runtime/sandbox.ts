import { spawnSync } from 'node:child_process';
import { type Dirent, copyFileSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
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
    sandbox.filesCopied = copyProject(root, sandbox.appDir);
  } catch (error) {
    sandbox.remove();
    throw error;
  }
  return sandbox;
}

/** Copies what a deploy ships into `appDir`; returns how many files were copied. */
function copyProject(root: string, appDir: string): number {
  const made = new Set<string>();
  let copied = 0;
  const copy = (path: string): void => {
    const target = join(appDir, ...path.split('/'));
    const parent = dirname(target);
    if (!made.has(parent)) {
      mkdirSync(parent, { recursive: true });
      made.add(parent);
    }
    try {
      copyFileSync(join(root, ...path.split('/')), target);
      copied += 1;
    } catch {
      // vanished or unreadable since listing: the app will see it missing, as a deploy would
    }
  };
  const listing = listFiles(root);
  for (const file of listing.files) copy(file.path);
  for (const path of committedBuildOutput(root, listing.source === 'git')) copy(path);
  return copied;
}

/** Build output directories discovery leaves out of the audit but a deploy ships when they are committed. */
const BUILD_OUTPUT = ['dist', 'build', 'out', '.next', '.nuxt', '.svelte-kit'];
const MAX_BUILD_FILES = 20_000;

/**
 * Files under top-level build output directories that a deploy would ship: committed ones in a git
 * repository, all of them elsewhere. The audit skips them (not the project's own code), but an app
 * whose start command runs `node dist/server.js` needs them.
 */
function committedBuildOutput(root: string, isGit: boolean): string[] {
  const present = BUILD_OUTPUT.filter((dir) => isDirectory(join(root, dir)));
  if (present.length === 0) return [];
  if (isGit) {
    const result = spawnSync('git', ['-c', 'core.fsmonitor=false', 'ls-files', '-z', '--cached', '--', ...present], { cwd: root, encoding: 'utf8', timeout: 60_000, maxBuffer: 256 * 1024 * 1024, env: { ...process.env, GIT_OPTIONAL_LOCKS: '0' }, stdio: ['ignore', 'pipe', 'ignore'] });
    return result.status === 0 ? result.stdout.split('\0').filter(Boolean).slice(0, MAX_BUILD_FILES) : [];
  }
  const files: string[] = [];
  const stack = [...present];
  while (stack.length > 0 && files.length < MAX_BUILD_FILES) {
    const dir = stack.pop() as string;
    for (const entry of safeReaddir(join(root, dir))) {
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory()) stack.push(path);
      else if (entry.isFile()) files.push(path);
    }
  }
  return files;
}

function isDirectory(path: string): boolean {
  try {
    return lstatSync(path).isDirectory();
  } catch {
    return false;
  }
}

function safeReaddir(path: string): Dirent[] {
  try {
    return readdirSync(path, { withFileTypes: true });
  } catch {
    return [];
  }
}
