import { dirOf } from './deployment-declarations.js';
import type { LockedPackage } from './manifest-types.js';
import type { Project } from './project.js';

/** One exact version the project installs, with the file that pins it. */
export interface LockedPackageEntry {
  file: string;
  package: LockedPackage;
}

/** `==1.2.3` (spaces allowed, a local `+cpu` label too): one exact version, no wildcard, no second clause. */
const NPM_FORMATS: ReadonlySet<string> = new Set(['package-lock', 'yarn', 'pnpm']);

const EXACT_PIN = /^==\s*(\d+(?:\.\d+)*(?:(?:a|b|rc|\.post|\.dev)\d+)*(?:\+[A-Za-z0-9.]+)?)$/i;

/**
 * Every exact package version the project installs: each lockfile's packages, plus the `==` pins of
 * requirements files. A directory with a Python lockfile (poetry.lock, uv.lock, Pipfile.lock) takes
 * its Python versions from the lockfile only: its requirements ranges and pins are not what gets
 * installed there. In path order, then line order. Memoized per project.
 */
export function lockedPackagesOf(project: Project): LockedPackageEntry[] {
  return project.derive('locked-packages', () => {
    const entries: LockedPackageEntry[] = [];
    /** Directories with a Python lockfile: their requirements files are not what gets installed. */
    const pythonLocked = new Set<string>();
    for (const { file, manifest } of project.manifests('lockfile')) {
      for (const locked of manifest.packages) entries.push({ file: file.path, package: locked });
      if (!NPM_FORMATS.has(manifest.format)) pythonLocked.add(dirOf(file.path));
    }
    for (const { file, manifest } of project.manifests('python-dependencies')) {
      if (manifest.format !== 'requirements' || pythonLocked.has(dirOf(file.path))) continue;
      for (const dependency of manifest.dependencies) {
        const pin = dependency.source === undefined ? EXACT_PIN.exec(dependency.spec.trim()) : null;
        if (pin) entries.push({ file: file.path, package: { ecosystem: 'PyPI', name: dependency.name, version: pin[1] as string, line: dependency.line } });
      }
    }
    return entries.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.package.line - b.package.line));
  });
}
