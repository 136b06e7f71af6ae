import type { JsonDocument } from '../../parsers/json.js';
import type { DeclaredDependency, PackageJsonFacts } from '../manifest-types.js';

const GROUPS: Array<[string, string]> = [
  ['dependencies', 'main'],
  ['devDependencies', 'dev'],
  ['peerDependencies', 'peer'],
  ['optionalDependencies', 'optional'],
];

type PackageDependencyFields = Pick<PackageJsonFacts, 'dependencies' | 'workspaces' | 'exports' | 'module' | 'types'>;

/** The dependency fields of a parsed package.json: the four dependency maps, workspaces, exports, entry files. */
export function packageDependencies(record: Record<string, unknown>, document: JsonDocument): { fields: PackageDependencyFields; lines: number[] } {
  const fields: PackageDependencyFields = {};
  const lines: number[] = [];
  const dependencies: DeclaredDependency[] = [];
  for (const [key, group] of GROUPS) {
    const map = record[key];
    if (!map || typeof map !== 'object' || Array.isArray(map)) continue;
    for (const [name, spec] of Object.entries(map as Record<string, unknown>)) {
      const line = document.positionOf([key, name])?.line ?? 1;
      const dependency: DeclaredDependency = { name, spec: typeof spec === 'string' ? spec : '', line, group };
      if (typeof spec === 'string' && /^(?:file:|link:|\.{0,2}\/)/.test(spec)) dependency.source = 'path';
      else if (typeof spec === 'string' && /^(?:git\+|github:|git:|https?:)/.test(spec)) dependency.source = 'vcs';
      dependencies.push(dependency);
      lines.push(line);
    }
  }
  if (dependencies.length > 0) fields.dependencies = dependencies;
  const workspaces = Array.isArray(record.workspaces) ? record.workspaces : (record.workspaces as { packages?: unknown } | undefined)?.packages;
  if (Array.isArray(workspaces)) fields.workspaces = workspaces.filter((entry): entry is string => typeof entry === 'string');
  const exportsMap = flattenExports(record.exports);
  if (exportsMap) fields.exports = exportsMap;
  if (typeof record.module === 'string') fields.module = record.module;
  if (typeof record.types === 'string') fields.types = record.types;
  else if (typeof record.typings === 'string') fields.types = record.typings;
  return { fields, lines };
}

/** `"exports"` as subpath -> first file target (conditions tried in order: import, require, node, default, types). */
function flattenExports(value: unknown): Record<string, string> | undefined {
  if (typeof value === 'string') return { '.': value };
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const entries = Object.entries(value as Record<string, unknown>);
  const isSubpathMap = entries.some(([key]) => key.startsWith('.'));
  const result: Record<string, string> = {};
  for (const [key, target] of isSubpathMap ? entries : [['.', value] as [string, unknown]]) {
    const file = firstTarget(target);
    if (file) result[key] = file;
  }
  return Object.keys(result).length > 0 ? result : undefined;
}

function firstTarget(value: unknown): string | undefined {
  // Iterative: a hostile package.json may nest conditions deeply.
  const queue: unknown[] = [value];
  for (let steps = 0; queue.length > 0 && steps < 200; steps += 1) {
    const next = queue.shift();
    if (typeof next === 'string') return next;
    if (Array.isArray(next)) queue.unshift(...next);
    else if (next && typeof next === 'object') {
      const conditions = next as Record<string, unknown>;
      const ordered = ['import', 'require', 'node', 'default', 'types'].filter((key) => key in conditions).map((key) => conditions[key]);
      queue.unshift(...ordered, ...Object.values(conditions));
    }
  }
  return undefined;
}
