import { posix } from 'node:path';
import { type CommandTarget, parseStartCommand } from '../parsers/start-command.js';
import type { Location } from '../model/location.js';
import type { DeclaredCommand, PackageJsonFacts } from './manifest-types.js';
import type { Project } from './project.js';
// --- config stage (issue 3) ---
import { PRECEDENCE, deploymentDeclarations } from './deployment-declarations.js';

/** A command some manifest declares to start (or build) the app. */
export interface StartDeclaration {
  /** Human name of where it is declared: `package.json scripts.start`, `Procfile web`, `.replit [deployment] run`. */
  source: string;
  /** Manifest file (repo-relative). */
  file: string;
  command: DeclaredCommand;
  /** Process role: web, worker, release... ('web' for single-command manifests). */
  role: string;
  // --- config stage (issue 3) ---
  /** Lower wins: .replit deployment 1, .replit run 2, Procfile 4, platform manifests 5, compose 6, Dockerfile 7, package.json 8. */
  precedence?: number;
  /** Repo directory the command runs in when it is not the manifest's own (render rootDir, a container's WORKDIR). */
  baseDir?: string;
  /** Runs inside a container image. */
  isInContainer?: boolean;
  /** Runs in an image whose files cannot be mapped back to the repo: its targets are not checked. */
  isUnresolvable?: boolean;
}

export interface ResolvedTarget {
  declaration: StartDeclaration;
  target: CommandTarget;
  /** Where the target is written (manifest line, column of the target inside the command). */
  location: Location;
  /** Project files that satisfy the target (empty when none does). */
  candidates: string[];
  /** exists: found; missing: not in the tree; built: missing but produced by a build step; external: not a project file (installed module, variable). */
  status: 'exists' | 'missing' | 'built' | 'external';
  /** For npm-script targets: the script's own targets. */
  via?: string;
}

/** Every start command the manifests declare, in the platform's order of precedence. */
export function startDeclarations(project: Project): StartDeclaration[] {
  return project.derive('start-declarations', () => {
    const found: StartDeclaration[] = [];
    for (const { file, manifest } of project.manifests('replit')) {
      if (manifest.deploymentRun) found.push({ source: '.replit [deployment] run', file: file.path, command: manifest.deploymentRun, role: 'web', precedence: PRECEDENCE.replitDeployment });
      if (manifest.run) found.push({ source: '.replit run', file: file.path, command: manifest.run, role: 'web', precedence: PRECEDENCE.replitRun });
      if (manifest.entrypoint) {
        const { value, line, column } = manifest.entrypoint;
        found.push({ source: '.replit entrypoint', file: file.path, command: { command: value, line, column }, role: 'entrypoint', precedence: PRECEDENCE.replitEntrypoint });
      }
    }
    for (const { file, manifest } of project.manifests('procfile')) {
      for (const entry of manifest.entries) {
        found.push({ source: `Procfile ${entry.process}`, file: file.path, command: { command: entry.command, line: entry.line, column: entry.commandColumn }, role: entry.process, precedence: PRECEDENCE.procfile });
      }
    }
    found.push(...deploymentDeclarations(project)); // config stage (issue 3): platform manifests, compose, Dockerfile
    for (const { file, manifest } of project.manifests('package-json')) {
      const start = manifest.scripts.start;
      if (start) found.push({ source: 'package.json scripts.start', file: file.path, command: start, role: 'web', precedence: PRECEDENCE.packageJson });
    }
    return found;
  });
}

const BUILD_OUTPUT_DIRECTORIES = new Set(['dist', 'build', 'out', 'lib', '.next', '.output', '.svelte-kit', 'target', 'bin']);

/** Resolves what each start command runs against the project's files. */
export function resolveStartTargets(project: Project): ResolvedTarget[] {
  return project.derive('start-targets', () => {
    // `.replit run = "npm start"` reaches the same script line as package.json's own start: keep one, the direct one.
    const byPlace = new Map<string, ResolvedTarget>();
    for (const resolved of startDeclarations(project).flatMap((declaration) => resolveDeclaration(project, declaration, 0))) {
      const key = `${resolved.location.file}:${resolved.location.line}:${resolved.location.column}:${resolved.target.value}`;
      const existing = byPlace.get(key);
      if (!existing || (existing.via && !resolved.via)) byPlace.set(key, resolved);
    }
    return [...byPlace.values()];
  });
}

function resolveDeclaration(project: Project, declaration: StartDeclaration, depth: number): ResolvedTarget[] {
  const baseDir = declaration.baseDir ?? (posix.dirname(declaration.file) === '.' ? '' : posix.dirname(declaration.file));
  // An entrypoint names a file directly; everything else is a command line.
  const targets: CommandTarget[] =
    declaration.role === 'entrypoint'
      ? [{ kind: 'file', value: declaration.command.command, runner: 'replit', cwd: '', offset: 0 }]
      : parseStartCommand(declaration.command.command).targets;
  const lineText = project.facts(declaration.file)?.snippets[declaration.command.line];
  return targets.flatMap((target) => {
    const location: Location = { file: declaration.file, line: declaration.command.line, column: targetColumn(declaration, target, lineText) };
    const dir = joinPath(baseDir, target.cwd);
    if (declaration.isUnresolvable) return [{ declaration, target, location, candidates: [], status: 'external' as const }];
    if (target.kind === 'npm-script') return resolveScript(project, declaration, target, location, dir, depth);
    const candidates = candidatePaths(target, dir);
    const existing = candidates.filter((candidate) => project.hasFile(candidate));
    const resolved: ResolvedTarget = { declaration, target, location, candidates: existing, status: 'exists' };
    if (existing.length > 0) return [resolved];
    if (target.value.includes('$') || target.value.startsWith('/') || isExternalModule(project, target, dir)) return [{ ...resolved, status: 'external' }];
    const firstSegment = (candidates[0] ?? '').slice(dir ? dir.length + 1 : 0).split('/')[0] ?? '';
    if (BUILD_OUTPUT_DIRECTORIES.has(firstSegment) && hasBuildStep(project)) return [{ ...resolved, status: 'built' }];
    return [{ ...resolved, status: 'missing', candidates }];
  });
}

