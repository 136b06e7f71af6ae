import { spawnSync } from 'node:child_process';
import { lstatSync, readFileSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import type { SkippedFile } from '../model/skipped-file.js';
import { DEFAULT_IGNORED_DIRECTORIES, isUnderDefaultIgnoredDirectory } from './default-ignores.js';

export interface ListedFile {
  /** Repo-relative POSIX path. */
  path: string;
  absolutePath: string;
  size: number;
  tracked?: boolean;
  /** Modification time and inode: with the size, what the facts cache trusts without reading the file. */
  mtimeMs?: number;
  ino?: number;
}

export interface FileListing {
  files: ListedFile[];
  skipped: SkippedFile[];
  /** 'git' when git listed the files (tracked + untracked-not-ignored), 'walk' otherwise. */
  source: 'git' | 'walk';
}

export interface ListOptions {
  /** Extra paths to leave out (already compiled from config globs). */
  isIgnoredPath?: (path: string) => boolean;
}

/**
 * Lists the files of a tree. Inside a git work tree git answers (fast, and it lists what is
 * committed, which is what gets deployed); elsewhere a walk that honours `.gitignore` files.
 * Symlinks are never followed into directories, so loops cannot hang the walk.
 */
export function listFiles(root: string, options: ListOptions = {}): FileListing {
  const isIgnoredPath = options.isIgnoredPath ?? (() => false);
  const rootReal = realpathSync(root);
  const skipped: SkippedFile[] = [];
  const fromGit = listWithGit(root);
  const entries = fromGit && fromGit.length > 0 ? fromGit : walk(root, isIgnoredPath);
  const files: ListedFile[] = [];
  for (const entry of entries) {
    if (isUnderDefaultIgnoredDirectory(entry.path) || isIgnoredPath(entry.path)) continue;
    const absolutePath = join(root, ...entry.path.split('/'));
    const file = statListed(absolutePath, rootReal, entry.path, skipped);
    if (file) files.push({ path: entry.path, absolutePath, size: file.size, tracked: entry.tracked, mtimeMs: file.mtimeMs, ino: file.ino });
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, skipped, source: fromGit && fromGit.length > 0 ? 'git' : 'walk' };
}

interface Entry {
  path: string;
  tracked?: boolean;
}

function listWithGit(root: string): Entry[] | undefined {
  const env: NodeJS.ProcessEnv = { ...process.env, GIT_OPTIONAL_LOCKS: '0' };
  for (const name of ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE']) delete env[name];
  // core.fsmonitor could name a program from a hostile repository's config: never run it.
  const result = spawnSync(
    'git',
    ['-c', 'core.fsmonitor=false', '-c', 'core.quotepath=off', 'ls-files', '-z', '-t', '--cached', '--others', '--exclude-standard'],
    { cwd: root, env, encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024, timeout: 60_000, stdio: ['ignore', 'pipe', 'ignore'] },
  );
  if (result.error || result.status !== 0 || typeof result.stdout !== 'string') return undefined;
  const seen = new Map<string, Entry>();
  for (const record of result.stdout.split('\0')) {
    if (record.length < 3) continue;
    const tag = record.charAt(0);
    const path = record.slice(2);
    const tracked = tag !== '?';
    const previous = seen.get(path);
    if (!previous || tracked) seen.set(path, { path, tracked });
  }
  return [...seen.values()];
}

function walk(root: string, isIgnoredPath: (path: string) => boolean): Entry[] {
  const entries: Entry[] = [];
  const stack: Array<{ dir: string; ignores: Array<{ base: string; rules: Ignore }> }> = [{ dir: '', ignores: [] }];
  while (stack.length > 0) {
    const { dir, ignores } = stack.pop() as (typeof stack)[number];
    const absoluteDir = join(root, ...dir.split('/').filter(Boolean));
    let children;
    try {
      children = readdirSync(absoluteDir, { withFileTypes: true });
    } catch {
      continue;
    }
    const ownRules = readGitignore(absoluteDir);
    const activeIgnores = ownRules ? [...ignores, { base: dir, rules: ownRules }] : ignores;
    for (const child of children) {
      const path = dir ? `${dir}/${child.name}` : child.name;
      const isDirectory = child.isDirectory();
      if (isGitignored(activeIgnores, path, isDirectory)) continue;
      if (isDirectory) {
        if (DEFAULT_IGNORED_DIRECTORIES.has(child.name) || child.name.endsWith('.egg-info')) continue;
        if (isIgnoredPath(path) || isVirtualenv(join(absoluteDir, child.name))) continue;
        stack.push({ dir: path, ignores: activeIgnores });
      } else {
        entries.push({ path });
      }
    }
  }
  return entries;
}

function readGitignore(absoluteDir: string): Ignore | undefined {
  try {
    return ignore().add(readFileSync(join(absoluteDir, '.gitignore'), 'utf8'));
  } catch {
    return undefined;
  }
}

function isGitignored(ignores: Array<{ base: string; rules: Ignore }>, path: string, isDirectory: boolean): boolean {
  for (const { base, rules } of ignores) {
    const relativePath = base ? path.slice(base.length + 1) : path;
    if (rules.ignores(isDirectory ? `${relativePath}/` : relativePath)) return true;
  }
  return false;
}

function isVirtualenv(absoluteDir: string): boolean {
  try {
    return statSync(join(absoluteDir, 'pyvenv.cfg')).isFile();
  } catch {
    return false;
  }
}

/** Stats a listed path; symlinks are resolved only to files inside the root. */
function statListed(absolutePath: string, rootReal: string, path: string, skipped: SkippedFile[]): { size: number; mtimeMs: number; ino: number } | undefined {
  let info;
  try {
    info = lstatSync(absolutePath);
  } catch {
    return undefined; // listed by git but deleted in the work tree
  }
  if (info.isFile()) return { size: info.size, mtimeMs: info.mtimeMs, ino: info.ino };
  if (!info.isSymbolicLink()) return undefined; // directories (submodules), sockets, fifos
  try {
    const target = statSync(absolutePath);
    if (target.isDirectory()) {
      skipped.push({ file: path, code: 'symlink-to-directory', reason: 'symlink to a directory: not followed' });
      return undefined;
    }
    const real = realpathSync(absolutePath);
    if (real !== rootReal && !real.startsWith(rootReal + sep)) {
      skipped.push({
        file: path,
        code: 'symlink-outside-root',
        reason: `symlink to ${relative(rootReal, real).split(sep).join('/')} outside the audited tree: not followed`,
      });
      return undefined;
    }
    return target.isFile() ? { size: target.size, mtimeMs: target.mtimeMs, ino: target.ino } : undefined;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') skipped.push({ file: path, code: 'symlink-loop', reason: 'symlink loop: the link resolves to itself' });
    else skipped.push({ file: path, code: 'unreadable', reason: `broken symlink (${code ?? 'unknown error'})` });
    return undefined;
  }
}
