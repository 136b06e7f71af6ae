import { posix } from 'node:path';
import { parseStartCommand } from '../../parsers/start-command.js';
import { isNonProductionPath } from '../path-roles.js';
import type { Project } from '../project.js';
import { buildScripts, manifestCommands, startScripts } from '../script-roles.js';

/** One command a deployment runs, with where it is written. */
export interface DeploymentCommand {
  command: string;
  /** `Procfile web`, `package.json scripts.dev (via Procfile web)`, `start.sh`, `Dockerfile RUN`. */
  source: string;
  file: string;
  line: number;
  column?: number;
  /** start: runs the app; build: install, build and release steps. */
  kind: 'start' | 'build';
}

const MAX_SCRIPT_DEPTH = 3;

/**
 * Every command the deployment runs: start commands and build/release hooks of the manifests
 * (not `.replit run` when `[deployment] run` exists: that one is the editor's Run button), the
 * npm scripts they call, the shell scripts that start or build the app, and Dockerfile RUN steps.
 */
export function deploymentCommands(project: Project): DeploymentCommand[] {
  return project.derive('service-deployment-commands', () => {
    const found: DeploymentCommand[] = [];
    const hasDeploymentRun = project.manifests('replit').some(({ manifest }) => manifest.deploymentRun !== undefined);
    for (const declared of manifestCommands(project)) {
      if (isNonProductionPath(declared.file) || (hasDeploymentRun && declared.source === '.replit run')) continue;
      const entry: DeploymentCommand = { command: declared.command.command, source: declared.source, file: declared.file, line: declared.command.line, column: declared.command.column, kind: declared.kind };
      found.push(entry, ...scriptsCalled(project, entry, 0));
    }
    for (const [scripts, kind] of [[startScripts(project), 'start'], [buildScripts(project), 'build']] as const) {
      for (const [path, role] of scripts) {
        for (const command of project.facts(path)?.source?.shell?.commands ?? []) {
          found.push({ command: [command.program, ...command.args].join(' '), source: `${path} (${role})`, file: path, line: command.line, column: command.column, kind });
        }
      }
    }
    for (const { file, manifest } of project.manifests('platform')) {
      if (isNonProductionPath(file.path)) continue;
      for (const build of manifest.buildCommands) found.push({ command: build.command, source: `${file.path} build command`, file: file.path, line: build.line, column: build.column, kind: 'build' });
    }
    for (const { file, manifest } of project.manifests('dockerfile')) {
      if (isNonProductionPath(file.path)) continue;
      for (const run of manifest.runs ?? []) found.push({ command: run.command, source: `${file.path} RUN`, file: file.path, line: run.line, kind: 'build' });
    }
    return found;
  });
}

/** `npm run dev` -> the `dev` script's command (and the scripts it calls in turn). */
function scriptsCalled(project: Project, from: DeploymentCommand, depth: number): DeploymentCommand[] {
  if (depth >= MAX_SCRIPT_DEPTH) return [];
  const dir = posix.dirname(from.file) === '.' ? '' : posix.dirname(from.file);
  const found: DeploymentCommand[] = [];
  for (const target of parseStartCommand(from.command).targets) {
    if (target.kind !== 'npm-script') continue;
    const packagePath = posix.join(dir, target.cwd, 'package.json').replace(/^\.\//, '');
    const manifest = project.facts(packagePath)?.manifest;
    const script = manifest?.type === 'package-json' ? manifest.scripts[target.value] : undefined;
    if (!script) continue;
    const entry: DeploymentCommand = { command: script.command, source: `${packagePath} scripts.${target.value} (via ${from.source})`, file: packagePath, line: script.line, column: script.column, kind: from.kind };
    found.push(entry, ...scriptsCalled(project, entry, depth + 1));
  }
  return found;
}
