/**
 * Directories never audited: version control, installed dependencies, virtualenvs, build output,
 * caches and platform state. What is inside them is not the project's own code.
 */
export const DEFAULT_IGNORED_DIRECTORIES: ReadonlySet<string> = new Set([
  '.git',
  '.hg',
  '.svn',
  'node_modules',
  'bower_components',
  'jspm_packages',
  '.venv',
  'venv',
  'virtualenv',
  '.virtualenv',
  '.tox',
  '.nox',
  '__pycache__',
  '.mypy_cache',
  '.pytest_cache',
  '.ruff_cache',
  '.hypothesis',
  'site-packages',
  '.eggs',
  'dist',
  'build',
  '.next',
  '.nuxt',
  '.svelte-kit',
  '.turbo',
  '.parcel-cache',
  '.vercel',
  '.serverless',
  'coverage',
  '.nyc_output',
  '.cache',
  '.pythonlibs',
  '.upm',
  '.idea',
  '.vscode',
  '.terraform',
]);

/** Files whose extension says they are binary: skipped without being read. */
export const BINARY_EXTENSIONS: ReadonlySet<string> = new Set([
  'png', 'jpg', 'jpeg', 'gif', 'webp', 'ico', 'bmp', 'tiff', 'psd', 'avif', 'heic',
  'mp3', 'mp4', 'wav', 'ogg', 'webm', 'mov', 'avi', 'flac', 'm4a',
  'woff', 'woff2', 'ttf', 'otf', 'eot',
  'zip', 'gz', 'tgz', 'bz2', 'xz', 'zst', '7z', 'rar', 'tar', 'jar', 'war', 'whl', 'egg',
  'pdf', 'doc', 'docx', 'xls', 'xlsx', 'ppt', 'pptx',
  'so', 'dylib', 'dll', 'exe', 'bin', 'o', 'a', 'node', 'wasm', 'class', 'pyc', 'pyo', 'pyd',
  'sqlite', 'sqlite3', 'db', 'parquet', 'pkl', 'pickle', 'npy', 'npz', 'h5', 'onnx', 'pt', 'ckpt',
]);

/** True when a path lies under a default-ignored directory (or a `*.egg-info` one). */
export function isUnderDefaultIgnoredDirectory(path: string): boolean {
  const segments = path.split('/');
  for (let index = 0; index < segments.length - 1; index += 1) {
    const segment = segments[index] as string;
    if (DEFAULT_IGNORED_DIRECTORIES.has(segment) || segment.endsWith('.egg-info')) return true;
  }
  return false;
}
