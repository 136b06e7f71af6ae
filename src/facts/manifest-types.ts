import type { DotenvEntry } from '../parsers/dotenv.js';
import type { DeploymentManifestFacts, RoutedPort } from './deployment-manifest-types.js';
import type { Positioned } from '../parsers/positioned.js';
import type { ProcfileEntry } from '../parsers/procfile.js';

/** A command declared in a manifest, with where it is written. */
export interface DeclaredCommand {
  command: string;
  line: number;
  column: number;
}

export interface PackageJsonFacts {
  type: 'package-json';
  name?: string;
  scripts: Record<string, DeclaredCommand>;
  main?: Positioned<string>;
  // --- config stage (issue 3) ---
  /** `engines` (node, npm...), each with where it is written. */
  engines?: Record<string, Positioned<string>>;
}

export interface ProcfileFacts {
  type: 'procfile';
  entries: ProcfileEntry[];
}

export interface ReplitFacts {
  type: 'replit';
  /** `[env]` entries. */
  env: Array<{ name: string; value: string; line: number }>;
  run?: DeclaredCommand;
  entrypoint?: Positioned<string>;
  deploymentRun?: DeclaredCommand;
  deploymentBuild?: DeclaredCommand;
  // --- config stage (issue 3) ---
  /** `[[ports]]` localPort entries: the ports the deployment routes to. */
  ports?: RoutedPort[];
  /** `[deployment] deploymentTarget` (autoscale, vm, static, scheduled...). */
  deploymentTarget?: Positioned<string>;
  /** `modules = ["nodejs-20", "python-3.11"]`. */
  modules?: Array<Positioned<string>>;
  /** `[nix] channel`. */
  nixChannel?: Positioned<string>;
}

export interface DotenvFacts {
  type: 'dotenv';
  entries: DotenvEntry[];
}

export type ManifestFacts =
  | PackageJsonFacts
  | ProcfileFacts
  | ReplitFacts
  | DotenvFacts
  // --- config stage (issue 3): Dockerfile, compose, PaaS manifests, supervisord, systemd, replit.nix ---
  | DeploymentManifestFacts
  // --- scan stage: dependency declarations and tsconfig ---
  | PythonDependencyFacts
  | TsconfigFacts
  // --- schema stage: lockfiles (the exact versions that get installed) ---
  | LockfileFacts;

// ---- scan-core: dependency declarations (package.json, requirements, pyproject, setup.py/cfg, Pipfile) and tsconfig ----

/** One declared dependency, as written in its manifest. */
export interface DeclaredDependency {
  /** As written: `Flask`, `python-dotenv`, `@types/node`. */
  name: string;
  /** Version spec or source as written (`>=2.0`, `^4.18.0`, `git+https://...`), '' when none. */
  spec: string;
  line: number;
  /** main, dev, peer, optional, build, `extra:<name>` (Python extras), `group:<name>` (Poetry/PEP 735 groups). */
  group: string;
  /** Installed from somewhere other than the package index. */
  source?: 'url' | 'path' | 'vcs' | 'editable';
  /** PEP 508 environment marker as written (`python_version < "3.8"`). */
  marker?: string;
}

export interface PackageJsonFacts {
  /** dependencies (main), devDependencies (dev), peerDependencies (peer), optionalDependencies (optional). */
  dependencies?: DeclaredDependency[];
  /** `workspaces` globs (the array form or `workspaces.packages`). */
  workspaces?: string[];
  /** `exports` flattened to subpath -> file (`.` -> `./dist/index.js`), the first target of each condition list. */
  exports?: Record<string, string>;
  /** `module`, `types` entry files. */
  module?: string;
  types?: string;
}

export interface PythonDependencyFacts {
  type: 'python-dependencies';
  /** runtime: a Python version pin only (runtime.txt, .python-version). */
  format: 'requirements' | 'pyproject' | 'setup.py' | 'setup.cfg' | 'pipfile' | 'runtime';
  dependencies: DeclaredDependency[];
  /** `-r other.txt` / `-c constraints.txt` in requirements files, as written. */
  includes: Array<{ path: string; line: number; isConstraint: boolean }>;
  /** requires-python, python_requires, Poetry `python`, Pipfile `python_version`, as written. */
  pythonVersion?: string;
  /** The distribution this manifest builds (`[project] name`, `setup(name=...)`). */
  name?: string;
  /** The list is computed at build time (`install_requires=read_requirements()`): unknown, not empty. */
  isDynamic?: boolean;
}

/** `tsconfig.json`/`jsconfig.json` module resolution settings. */
export interface TsconfigFacts {
  type: 'tsconfig';
  baseUrl?: string;
  paths?: Record<string, string[]>;
  /** `extends` as written (only relative paths are followed). */
  extends?: string;
}

// ---- schema stage: lockfiles (package-lock.json, yarn.lock, pnpm-lock.yaml, poetry.lock, uv.lock, Pipfile.lock) ----

/** The package registries advisories are matched against, spelled as OSV spells them. */
export type LockEcosystem = 'npm' | 'PyPI';

/** One exact package version a lockfile (or an `==` pin in a requirements file) installs. */
export interface LockedPackage {
  ecosystem: LockEcosystem;
  /** As the lockfile spells it (`@babel/core`, `Django`); PyPI names are compared PEP 503-normalized. */
  name: string;
  /** The exact resolved version (`4.18.2`, `3.2.25`). */
  version: string;
  /** 1-based line of the entry in its file. */
  line: number;
  /** Declared directly by the project's manifest (when the lockfile tells). */
  isDirect?: boolean;
  /** Installed for development only (npm `dev: true`, Poetry dev group, Pipfile `develop`). */
  isDev?: boolean;
}

export interface LockfileFacts {
  type: 'lockfile';
  format: 'package-lock' | 'yarn' | 'pnpm' | 'poetry' | 'uv' | 'pipfile-lock';
  packages: LockedPackage[];
}
