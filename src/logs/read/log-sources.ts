import { lstatSync, readdirSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import type { DiscoveredFile } from '../../model/file-kind.js';

/** A log file to read. */
export interface LogFile {
  absolutePath: string;
  /** Repo-relative (POSIX) when inside the audited tree, else the path as resolved. */
  displayPath: string;
  size: number;
  mtimeMs: number;
}

export interface ResolvedLogSources {
  files: LogFile[];
  /** Given paths that do not exist or cannot be read. */
  missing: Array<{ path: string; reason: string }>;
}

const LOG_NAME = /(?:\.log|\.log\.\d+|\.log(?:\.\d+)?\.gz|^nohup\.out)$/i;
// Package managers' own logs record a failed install on someone's machine, not the app failing.
const TOOL_LOG = /^\.?(?:npm-debug|yarn-error|yarn-debug|pnpm-debug|lerna-debug)\.log/i;
const NOT_A_LOG_EXTENSION = /\.(?:png|jpe?g|gif|webp|ico|pdf|zip|tar|tgz|bz2|xz|zst|7z|so|dylib|dll|exe|bin|sqlite3?|db|pyc|wasm|lock|pid|sock)$/i;
const LOG_DIRECTORIES = ['logs', 'log'];
// Logs inside tests and docs are sample data, not what the deployed app wrote.
const SAMPLE_SEGMENT = /^(?:tests?|__tests__|spec|specs|fixtures?|testdata|test-data|examples?|samples?|docs?)$/i;
const MAX_DEPTH = 6;
const MAX_FILES = 2000;

/**
 * The log files to read. Given paths (CLI `--logs`, config `logs.paths`) are taken as they are:
 * a file is read whatever its name, a directory for the files in it. Without them: `*.log` (and
 * rotated `*.log.1`, `*.log.2.gz`) from the discovery listing, outside tests and docs, plus
 * everything in `logs/` and `log/` at the root, which are often git-ignored and so not listed.
 */
export function resolveLogSources(root: string, listed: readonly DiscoveredFile[], given?: readonly string[]): ResolvedLogSources {
  const found = new Map<string, LogFile>();
  const missing: ResolvedLogSources['missing'] = [];
  const add = (absolutePath: string): void => {
    if (found.size >= MAX_FILES || found.has(absolutePath)) return;
    const info = statFile(absolutePath);
    if (info) found.set(absolutePath, { absolutePath, displayPath: displayPathOf(root, absolutePath), size: info.size, mtimeMs: info.mtimeMs });
  };
  if (given && given.length > 0) {
    for (const path of given) {
      const absolutePath = isAbsolute(path) ? path : join(root, path);
      const kind = kindOf(absolutePath);
      if (kind === 'file') add(absolutePath);
      else if (kind === 'directory') listDirectory(absolutePath).forEach(add);
      else missing.push({ path, reason: kind });
    }
  } else {
    for (const file of listed) if (isDefaultLogPath(file.path)) add(join(root, ...file.path.split('/')));
    for (const directory of LOG_DIRECTORIES) if (kindOf(join(root, directory)) === 'directory') listDirectory(join(root, directory)).forEach(add);
  }
  const files = [...found.values()].sort((a, b) => (a.displayPath < b.displayPath ? -1 : a.displayPath > b.displayPath ? 1 : 0));
  return { files, missing };
}

/** A listed file the default discovery reads as a log. */
export function isDefaultLogPath(path: string): boolean {
  const segments = path.split('/');
  const name = segments[segments.length - 1] ?? '';
  return LOG_NAME.test(name) && !TOOL_LOG.test(name) && !segments.slice(0, -1).some((segment) => SAMPLE_SEGMENT.test(segment));
}

/** Files under a log directory, without following symlinked directories, bounded in depth and count. */
function listDirectory(directory: string): string[] {
  const files: string[] = [];
  const stack: Array<{ path: string; depth: number }> = [{ path: directory, depth: 0 }];
  while (stack.length > 0 && files.length < MAX_FILES) {
    const { path, depth } = stack.pop() as { path: string; depth: number };
    let entries;
    try {
      entries = readdirSync(path, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const child = join(path, entry.name);
      if (entry.isDirectory() && depth < MAX_DEPTH && !entry.name.startsWith('.')) stack.push({ path: child, depth: depth + 1 });
      else if ((entry.isFile() || entry.isSymbolicLink()) && !entry.name.startsWith('.') && !NOT_A_LOG_EXTENSION.test(entry.name)) files.push(child);
    }
  }
  return files;
}

function kindOf(path: string): 'file' | 'directory' | string {
  try {
    const info = lstatSync(path).isSymbolicLink() ? statSync(path) : lstatSync(path);
    if (info.isFile()) return 'file';
    if (info.isDirectory()) return 'directory';
    return 'not a file or directory';
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? 'no such file or directory' : `cannot read (${code ?? 'unknown error'})`;
  }
}

function statFile(path: string): { size: number; mtimeMs: number } | undefined {
  try {
    const info = statSync(path);
    return info.isFile() ? { size: info.size, mtimeMs: info.mtimeMs } : undefined;
  } catch {
    return undefined;
  }
}

function displayPathOf(root: string, absolutePath: string): string {
  const inside = relative(root, absolutePath);
  if (inside !== '' && !inside.startsWith('..') && !isAbsolute(inside)) return inside.split(sep).join('/');
  return absolutePath;
}
