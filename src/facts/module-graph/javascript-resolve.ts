import { posix } from 'node:path';
import type { ImportFact } from '../code-types.js';
import type { PackageJsonFacts, TsconfigFacts } from '../manifest-types.js';
import { isRuntimeModule, packageNameOf } from '../node-builtins.js';
import type { Project } from '../project.js';
import type { ImportResolution } from './resolution.js';

const EXTENSIONS = ['.ts', '.tsx', '.d.ts', '.js', '.jsx', '.mjs', '.cjs', '.mts', '.cts', '.json', '.vue', '.svelte'];
/** TypeScript ESM imports name the emitted file: `./util.js` is `./util.ts` in the source tree. */
const EMITTED: Record<string, string[]> = { '.js': ['.ts', '.tsx', '.d.ts'], '.jsx': ['.tsx'], '.mjs': ['.mts', '.d.mts'], '.cjs': ['.cts', '.d.cts'] };
const GENERATED_DIRECTORIES = /(?:^|\/)(?:dist|build|out|lib|generated|gen|__generated__|\.next|\.nuxt|\.svelte-kit|\.output|\.prisma|coverage)(?:\/|$)/;

interface WorkspacePackage {
  directory: string;
  manifest: PackageJsonFacts;
}

/** Project-wide facts the JS resolver needs, computed once. */
export interface JavaScriptIndex {
  workspaces: Map<string, WorkspacePackage>;
}

export function buildJavaScriptIndex(project: Project): JavaScriptIndex {
  return project.derive('javascript-index', () => {
    const workspaces = new Map<string, WorkspacePackage>();
    for (const { file, manifest } of project.manifests('package-json')) {
      if (manifest.name && !workspaces.has(manifest.name)) workspaces.set(manifest.name, { directory: posix.dirname(file.path) === '.' ? '' : posix.dirname(file.path), manifest });
    }
    return { workspaces };
  });
}

