import type { ParseProblem } from '../../../parsers/positioned.js';
import type { LockedPackage } from '../../manifest-types.js';
import { addProblem, cutShortProblem, isExactNpmVersion, type LockfileParse } from './lockfile-parse.js';
import { decodeJsonString } from '../../../parsers/json-string.js';

/** One top-level block: `"a@^1.0.0", a@^1.1.0:` and its two-space-indented fields. */
interface YarnEntry {
  descriptors: string[];
  line: number;
  fields: Map<string, string>;
  /** `dependencies` as descriptors (`express@npm:^4.17.1`); a berry workspace's are the direct ones. */
  dependencies: string[];
}

/**
 * yarn.lock, classic v1 (`version "1.2.3"`) and berry (YAML: `version: 1.2.3`, `resolution:`).
 * Both are generated with one layout (entries at column 0, fields indented by two), read line by
 * line: the yaml package needs seconds for a big lockfile. Registry packages only: berry
 * `workspace:`/`patch:`/`link:` entries and git, file and URL sources are left out. Berry says
 * which packages the workspaces declare (isDirect); v1 does not. Never throws.
 */
export function parseYarnLock(text: string): LockfileParse {
  const problems: ParseProblem[] = [];
  const entries = readEntries(text, problems);
  const cut = cutShortProblem(text);
  if (cut) addProblem(problems, cut);
  const isBerry = entries.some((entry) => entry.descriptors[0] === '__metadata');
  const direct = new Set(entries.filter((entry) => entry.descriptors[0]?.includes('@workspace:')).flatMap((entry) => entry.dependencies));
  const packages: LockedPackage[] = [];
  for (const entry of entries) {
    if (entry.descriptors[0] === '__metadata') continue;
    const version = entry.fields.get('version');
    if (version === undefined) {
      addProblem(problems, { message: `${entry.descriptors[0] ?? 'an entry'} has no version (the file may be cut short)`, line: entry.line });
      continue;
    }
    const locked = isBerry ? berryPackage(entry, version) : classicPackage(entry, version);
    if (!locked) continue;
    if (isBerry) locked.isDirect = entry.descriptors.some((descriptor) => direct.has(descriptor));
    packages.push(locked);
  }
  return { packages, problems };
}

/** v1: the name from the first descriptor (`@babel/core@^7.0.0`, an alias `pg@npm:@acme/pg-fork@^8`). */
function classicPackage(entry: YarnEntry, version: string): LockedPackage | undefined {
  const descriptor = entry.descriptors[0] ?? '';
  const split = splitDescriptor(descriptor);
  if (!split) return undefined;
  let { name, range } = split;
  if (range.startsWith('npm:')) {
    const alias = splitDescriptor(range.slice(4));
    if (alias) ({ name, range } = alias);
    else range = range.slice(4);
  }
  if (!isRegistryRange(range) || !isExactNpmVersion(version)) return undefined;
  return { ecosystem: 'npm', name, version, line: entry.line };
}

/** Berry: `resolution: "@babel/core@npm:7.24.0"` names the real package; other protocols are not the registry's. */
function berryPackage(entry: YarnEntry, version: string): LockedPackage | undefined {
  const resolution = splitDescriptor(entry.fields.get('resolution') ?? entry.descriptors[0] ?? '');
  if (!resolution || !resolution.range.startsWith('npm:') || !isExactNpmVersion(version)) return undefined;
  return { ecosystem: 'npm', name: resolution.name, version, line: entry.line };
}

/** `@scope/name@range` -> name and range (the `@` after the name, not a scope's). */
function splitDescriptor(descriptor: string): { name: string; range: string } | undefined {
  const at = descriptor.indexOf('@', 1);
  if (at <= 0) return undefined;
  return { name: descriptor.slice(0, at), range: descriptor.slice(at + 1) };
}

