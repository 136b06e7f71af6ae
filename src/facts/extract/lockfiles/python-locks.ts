import { parseToml } from '../../../parsers/toml.js';
import type { LockedPackage } from '../../manifest-types.js';
import { asArray, asRecord } from '../structured-document.js';
import type { LockfileParse } from './lockfile-parse.js';
import { reachableFrom } from '../../../util/reachable.js';
import { normalizeDistribution } from '../../../parsers/pep508.js';

/** Package sources that are not an index: a git checkout, a local path, a bare URL. */
const NOT_AN_INDEX = new Set(['git', 'directory', 'file', 'url', 'path', 'editable', 'virtual']);

interface TomlLock {
  packages: Array<{ record: Record<string, unknown>; line: number }>;
  problems: LockfileParse['problems'];
}

/** The `[[package]]` tables of a TOML lockfile, each with the line of its `name =` (or its header). */
function readTomlPackages(text: string): TomlLock {
  const document = parseToml(text);
  const tables = asArray(document.data.package);
  if (document.problems.length === 0 && document.data.package !== undefined && !Array.isArray(document.data.package)) {
    return { packages: [], problems: [{ message: '`package` is not an array of tables', line: document.lineOf(['package']) ?? 1 }] };
  }
  const packages = tables.flatMap((table, index) => {
    const record = asRecord(table);
    const line = document.lineOf(['package', String(index), 'name']) ?? document.lineOf(['package', String(index)]) ?? 1;
    return record ? [{ record, line }] : [];
  });
  return { packages, problems: document.problems };
}

function lockedPyPI(record: Record<string, unknown>, line: number): LockedPackage | undefined {
  const { name, version } = record;
  if (typeof name !== 'string' || typeof version !== 'string' || name === '' || version === '') return undefined;
  return { ecosystem: 'PyPI', name, version, line };
}

/**
 * poetry.lock: `[[package]]` name and version; `[package.source]` git, path and URL packages are
 * not the index's. Dev from `category = "dev"` (Poetry < 1.5) or `groups` without `main`
 * (Poetry 2). Which packages pyproject.toml declares, the lockfile does not say.
 */
export function parsePoetryLock(text: string): LockfileParse {
  const lock = readTomlPackages(text);
  const packages: LockedPackage[] = [];
  for (const { record, line } of lock.packages) {
    const source = asRecord(record.source);
    if (typeof source?.type === 'string' && NOT_AN_INDEX.has(source.type)) continue;
    const locked = lockedPyPI(record, line);
    if (!locked) continue;
    const groups = asArray(record.groups).filter((group): group is string => typeof group === 'string');
    if (record.category === 'dev' || (groups.length > 0 && !groups.includes('main'))) locked.isDev = true;
    packages.push(locked);
  }
  return { packages, problems: lock.problems };
}

/**
 * uv.lock: registry packages only (the project itself is `source = { editable = "." }` or
 * `{ virtual = "." }`; git and path sources are left out). The project's `dependencies` and
 * `optional-dependencies` are direct, its `dev-dependencies` groups direct and dev; a package
 * only the dev groups reach is dev.
 */
export function parseUvLock(text: string): LockfileParse {
  const lock = readTomlPackages(text);
  const edges = new Map<string, string[]>();
  const production: string[] = [];
  const development: string[] = [];
  for (const { record } of lock.packages) {
    if (typeof record.name !== 'string') continue;
    const name = normalizeDistribution(record.name);
    edges.set(name, [...(edges.get(name) ?? []), ...dependencyNames(record.dependencies), ...Object.values(asRecord(record['optional-dependencies']) ?? {}).flatMap(dependencyNames)]);
    if (!isProject(record)) continue;
    production.push(...(edges.get(name) ?? []));
    development.push(...Object.values(asRecord(record['dev-dependencies']) ?? {}).flatMap(dependencyNames));
  }
  const direct = new Set([...production, ...development]);
  const reachedByProduction = reachableFrom(edges, production);
  const reachedByDevelopment = reachableFrom(edges, development);
  const packages: LockedPackage[] = [];
  for (const { record, line } of lock.packages) {
    const source = asRecord(record.source);
    if (isProject(record) || Object.keys(source ?? {}).some((kind) => NOT_AN_INDEX.has(kind))) continue;
    const locked = lockedPyPI(record, line);
    if (!locked) continue;
    const name = normalizeDistribution(locked.name);
    locked.isDirect = direct.has(name);
    if (reachedByDevelopment.has(name) && !reachedByProduction.has(name)) locked.isDev = true;
    packages.push(locked);
  }
  return { packages, problems: lock.problems };
}

/** The project and its workspace members: `source = { editable = "..." }` or `{ virtual = "..." }`. */
function isProject(record: Record<string, unknown>): boolean {
  const source = asRecord(record.source);
  return source !== undefined && ('editable' in source || 'virtual' in source);
}

/** `[{ name = "idna" }, { name = "sniffio", marker = "..." }]` -> normalized names. */
function dependencyNames(value: unknown): string[] {
  return asArray(value).flatMap((item) => {
    const name = asRecord(item)?.name;
    return typeof name === 'string' ? [normalizeDistribution(name)] : [];
  });
}
