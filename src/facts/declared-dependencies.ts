import { normalizeDistribution } from '../parsers/pep508.js';
import type { DeclaredDependency } from './manifest-types.js';
import type { Project } from './project.js';

export interface PythonDeclarations {
  /** PEP 503 normalized names of every Python dependency declared anywhere in the project. */
  names: Set<string>;
  /** Names of the distributions this project builds itself (`[project] name`, `setup(name=...)`). */
  ownNames: Set<string>;
  /** Some manifest declares Python dependencies (requirements, pyproject, setup.py/cfg, Pipfile). */
  hasManifest: boolean;
  /** Some manifest computes its list at build time: an undeclared import may be declared there. */
  isDynamic: boolean;
}

/** Every Python dependency declaration of the project, pooled (a deploy installs from one of them). */
export function pythonDeclarations(project: Project): PythonDeclarations {
  return project.derive('python-declarations', () => {
    const result: PythonDeclarations = { names: new Set(), ownNames: new Set(), hasManifest: false, isDynamic: false };
    for (const { manifest } of project.manifests('python-dependencies')) {
      if (manifest.format === 'runtime') continue;
      result.hasManifest = true;
      if (manifest.isDynamic) result.isDynamic = true;
      if (manifest.name) result.ownNames.add(normalizeDistribution(manifest.name));
      for (const dependency of manifest.dependencies) if (dependency.group !== 'build') result.names.add(normalizeDistribution(dependency.name));
    }
    return result;
  });
}

export interface PackageScope {
  /** package.json files from the file's directory up to the root, nearest first. */
  manifests: string[];
  /** Every dependency they declare (all groups), and their own names. */
  names: Set<string>;
}

/** What Node can resolve from a file: the dependencies of every package.json above it (node_modules lookup walks up). */
export function packageScope(project: Project, file: string): PackageScope | undefined {
  const directory = file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : '';
  return project.derive(`package-scope:${directory}`, () => {
    const scope: PackageScope = { manifests: [], names: new Set() };
    for (let current: string | undefined = directory; current !== undefined; current = current === '' ? undefined : current.includes('/') ? current.slice(0, current.lastIndexOf('/')) : '') {
      const path = current ? `${current}/package.json` : 'package.json';
      const manifest = project.facts(path)?.manifest;
      if (manifest?.type !== 'package-json') continue;
      scope.manifests.push(path);
      if (manifest.name) scope.names.add(manifest.name);
      for (const dependency of manifest.dependencies ?? []) scope.names.add(dependency.name);
    }
    return scope.manifests.length > 0 ? scope : undefined;
  });
}

/** Every dependency declared in package.json files, with the manifest that declares it. */
export function packageDependencies(project: Project): Array<{ file: string; dependency: DeclaredDependency }> {
  return project.manifests('package-json').flatMap(({ file, manifest }) => (manifest.dependencies ?? []).map((dependency) => ({ file: file.path, dependency })));
}
