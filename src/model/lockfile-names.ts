/** The lockfiles liveready reads, by file name, with the format that reads each. */
const LOCKFILE_FORMATS = {
  'package-lock.json': 'package-lock',
  'npm-shrinkwrap.json': 'package-lock',
  'yarn.lock': 'yarn',
  'pnpm-lock.yaml': 'pnpm',
  'poetry.lock': 'poetry',
  'uv.lock': 'uv',
  'Pipfile.lock': 'pipfile-lock',
} as const;

export type LockfileFormat = (typeof LOCKFILE_FORMATS)[keyof typeof LOCKFILE_FORMATS];

/** The lockfile format of a path (by its file name), or undefined when it is not a lockfile. */
export function lockfileFormatOf(path: string): LockfileFormat | undefined {
  const name = path.slice(path.lastIndexOf('/') + 1);
  return Object.hasOwn(LOCKFILE_FORMATS, name) ? LOCKFILE_FORMATS[name as keyof typeof LOCKFILE_FORMATS] : undefined;
}