/** What `npm run <name>` in `dir` runs: the package.json there (if any) and its script (if it has one). */
export function npmScript(project: Project, dir: string, name: string): { packagePath: string; manifest?: PackageJsonFacts; script?: DeclaredCommand } {
  const packagePath = joinPath(dir, 'package.json');
  const manifest = project.facts(packagePath)?.manifest;
  if (manifest?.type !== 'package-json') return { packagePath };
  const script = Object.hasOwn(manifest.scripts, name) ? manifest.scripts[name] : undefined;
  return script ? { packagePath, manifest, script } : { packagePath, manifest };
}

function resolveScript(project: Project, declaration: StartDeclaration, target: CommandTarget, location: Location, dir: string, depth: number): ResolvedTarget[] {
  const { packagePath, manifest, script } = npmScript(project, dir, target.value);
  const base: ResolvedTarget = { declaration, target, location, candidates: [], status: 'missing' };
  if (!manifest) return [{ ...base, candidates: [packagePath] }];
  if (!script) {
    // `npm start` without a start script runs `node server.js`.
    if (target.value === 'start' && project.hasFile(joinPath(dir, 'server.js'))) return [{ ...base, status: 'exists', candidates: [joinPath(dir, 'server.js')] }];
    return [{ ...base, candidates: [packagePath] }];
  }
  if (depth >= 3) return [{ ...base, status: 'exists', candidates: [packagePath] }];
  const nested: StartDeclaration = { source: `${packagePath} scripts.${target.value}`, file: packagePath, command: script, role: declaration.role, ...(declaration.isInContainer ? { isInContainer: true } : {}) };
  const inner = resolveDeclaration(project, nested, depth + 1).map((resolved) => ({ ...resolved, via: `${declaration.source} -> ${nested.source}` }));
  return [{ ...base, status: 'exists', candidates: [packagePath] }, ...inner];
}

/**
 * Column of a target on its manifest line. Offsets inside the command are exact for plain strings;
 * argv arrays and escaped JSON shift them, so the target's own text on the line wins when found.
 */
function targetColumn(declaration: StartDeclaration, target: CommandTarget, lineText: string | undefined): number {
  const fromOffset = declaration.command.column + target.offset;
  if (lineText === undefined) return fromOffset;
  const found = lineText.indexOf(target.value, Math.max(0, declaration.command.column - 1));
  return found === -1 ? fromOffset : found + 1;
}

/** Files that would satisfy a target, most likely first. */
export function candidatePaths(target: CommandTarget, dir: string): string[] {
  const value = target.value.replace(/^\.\//, '');
  switch (target.kind) {
    case 'file':
      return [joinPath(dir, value)];
    case 'directory':
      return [joinPath(dir, 'package.json'), joinPath(dir, 'index.js')];
    case 'python-module': {
      const modulePath = joinPath(dir, value.replace(/\./g, '/'));
      return [`${modulePath}.py`, `${modulePath}/__main__.py`];
    }
    case 'app-module': {
      const moduleName = value.split(':')[0] ?? value;
      const root = target.appDir ? joinPath(dir, target.appDir) : dir;
      const modulePath = joinPath(root, moduleName.replace(/\./g, '/'));
      return [`${modulePath}.py`, `${modulePath}/__init__.py`];
    }
    default:
      return [];
  }
}

/** `python -m celery`, `python -m http.server`: a module that is not the project's own. */
function isExternalModule(project: Project, target: CommandTarget, dir: string): boolean {
  if (target.kind !== 'python-module') return false;
  const first = target.value.split('.')[0] ?? '';
  const path = joinPath(dir, first);
  return !project.hasFile(`${path}.py`) && !project.hasDirectory(path);
}

/** True when some manifest builds the app before it starts (so `dist/server.js` may not be committed). */
export function hasBuildStep(project: Project): boolean {
  return project.derive('has-build-step', () => {
    for (const { manifest } of project.manifests('package-json')) {
      if (manifest.scripts.build || manifest.scripts.prestart || manifest.scripts.postinstall) return true;
    }
    if (project.manifests('platform').some(({ manifest }) => manifest.buildCommands.length > 0)) return true; // config stage (issue 3)
    if (project.manifests('dockerfile').some(({ manifest }) => manifest.copies.some((copy) => copy.from !== undefined))) return true;
    return project.manifests('replit').some(({ manifest }) => manifest.deploymentBuild !== undefined);
  });
}

function joinPath(...parts: string[]): string {
  const joined = posix.normalize(posix.join(...parts.filter(Boolean)));
  return joined === '.' ? '' : joined.replace(/^\.\//, '');
}
