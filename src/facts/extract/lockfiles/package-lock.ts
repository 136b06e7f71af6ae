import { jsonKeyLines } from '../../../parsers/json-key-lines.js';
import type { LockedPackage } from '../../manifest-types.js';
import { asRecord } from '../structured-document.js';
import { isExactNpmVersion, type LockfileParse, readJsonLockfile } from './lockfile-parse.js';

const NODE_MODULES = 'node_modules/';
const DEPENDENCY_FIELDS = ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies'];
/** npm v6 trees are a few dozen levels deep at most; past this a v1 lockfile is not one npm wrote (and key paths would grow quadratically). */
const MAX_V1_NESTING = 100;

/**
 * package-lock.json / npm-shrinkwrap.json, lockfileVersion 1 (nested `dependencies`), 2 and 3
 * (`packages` keyed by install path). `JSON.parse` gives the values and one key scan the lines, so
 * a 30,000-entry lockfile costs two linear passes. Never throws.
 */
export function parsePackageLock(text: string): LockfileParse {
  const read = readJsonLockfile(text);
  if ('problems' in read) return { packages: [], problems: read.problems };
  const { root } = read;
  const packages = asRecord(root.packages);
  if (packages) return { packages: fromPackages(text, packages), problems: [] };
  if (root.packages !== undefined) return { packages: [], problems: [{ message: '`packages` is not an object', line: 1 }] };
  const dependencies = asRecord(root.dependencies);
  if (dependencies) return fromDependencies(text, dependencies);
  if (root.dependencies !== undefined) return { packages: [], problems: [{ message: '`dependencies` is not an object', line: 1 }] };
  const version = root.lockfileVersion;
  if (typeof version !== 'number' || version < 1 || version > 3) return { packages: [], problems: [{ message: `unknown lockfileVersion ${JSON.stringify(version) ?? 'undefined'}`, line: 1 }] };
  return { packages: [], problems: [] };
}

/** v2/v3: `"node_modules/a/node_modules/@scope/b": { version, dev, link }`; the root `""` and workspace folders are the project's own. */
function fromPackages(text: string, packages: Record<string, unknown>): LockedPackage[] {
  const lines = jsonKeyLines(text, (path) => path.length === 2 && path[0] === 'packages');
  const declared = declaredNames(packages);
  const found: LockedPackage[] = [];
  for (const [key, value] of Object.entries(packages)) {
    const entry = asRecord(value);
    const at = key.lastIndexOf(NODE_MODULES);
    if (!entry || at === -1 || entry.link === true) continue;
    // The folder name is what a manifest declares (an alias's own name, not the real one).
    const folder = key.slice(at + NODE_MODULES.length);
    const name = typeof entry.name === 'string' ? entry.name : folder;
    const version = entry.version;
    if (typeof version !== 'string' || !isExactNpmVersion(version) || name === '' || !isFromRegistry(entry)) continue;
    const locked: LockedPackage = { ecosystem: 'npm', name, version, line: lines.get(`packages\u0000${key}`) ?? 1 };
    locked.isDirect = isDeclaredBy(declared, packages, at === 0 ? '' : key.slice(0, at - 1), folder);
    if (entry.dev === true) locked.isDev = true;
    found.push(locked);
  }
  return found;
}

/** Names each package folder (the root `""` and workspace folders) declares, by folder. */
function declaredNames(packages: Record<string, unknown>): Map<string, Set<string>> {
  const byFolder = new Map<string, Set<string>>();
  for (const [key, value] of Object.entries(packages)) {
    const entry = asRecord(value);
    if (!entry || key.includes(NODE_MODULES)) continue;
    const names = new Set<string>();
    for (const field of DEPENDENCY_FIELDS) for (const name of Object.keys(asRecord(entry[field]) ?? {})) names.add(name);
    byFolder.set(key, names);
  }
  return byFolder;
}

/**
 * Installed in `owner/node_modules/folder` for a package folder that declares it: the owner
 * itself, or (hoisted to the root) a workspace that declares it without a copy of its own.
 */
function isDeclaredBy(declared: Map<string, Set<string>>, packages: Record<string, unknown>, owner: string, folder: string): boolean {
  if (declared.get(owner)?.has(folder) === true) return true;
  if (owner !== '') return false;
  for (const [workspace, names] of declared) {
    if (workspace !== '' && names.has(folder) && !Object.hasOwn(packages, `${workspace}/${NODE_MODULES}${folder}`)) return true;
  }
  return false;
}

/**
 * v1: `dependencies: { a: { version, dev, dependencies: { b: {...} } } }`, nested, walked without
 * recursion. Which ones the project declares, v1 does not say.
 */
function fromDependencies(text: string, top: Record<string, unknown>): LockfileParse {
  const lines = jsonKeyLines(text, (path) => path.length <= 2 * MAX_V1_NESTING && path.length % 2 === 0 && path[path.length - 2] === 'dependencies' && path[0] === 'dependencies');
  const parse: LockfileParse = { packages: [], problems: [] };
  const pending: Array<{ path: string; dependencies: Record<string, unknown>; nesting: number }> = [{ path: 'dependencies', dependencies: top, nesting: 1 }];
  while (pending.length > 0) {
    const { path, dependencies, nesting } = pending.pop() as (typeof pending)[number];
    for (const [key, value] of Object.entries(dependencies)) {
      const entry = asRecord(value);
      if (!entry) continue;
      const entryPath = `${path}\u0000${key}`;
      const locked = v1Package(key, entry, lines.get(entryPath) ?? 1);
      if (locked) parse.packages.push(locked);
      const nested = asRecord(entry.dependencies);
      if (!nested) continue;
      if (nesting < MAX_V1_NESTING) pending.push({ path: `${entryPath}\u0000dependencies`, dependencies: nested, nesting: nesting + 1 });
      else if (parse.problems.length === 0) parse.problems.push({ message: `dependencies nested more than ${MAX_V1_NESTING} levels deep; the deeper ones are not read`, line: locked?.line ?? 1 });
    }
  }
  parse.packages.sort((a, b) => a.line - b.line);
  return parse;
}

/** `version` is exact, or `npm:real-name@1.2.3` for an alias; git and file sources are not registry versions. */
function v1Package(key: string, entry: Record<string, unknown>, line: number): LockedPackage | undefined {
  const raw = entry.version;
  if (typeof raw !== 'string') return undefined;
  let name = key;
  let version = raw;
  const alias = /^npm:(@?[^@]+)@(.+)$/.exec(raw);
  if (alias) {
    name = alias[1] as string;
    version = alias[2] as string;
  }
  if (!isExactNpmVersion(version) || !isFromRegistry(entry)) return undefined;
  const locked: LockedPackage = { ecosystem: 'npm', name, version, line };
  if (entry.dev === true) locked.isDev = true;
  return locked;
}

/** Git, GitHub-shorthand and file sources carry a version, but not the registry's package of that name and version. */
function isFromRegistry(entry: Record<string, unknown>): boolean {
  return typeof entry.resolved !== 'string' || /^https?:\/\//.test(entry.resolved);
}
