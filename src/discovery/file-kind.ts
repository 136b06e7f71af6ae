import type { FileKind } from '../model/file-kind.js';
import { lockfileFormatOf } from '../model/lockfile-names.js';

const BY_EXTENSION: Record<string, FileKind> = {
  py: 'python',
  pyw: 'python',
  pyi: 'python',
  js: 'javascript',
  mjs: 'javascript',
  cjs: 'javascript',
  jsx: 'javascript',
  ts: 'typescript',
  tsx: 'typescript',
  mts: 'typescript',
  cts: 'typescript',
  sh: 'shell',
  bash: 'shell',
  zsh: 'shell',
  json: 'json',
  jsonc: 'json',
  yml: 'yaml',
  yaml: 'yaml',
  toml: 'toml',
  ini: 'ini',
  cfg: 'ini',
  conf: 'ini',
  service: 'systemd',
  timer: 'systemd',
  socket: 'systemd',
  md: 'markdown',
  markdown: 'markdown',
  html: 'html',
  htm: 'html',
  jinja: 'html',
  jinja2: 'html',
  j2: 'html',
  log: 'log',
  txt: 'text',
  dockerfile: 'dockerfile',
  env: 'dotenv',
};

const BY_NAME: Record<string, FileKind> = {
  'package.json': 'package-json',
  '.replit': 'replit',
  'replit.nix': 'replit-nix',
  Procfile: 'procfile',
  Dockerfile: 'dockerfile',
  Containerfile: 'dockerfile',
  Pipfile: 'toml',
  '.envrc': 'shell',
  'constraints.txt': 'requirements',
};

/** The kind of a file from its name alone. */
export function kindFromName(path: string): FileKind {
  const name = path.slice(path.lastIndexOf('/') + 1);
  // hasOwn: a file named `constructor` or `toString` is not Object.prototype's.
  if (Object.hasOwn(BY_NAME, name)) return BY_NAME[name] as FileKind;
  if (lockfileFormatOf(name) !== undefined) return 'lockfile';
  if (name === '.env' || name.startsWith('.env.')) return 'dotenv';
  if (name.startsWith('Dockerfile.') || name.startsWith('Containerfile.')) return 'dockerfile';
  if (name.startsWith('Procfile.')) return 'procfile';
  if (/^requirements.*\.(txt|in)$/i.test(name) || /\.requirements\.txt$/i.test(name)) return 'requirements';
  if (/\.log\.\d+$/.test(name)) return 'log';
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return 'other';
  const extension = name.slice(dot + 1).toLowerCase();
  return Object.hasOwn(BY_EXTENSION, extension) ? (BY_EXTENSION[extension] as FileKind) : 'other';
}

/** Refines an extension-less file's kind from its shebang line. */
export function kindFromShebang(firstLine: string): FileKind | undefined {
  if (!firstLine.startsWith('#!')) return undefined;
  if (/\bpython[0-9.]*\b/.test(firstLine)) return 'python';
  if (/\b(node|deno|bun|tsx|ts-node)\b/.test(firstLine)) return /\b(tsx|ts-node)\b/.test(firstLine) ? 'typescript' : 'javascript';
  if (/\b(sh|bash|zsh|dash|ksh)\b/.test(firstLine)) return 'shell';
  return undefined;
}

export function extensionOf(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot + 1).toLowerCase();
}