/** A semver range or tag; not `git+`, `github:`, `file:`, `link:`, a URL or a `user/repo` shorthand. */
function isRegistryRange(range: string): boolean {
  return !/^[a-z][a-z0-9+.-]*:/i.test(range) && !range.includes('/');
}

function readEntries(text: string, problems: ParseProblem[]): YarnEntry[] {
  const entries: YarnEntry[] = [];
  let current: YarnEntry | undefined;
  let section: string | undefined;
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index += 1) {
    const raw = (lines[index] as string).replace(/\r$/, '');
    if (raw.trim() === '' || raw.trimStart().startsWith('#')) continue;
    const line = index + 1;
    const indent = raw.length - raw.trimStart().length;
    if (hasOpenQuote(raw) || raw.charCodeAt(0) === 9) {
      addProblem(problems, { message: hasOpenQuote(raw) ? 'unterminated string' : 'tab indentation', line });
      continue;
    }
    if (indent === 0) {
      current = readHeader(raw, line, problems);
      if (current) entries.push(current);
      section = undefined;
    } else if (current && indent === 2) {
      const content = raw.trim();
      if (!/^\S+(?::|\s+\S|:\s+\S)/.test(content)) addProblem(problems, { message: `not a field: ${content.slice(0, 80)}`, line });
      section = readField(current, content);
    } else if (current && indent === 4 && section === 'dependencies') {
      const dependency = readField(undefined, raw.trim());
      if (dependency) current.dependencies.push(dependency);
    } else if (!current) addProblem(problems, { message: 'an indented line outside any entry', line });
  }
  return entries;
}

/** `"a@^1.0.0", a@^1.1.0:` (v1) or `"a@npm:^1.0.0, a@npm:^1.1.0":` (berry). */
function readHeader(raw: string, line: number, problems: ParseProblem[]): YarnEntry | undefined {
  if (!raw.endsWith(':')) {
    addProblem(problems, { message: `not an entry: ${raw.slice(0, 80)}`, line });
    return undefined;
  }
  // Descriptors hold neither quotes nor commas: v1 quotes each, berry all of them together.
  const descriptors = raw
    .slice(0, -1)
    .replace(/"/g, '')
    .split(/,\s*/)
    .map((descriptor) => descriptor.trim())
    .filter((descriptor) => descriptor !== '');
  return { descriptors, line, fields: new Map(), dependencies: [] };
}

/**
 * Records `version "1.2.3"` / `version: 1.2.3` on the entry; returns the name of a field that
 * opens a nested block (`dependencies:`). Without an entry (a workspace dependency line) it
 * returns the line as a descriptor: `"@types/node": ^20.0.0` -> `@types/node@npm:^20.0.0`.
 */
function readField(entry: YarnEntry | undefined, content: string): string | undefined {
  const match = /^("(?:[^"\\]|\\.)*"|[^\s:"]+(?::[^\s"]+)*?)(?::\s*|\s+)(.*)$/.exec(content);
  if (!match) return content.endsWith(':') ? unquote(content.slice(0, -1)) : undefined;
  const key = unquote(match[1] as string);
  const value = unquote((match[2] as string).trim());
  if (!entry) return value === '' ? undefined : `${key}@${/^[a-z][a-z0-9+.-]*:/i.test(value) ? value : `npm:${value}`}`;
  if (value === '') return key;
  entry.fields.set(key, value);
  return undefined;
}

function unquote(value: string): string {
  return value.length >= 2 && value.startsWith('"') && value.endsWith('"') ? decodeJsonString(value.slice(1, -1)) : value;
}

/** An odd number of unescaped double quotes: a line cut in the middle of a string. */
function hasOpenQuote(raw: string): boolean {
  let count = 0;
  for (let index = raw.indexOf('"'); index !== -1; index = raw.indexOf('"', index + 1)) {
    if (raw.charCodeAt(index - 1) !== 92) count += 1;
  }
  return count % 2 === 1;
}