/** Resolves one JS/TS import of `file`: relative files, tsconfig paths/baseUrl, workspace packages, packages, builtins. */
export function resolveJavaScriptImport(project: Project, index: JavaScriptIndex, file: string, fact: ImportFact): ImportResolution {
  const specifier = fact.module.replace(/[?#].*$/, '');
  const directory = dirnameOf(file);
  if (specifier.startsWith('./') || specifier.startsWith('../') || specifier === '.' || specifier === '..') return resolvePath(project, normalize(directory, specifier), specifier);
  if (specifier.startsWith('/') || /^[a-z][\w+.-]*:/i.test(specifier) && !isRuntimeModule(specifier)) return { status: 'unresolved', targets: [] };
  if (isRuntimeModule(specifier)) return { status: 'builtin', targets: [], packageName: specifier.replace(/^node:/, '') };
  const aliased = resolveAlias(project, directory, specifier);
  if (aliased) return aliased;
  const workspace = index.workspaces.get(packageNameOf(specifier));
  if (workspace && workspace.directory !== ownPackageDirectory(project, directory)) return resolveWorkspace(project, workspace, specifier);
  if (/^[~#$@]\//.test(specifier) || specifier.startsWith('~') || specifier.startsWith('#')) return { status: 'unresolved', targets: [] };
  return { status: 'external', targets: [], packageName: packageNameOf(specifier) };
}

function resolvePath(project: Project, base: string, specifier: string): ImportResolution {
  if (base === '..' || base.startsWith('../')) return { status: 'unresolved', targets: [] };
  const found = findFile(project, base);
  if (found) return { status: 'project', targets: [found] };
  if (project.hasDirectory(base)) return { status: 'project', targets: [] };
  if (GENERATED_DIRECTORIES.test(base) && !project.hasDirectory(dirnameOf(base))) return { status: 'unresolved', targets: [] };
  return { status: 'missing', targets: [], candidates: candidatesFor(base).slice(0, 4), missingName: specifier };
}

function candidatesFor(base: string): string[] {
  const extension = posix.extname(base);
  const swapped = (EMITTED[extension] ?? []).map((replacement) => base.slice(0, -extension.length) + replacement);
  return [base, ...swapped, ...EXTENSIONS.map((suffix) => base + suffix), ...EXTENSIONS.map((suffix) => `${base}/index${suffix}`)];
}

function findFile(project: Project, base: string): string | undefined {
  if (mayExist(project, base)) for (const candidate of candidatesFor(base)) if (project.hasFile(candidate)) return candidate;
  const manifest = project.facts(`${base}/package.json`)?.manifest;
  if (manifest?.type === 'package-json' && manifest.main) return findFile(project, normalize(base, `./${manifest.main.value}`));
  return undefined;
}

/**
 * False when no candidate of `base` can be a listed file: no file is `base`, `base` plus an
 * extension, `base/index` plus an extension, or `base` with its extension swapped. One set lookup
 * instead of ~30 candidate paths for each import of a missing module.
 */
function mayExist(project: Project, base: string): boolean {
  const stems = project.derive('javascript-stems', buildStems);
  if (stems.has(base)) return true;
  const extension = posix.extname(base);
  return EMITTED[extension] !== undefined && stems.has(base.slice(0, -extension.length));
}

/** Every listed path, and every path with one of the suffixes candidatesFor adds taken off. */
function buildStems(project: Project): Set<string> {
  const stems = new Set<string>();
  for (const { path } of project.files) {
    stems.add(path);
    for (const suffix of STEM_SUFFIXES) {
      if (path.endsWith(suffix)) stems.add(path.slice(0, -suffix.length));
      if (path.endsWith(`/index${suffix}`)) stems.add(path.slice(0, -suffix.length - 6));
    }
  }
  return stems;
}

const STEM_SUFFIXES = [...new Set([...EXTENSIONS, ...Object.values(EMITTED).flat()])];

/** tsconfig/jsconfig `paths` (and `baseUrl`) of the nearest config above the file. */
function resolveAlias(project: Project, directory: string, specifier: string): ImportResolution | undefined {
  const config = nearestTsconfig(project, directory);
  if (!config) return undefined;
  const base = normalize(config.directory, config.facts.baseUrl ?? '.');
  for (const [pattern, targets] of Object.entries(config.facts.paths ?? {})) {
    const star = pattern.indexOf('*');
    const prefix = star === -1 ? pattern : pattern.slice(0, star);
    const suffix = star === -1 ? '' : pattern.slice(star + 1);
    const matches = star === -1 ? specifier === pattern : specifier.startsWith(prefix) && specifier.endsWith(suffix) && specifier.length >= prefix.length + suffix.length;
    if (!matches) continue;
    const captured = star === -1 ? '' : specifier.slice(prefix.length, specifier.length - suffix.length);
    for (const target of targets) {
      const found = findFile(project, normalize(base, target.replace('*', captured)));
      if (found) return { status: 'project', targets: [found] };
    }
    const first = normalize(base, (targets[0] ?? '').replace('*', captured));
    return resolvePath(project, first, specifier);
  }
  if (config.facts.baseUrl !== undefined) {
    const found = findFile(project, normalize(base, specifier));
    if (found) return { status: 'project', targets: [found] };
  }
  return undefined;
}

function nearestTsconfig(project: Project, directory: string): { directory: string; facts: TsconfigFacts } | undefined {
  return project.derive(`tsconfig-for:${directory}`, () => {
    for (let current: string | undefined = directory; current !== undefined; current = current === '' ? undefined : dirnameOf(current)) {
      for (const name of ['tsconfig.json', 'jsconfig.json']) {
        const facts = project.facts(current ? `${current}/${name}` : name)?.manifest;
        if (facts?.type === 'tsconfig') return { directory: current, facts: withExtends(project, current, facts) };
      }
    }
    return undefined;
  });
}

/** Follows relative `extends` (up to 5 levels) for `paths` and `baseUrl` the config does not set itself. */
function withExtends(project: Project, directory: string, facts: TsconfigFacts): TsconfigFacts {
  let merged: TsconfigFacts = { ...facts };
  let current = { directory, facts };
  for (let depth = 0; depth < 5 && current.facts.extends?.startsWith('.'); depth += 1) {
    const path = normalize(current.directory, current.facts.extends.endsWith('.json') ? current.facts.extends : `${current.facts.extends}.json`);
    const parent = project.facts(path)?.manifest;
    if (parent?.type !== 'tsconfig') break;
    const parentDirectory = dirnameOf(path);
    merged = { ...merged, ...(merged.paths || !parent.paths ? {} : { paths: parent.paths }), ...(merged.baseUrl !== undefined || parent.baseUrl === undefined ? {} : { baseUrl: posix.relative(directory || '.', normalize(parentDirectory, parent.baseUrl)) || '.' }) };
    current = { directory: parentDirectory, facts: parent };
  }
  return merged;
}

function resolveWorkspace(project: Project, workspace: WorkspacePackage, specifier: string): ImportResolution {
  const subpath = `.${specifier.slice(packageNameOf(specifier).length)}`;
  const exported = workspace.manifest.exports?.[subpath];
  const entry = exported ?? (subpath === '.' ? (workspace.manifest.main?.value ?? workspace.manifest.module ?? 'index') : subpath);
  const found = findFile(project, normalize(workspace.directory, entry.startsWith('.') ? entry : `./${entry}`));
  return { status: 'project', targets: found ? [found] : [], packageName: packageNameOf(specifier) };
}

function ownPackageDirectory(project: Project, directory: string): string | undefined {
  for (let current: string | undefined = directory; current !== undefined; current = current === '' ? undefined : dirnameOf(current)) {
    if (project.hasFile(current ? `${current}/package.json` : 'package.json')) return current;
  }
  return undefined;
}

function dirnameOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash === -1 ? '' : path.slice(0, slash);
}

function normalize(directory: string, relative: string): string {
  const joined = posix.normalize(posix.join(directory || '.', relative));
  return joined === '.' ? '' : joined.replace(/^\.\//, '').replace(/\/$/, '');
}
