import { posix } from 'node:path';
import type { DeclaredCommand } from './manifest-types.js';
import { isNonProductionPath } from './path-roles.js';
import type { Project } from './project.js';
import { parseStartCommand } from '../parsers/start-command.js';
import { resolveStartTargets, startDeclarations } from './start-targets.js';

/**
 * What the project's shell scripts are for: which ones start the app (a manifest runs them, or
 * they are named like it) and which install or build it. Scripts in tests, docs and examples have
 * no deployment role. Cross-file, memoized on the project.
 */

/** A command a manifest declares, with where: start commands and the build/release hooks around them. */
export interface ManifestCommand {
  /** `Procfile web`, `package.json scripts.postinstall`, `.replit [deployment] build`. */
  source: string;
  file: string;
  command: DeclaredCommand;
  kind: 'start' | 'build';
}

const BUILD_SCRIPTS = ['preinstall', 'install', 'postinstall', 'prepare', 'prebuild', 'build', 'postbuild', 'heroku-postbuild', 'vercel-build', 'prestart'];
const START_NAME = /^(?:start|run|serve|server|web|boot|entrypoint|docker-entrypoint|launch|app|prod|production)(?:[-_.][\w.-]*)?$/i;
const BUILD_NAME = /^(?:setup|install|bootstrap|build|deploy|provision|prepare|release|migrate|init|postinstall|ci)(?:[-_.][\w.-]*)?$/i;
const NOT_A_ROLE = /test|lint|format|dev|debug|local/i;

/** Start commands (Procfile, .replit, package.json start) and build hooks (package.json build scripts, .replit build, Procfile release). */
export function manifestCommands(project: Project): ManifestCommand[] {
  return project.derive('manifest-commands', () => {
    const found: ManifestCommand[] = startDeclarations(project)
      .filter((declaration) => declaration.role !== 'entrypoint')
      .map((declaration) => ({ source: declaration.source, file: declaration.file, command: declaration.command, kind: declaration.role === 'release' ? 'build' : 'start' }));
    for (const { file, manifest } of project.manifests('package-json')) {
      for (const name of BUILD_SCRIPTS) {
        const command = manifest.scripts[name];
        if (command) found.push({ source: `package.json scripts.${name}`, file: file.path, command, kind: 'build' });
      }
    }
    for (const { file, manifest } of project.manifests('replit')) {
      if (manifest.deploymentBuild) found.push({ source: '.replit [deployment] build', file: file.path, command: manifest.deploymentBuild, kind: 'build' });
    }
    return found;
  });
}

/** Shell scripts that start the app, with how: `Procfile web`, or `its name` for `start.sh`, `entrypoint.sh`... */
export function startScripts(project: Project): Map<string, string> {
  return project.derive('start-scripts', () => {
    const scripts = new Map<string, string>();
    for (const resolved of resolveStartTargets(project)) {
      if (resolved.status !== 'exists' || resolved.declaration.role === 'release') continue;
      for (const candidate of resolved.candidates) {
        if (project.facts(candidate)?.kind === 'shell' && !scripts.has(candidate) && !isNonProductionPath(candidate)) scripts.set(candidate, resolved.via ?? resolved.declaration.source);
      }
    }
    addByName(project, scripts, START_NAME);
    return scripts;
  });
}

/** Shell scripts that install, build or release the app: run by a build hook, or named `setup.sh`, `install.sh`, `build.sh`... */
export function buildScripts(project: Project): Map<string, string> {
  return project.derive('build-scripts', () => {
    const scripts = new Map<string, string>();
    for (const declared of manifestCommands(project)) {
      if (declared.kind !== 'build') continue;
      const dir = posix.dirname(declared.file) === '.' ? '' : posix.dirname(declared.file);
      for (const target of parseStartCommand(declared.command.command).targets) {
        if (target.kind !== 'file') continue;
        const path = posix.normalize(posix.join(dir, target.cwd, target.value)).replace(/^\.\//, '');
        if (project.facts(path)?.kind === 'shell' && !scripts.has(path) && !isNonProductionPath(path)) scripts.set(path, declared.source);
      }
    }
    addByName(project, scripts, BUILD_NAME);
    return scripts;
  });
}

/** A script in tests, docs or examples is not what the deployment runs, whatever its name. */
function addByName(project: Project, scripts: Map<string, string>, pattern: RegExp): void {
  for (const facts of project.factsOfKind('shell')) {
    if (isNonProductionPath(facts.path)) continue;
    const name = posix.basename(facts.path).replace(/\.(?:sh|bash)$/, '');
    if (!scripts.has(facts.path) && pattern.test(name) && !NOT_A_ROLE.test(name)) scripts.set(facts.path, 'its name');
  }
}
