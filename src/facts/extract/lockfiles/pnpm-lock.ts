import type { ParseProblem } from '../../../parsers/positioned.js';
import type { LockedPackage } from '../../manifest-types.js';
import { addProblem, cutShortProblem, isExactNpmVersion, type LockfileParse } from './lockfile-parse.js';
import { reachableFrom } from '../../../util/reachable.js';
import { type YamlLine, readYamlLines } from './yaml-lines.js';

/** A dependency a project (importer) declares: `express` -> `4.18.2(react@18.2.0)` in `devDependencies`. */
interface Declared {
  name: string;
  version: string;
  isDev: boolean;
}

interface PnpmEntry {
  key: string;
  line: number;
  fields: Map<string, string>;
}

interface PnpmSections {
  version: string | undefined;
  packages: PnpmEntry[];
  /** v9: `snapshots` entry (with peer suffix) -> the snapshot keys it depends on. */
  edges: Map<string, string[]>;
  declared: Declared[];
}

/** A version written as `name@version` (an npm alias) rather than a bare `1.2.3(peer@1.0.0)`. */
const ALIASED = /^@?[^@(/]+(?:\/[^@(/]+)?@/;
const DECLARING_GROUPS = new Set(['dependencies', 'devDependencies', 'optionalDependencies']);

/**
 * pnpm-lock.yaml, lockfileVersion 5.x (`/name/1.2.3_peer@1.0.0` keys), 6.x (`/name@1.2.3(peer@1.0.0)`)
 * and 9.x (`name@1.2.3`, peers in `snapshots`). isDirect from the importers (or the root's
 * dependencies); isDev from `dev:` (5, 6) or, in 9, from what only devDependencies reach. Read
 * line by line (see yaml-lines.ts). Registry packages only: git, tarball, file and link entries
 * are left out. Never throws.
 */
export function parsePnpmLock(text: string): LockfileParse {
  const problems: ParseProblem[] = [];
  const sections = readSections(readYamlLines(text, problems));
  const cut = cutShortProblem(text);
  if (cut) addProblem(problems, cut);
  if (sections.version === undefined) addProblem(problems, { message: 'no lockfileVersion: not a pnpm lockfile, or cut short', line: 1 });
  const isV5 = sections.version?.startsWith('5') === true;
  const direct = new Set<string>();
  for (const declared of sections.declared) {
    const identity = declaredIdentity(declared, isV5);
    if (identity) direct.add(identity);
  }
  const devOnly = sections.edges.size > 0 ? devOnlyPackages(sections, isV5) : undefined;
  const seen = new Set<string>();
  const packages: LockedPackage[] = [];
  for (const entry of sections.packages) {
    const parsed = parseKey(entry.key, isV5);
    if (!parsed || !isExactNpmVersion(parsed.version) || seen.has(`${parsed.name}@${parsed.version}`)) continue;
    if (!entry.fields.has('resolution')) addProblem(problems, { message: `${entry.key} has no resolution (the file may be cut short)`, line: entry.line });
    seen.add(`${parsed.name}@${parsed.version}`);
    const locked: LockedPackage = { ecosystem: 'npm', name: parsed.name, version: parsed.version, line: entry.line };
    locked.isDirect = direct.has(`${parsed.name}@${parsed.version}`);
    if (entry.fields.get('dev') === 'true' || devOnly?.has(`${parsed.name}@${parsed.version}`)) locked.isDev = true;
    packages.push(locked);
  }
  return { packages, problems };
}

/** One pass over the lines: lockfileVersion, `packages` entries, `snapshots` edges, what the importers declare. */
function readSections(lines: YamlLine[]): PnpmSections {
  const sections: PnpmSections = { version: undefined, packages: [], edges: new Map(), declared: [] };
  let top = '';
  let importerBase = 0;
  let group = '';
  let entry: PnpmEntry | undefined;
  let pendingName: string | undefined;
  let edges: string[] | undefined;
  for (const line of lines) {
    if (line.indent === 0) {
      top = line.key;
      if (top === 'lockfileVersion') sections.version = line.value;
      // Single-project v5/v6 lockfiles declare at the top level (names at 2); importers under `path:` and a group (names at 6).
      importerBase = top === 'importers' ? 6 : 2;
      group = DECLARING_GROUPS.has(top) ? top : '';
      entry = undefined;
      continue;
    }
    if (top === 'packages' && line.indent === 2) {
      entry = { key: line.key, line: line.line, fields: new Map() };
      sections.packages.push(entry);
    } else if (top === 'packages' && line.indent === 4 && entry) {
      entry.fields.set(line.key, line.value);
    } else if (top === 'snapshots' && line.indent === 2) {
      edges = [];
      sections.edges.set(line.key, edges);
    } else if (top === 'snapshots' && line.indent === 6 && edges && line.value !== '') {
      edges.push(snapshotKeyOf(line.key, line.value));
    } else if (top === 'importers' && line.indent === 4) {
      group = DECLARING_GROUPS.has(line.key) ? line.key : '';
    } else if (group !== '' && (top === 'importers' || DECLARING_GROUPS.has(top))) {
      if (line.indent === importerBase) {
        pendingName = line.key;
        // v5: `express: 4.18.2`; 5.4-inlineSpecifiers, 6, 9: `express:` then `version:` below.
        if (line.value !== '') sections.declared.push({ name: line.key, version: line.value, isDev: group === 'devDependencies' });
      } else if (line.indent === importerBase + 2 && line.key === 'version' && pendingName !== undefined) {
        sections.declared.push({ name: pendingName, version: line.value, isDev: group === 'devDependencies' });
      }
    }
  }
  return sections;
}

/** `name@version` of a declared dependency: `4.18.2(react@18.2.0)` under its own name, or an alias's `'@acme/pg-fork@8.7.3'` / `/@acme/pg-fork/8.7.3`. */
function declaredIdentity(declared: Declared, isV5: boolean): string | undefined {
  if (/^(?:link|file|workspace):/.test(declared.version)) return undefined;
  const aliased = declared.version.startsWith('/') || ALIASED.test(declared.version) ? parseKey(declared.version, isV5) : undefined;
  if (aliased) return `${aliased.name}@${aliased.version}`;
  return `${declared.name}@${stripPeers(declared.version, isV5)}`;
}

/** `/@babel/core/7.24.0_react@18.2.0` (5), `/@babel/core@7.24.0(react@18.2.0)` (6), `@babel/core@7.24.0` (9). */
function parseKey(key: string, isV5: boolean): { name: string; version: string } | undefined {
  if (isV5) {
    if (!key.startsWith('/')) return undefined;
    const slash = key.lastIndexOf('/');
    return slash > 1 ? { name: key.slice(1, slash), version: stripPeers(key.slice(slash + 1), true) } : undefined;
  }
  const path = key.startsWith('/') ? key.slice(1) : key;
  const bare = stripPeers(path, false);
  const at = bare.indexOf('@', 1);
  return at > 0 ? { name: bare.slice(0, at), version: bare.slice(at + 1) } : undefined;
}

function stripPeers(version: string, isV5: boolean): string {
  const cut = version.search(isV5 ? /[_(]/ : /\(/);
  return cut === -1 ? version : version.slice(0, cut);
}

/**
 * v9 says nothing about dev on packages: walk the `snapshots` graph from what the importers
 * declare; what only devDependencies reach is dev.
 */
function devOnlyPackages(sections: PnpmSections, isV5: boolean): Set<string> {
  const reach = (roots: Declared[]): Set<string> => {
    const snapshots = reachableFrom(sections.edges, roots.map((declared) => snapshotKeyOf(declared.name, declared.version)));
    return new Set([...snapshots].flatMap((snapshot) => {
      const parsed = parseKey(snapshot, isV5);
      return parsed ? [`${parsed.name}@${parsed.version}`] : [];
    }));
  };
  const production = reach(sections.declared.filter((declared) => !declared.isDev));
  const development = reach(sections.declared.filter((declared) => declared.isDev));
  return new Set([...development].filter((identity) => !production.has(identity)));
}

/** The snapshot a dependency points at: `react: 18.2.0` -> `react@18.2.0`; an alias `pg: '@acme/pg-fork@8.7.3'` names it whole. */
function snapshotKeyOf(name: string, version: string): string {
  return ALIASED.test(version) ? version : `${name}@${version}`;
}
