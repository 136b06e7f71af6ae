/**
 * What a file is, decided by its name first and its content (shebang) second.
 * Source kinds get code facts; manifest kinds get parsed into the project model.
 */
export const FILE_KINDS = [
  'python',
  'javascript',
  'typescript',
  'shell',
  'dotenv',
  'package-json',
  'json',
  'yaml',
  'toml',
  'ini',
  'replit',
  'replit-nix',
  'procfile',
  'dockerfile',
  'requirements',
  // schema stage: package-lock.json, yarn.lock, pnpm-lock.yaml, poetry.lock, uv.lock, Pipfile.lock (model/lockfile-names.ts)
  'lockfile',
  'systemd',
  'markdown',
  'html',
  'log',
  'text',
  'other',
] as const;
export type FileKind = (typeof FILE_KINDS)[number];

export type SourceLanguage = 'python' | 'javascript' | 'typescript' | 'shell';

export function sourceLanguageOf(kind: FileKind): SourceLanguage | undefined {
  return kind === 'python' || kind === 'javascript' || kind === 'typescript' || kind === 'shell' ? kind : undefined;
}

/** A file the walk found and will read. */
export interface DiscoveredFile {
  /** Repo-relative POSIX path. */
  path: string;
  size: number;
  kind: FileKind;
  /** true/false in a git work tree; undefined when the tree is not under git. */
  tracked?: boolean;
}
