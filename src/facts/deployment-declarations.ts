import { posix } from 'node:path';
import type { DockerfileFacts, PlatformFacts } from './deployment-manifest-types.js';
import { contextDirAtWorkdir, imageCommand } from './dockerfile-image.js';
import type { Project } from './project.js';
import type { StartDeclaration } from './start-targets.js';

/**
 * The platform's order of precedence (lower wins): config simulate.start (0, the start plan only),
 * .replit [deployment] run, .replit run, Procfile, platform manifests, Dockerfile CMD,
 * package.json start, framework conventions (9, the start plan only).
 */
export const PRECEDENCE = {
  config: 0,
  replitDeployment: 1,
  replitRun: 2,
  replitEntrypoint: 3,
  procfile: 4,
  platform: 5,
  compose: 6,
  dockerfile: 7,
  packageJson: 8,
  convention: 9,
} as const;

/** Start commands of platform manifests, compose services and Dockerfiles, with where they run. */
export function deploymentDeclarations(project: Project): StartDeclaration[] {
  return [...platformDeclarations(project), ...composeDeclarations(project), ...dockerfileDeclarations(project)];
}

function platformDeclarations(project: Project): StartDeclaration[] {
  return project.manifests('platform').flatMap(({ file, manifest }) =>
    manifest.processes.map((process) => {
      const manifestDir = dirOf(file.path);
      const declaration: StartDeclaration = { source: process.source, file: file.path, command: process.command, role: process.role, precedence: PRECEDENCE.platform };
      const dockerfile = platformDockerfile(project, file.path, manifest);
      if (dockerfile && !(manifest.platform === 'render' && !process.source.endsWith('dockerCommand'))) return withContainerDir(project, declaration, dockerfile, dirOf(dockerfile));
      if (process.rootDir) declaration.baseDir = joinPath(manifestDir, process.rootDir);
      return declaration;
    }),
  );
}

/** The Dockerfile a platform builds: the one it names, else (fly, railway) the Dockerfile beside it. */
function platformDockerfile(project: Project, manifestPath: string, manifest: PlatformFacts): string | undefined {
  if (manifest.dockerfile) return joinPath(dirOf(manifestPath), manifest.dockerfile.value);
  if (manifest.platform !== 'fly' && manifest.platform !== 'railway') return undefined;
  const beside = joinPath(dirOf(manifestPath), 'Dockerfile');
  return project.facts(beside)?.manifest?.type === 'dockerfile' ? beside : undefined;
}

function composeDeclarations(project: Project): StartDeclaration[] {
  return project.manifests('compose').flatMap(({ file, manifest }) =>
    manifest.services.flatMap((service) => {
      if (!service.build || !service.command) return [];
      const context = joinPath(dirOf(file.path), service.build.context);
      const dockerfile = joinPath(context, service.build.dockerfile ?? 'Dockerfile');
      const declaration: StartDeclaration = { source: `compose ${service.name} command`, file: file.path, command: service.command, role: service.name, precedence: PRECEDENCE.compose };
      return [withContainerDir(project, declaration, dockerfile, context)];
    }),
  );
}

function dockerfileDeclarations(project: Project): StartDeclaration[] {
  return project.manifests('dockerfile').flatMap(({ file, manifest }) => {
    const command = imageCommand(manifest);
    if (!command) return [];
    const declaration: StartDeclaration = {
      source: `${file.path} ${command.at.instruction}`,
      file: file.path,
      command: { command: command.command, line: command.at.line, column: command.at.column },
      role: 'web',
      precedence: PRECEDENCE.dockerfile,
    };
    return [withContainerDir(project, declaration, file.path, dirOf(file.path))];
  });
}

/**
 * A command that runs inside an image runs in its WORKDIR: map that back to the repo directory
 * COPY put there. When the Dockerfile does not say plainly, the command's files cannot be checked.
 */
function withContainerDir(project: Project, declaration: StartDeclaration, dockerfilePath: string, context: string): StartDeclaration {
  const facts = project.facts(dockerfilePath)?.manifest;
  const mapped = facts?.type === 'dockerfile' ? containerBaseDir(project, facts, context) : undefined;
  return mapped === undefined ? { ...declaration, isInContainer: true, isUnresolvable: true } : { ...declaration, isInContainer: true, baseDir: mapped };
}

/** The repo directory that is the container's working directory, or undefined when unclear. */
export function containerBaseDir(project: Project, facts: DockerfileFacts, context: string): string | undefined {
  const relative = contextDirAtWorkdir(facts, (path) => project.hasDirectory(joinPath(context, path)));
  return relative === undefined ? undefined : joinPath(context, relative);
}

export function dirOf(path: string): string {
  const dir = posix.dirname(path);
  return dir === '.' ? '' : dir;
}

export function joinPath(...parts: string[]): string {
  const joined = posix.normalize(posix.join(...parts.filter(Boolean)));
  return joined === '.' ? '' : joined.replace(/^\.\//, '').replace(/\/$/, '');
}
