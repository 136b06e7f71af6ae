import type { Location } from '../model/location.js';
import { type ResolvedBind, bindOfCommand } from './app-bind.js';
import type { DockerfileFacts } from './deployment-manifest-types.js';
import { containerBaseDir, dirOf, joinPath } from './deployment-declarations.js';
import { imageCommand, imageEnv } from './dockerfile-image.js';
import type { DeclaredCommand } from './manifest-types.js';
import type { Project } from './project.js';
import { resolveStartPlanAmong } from './start-plan.js';
import { isTestPath } from './path-roles.js';

/** A port a deployment routes traffic to, with where it is declared. */
export interface RoutedPortAt {
  port: number;
  label: string;
  location: Location;
}

/** One way the app is deployed: what routes to it, what it binds there, and what the platform does. */
export interface DeployContext {
  kind: 'paas' | 'replit' | 'container';
  /** For people: `Procfile web`, `.replit`, `Dockerfile`, `compose service web`, `fly.toml`. */
  label: string;
  /** Where this deployment is declared. */
  location: Location;
  routedPorts: RoutedPortAt[];
  bind?: ResolvedBind;
  /** The platform sets PORT for the app and routes to it. */
  injectsPort: boolean;
}

const PORT_INJECTING = new Set(['railway', 'render', 'heroku-app-json']);

/** Every deployment the manifests describe, computed once per audit. */
export function deployContexts(project: Project): DeployContext[] {
  return project.derive('deploy-contexts', () =>
    // A Dockerfile or compose file under tests/ or fixtures/ is test data, not a deployment.
    [...paasContexts(project), ...replitContexts(project), ...dockerfileContexts(project), ...composeContexts(project), ...flyContexts(project)].filter((context) => !isTestPath(context.location.file)),
  );
}

/** Heroku-style platforms (Procfile, railway, render, app.json) run the start plan with PORT set. */
function paasContexts(project: Project): DeployContext[] {
  const platforms = project.manifests('platform').filter(({ manifest }) => PORT_INJECTING.has(manifest.platform));
  const procfile = project.manifests('procfile')[0];
  if (platforms.length === 0 && !procfile) return [];
  const plan = resolveStartPlanAmong(project, {}, (declaration) => !declaration.file.endsWith('.replit'));
  if (!plan?.location || plan.isInContainer) return [];
  const declared = procfile?.file.path ?? (platforms[0]?.file.path as string);
  return [{ kind: 'paas', label: plan.source, location: plan.location ?? { file: declared, line: 1 }, routedPorts: [], injectsPort: true, ...(plan.bind ? { bind: plan.bind } : {}) }];
}

/** `.replit`: the deployment runs `[deployment] run` (else `run`) and routes to `[[ports]]`. */
function replitContexts(project: Project): DeployContext[] {
  return project.manifests('replit').flatMap(({ file, manifest }) => {
    const command = manifest.deploymentRun ?? manifest.run;
    if (!command || (!manifest.deploymentRun && !manifest.ports)) return [];
    const routedPorts = (manifest.ports ?? []).map((port) => ({ port: port.port, label: port.label, location: { file: file.path, line: port.line, ...(port.column ? { column: port.column } : {}) } }));
    const env = new Map(manifest.env.map((entry) => [entry.name, entry.value]));
    const bind = bindAt(project, file.path, command, dirOf(file.path), env);
    return [{ kind: 'replit' as const, label: '.replit', location: { file: file.path, line: command.line, column: command.column }, routedPorts, injectsPort: false, ...(bind ? { bind } : {}) }];
  });
}

function dockerfileContexts(project: Project): DeployContext[] {
  return project.manifests('dockerfile').flatMap(({ file, manifest }) => {
    const context = containerContext(project, file.path, manifest, dirOf(file.path), new Map());
    if (!context) return [];
    const routedPorts = manifest.expose
      .filter((expose) => expose.protocol === 'tcp')
      .map((expose) => ({ port: expose.port, label: 'EXPOSE', location: { file: file.path, line: expose.line, column: expose.column } }));
    return [{ ...context, label: file.path, routedPorts }];
  });
}

function composeContexts(project: Project): DeployContext[] {
  return project.manifests('compose').flatMap(({ file, manifest }) =>
    manifest.services.flatMap((service) => {
      if (!service.build) return [];
      const buildContext = joinPath(dirOf(file.path), service.build.context);
      const dockerfilePath = joinPath(buildContext, service.build.dockerfile ?? 'Dockerfile');
      const dockerfile = project.facts(dockerfilePath)?.manifest;
      const env = new Map(service.environment.flatMap((entry) => (entry.value !== undefined ? [[entry.name, entry.value] as [string, string]] : [])));
      const command = service.command;
      const context = command
        ? commandContext(project, file.path, command, dockerfile?.type === 'dockerfile' ? containerBaseDir(project, dockerfile, buildContext) : undefined, dockerfile?.type === 'dockerfile' ? withImageEnv(dockerfile, env) : env)
        : dockerfile?.type === 'dockerfile'
          ? containerContext(project, dockerfilePath, dockerfile, buildContext, env)
          : undefined;
      if (!context) return [];
      const routedPorts = service.ports.flatMap((port) => (port.container ? [{ port: port.container, label: `compose ${service.name} ports`, location: { file: file.path, line: port.line, column: port.column } }] : []));
      return [{ ...context, label: `compose service ${service.name}`, routedPorts }];
    }),
  );
}

/** fly.toml runs the Dockerfile's image (or its [processes] app command) and routes to internal_port. */
function flyContexts(project: Project): DeployContext[] {
  return project.manifests('platform').flatMap(({ file, manifest }) => {
    if (manifest.platform !== 'fly' || manifest.routedPorts.length === 0) return [];
    const dockerfilePath = joinPath(dirOf(file.path), manifest.dockerfile?.value ?? 'Dockerfile');
    const dockerfile = project.facts(dockerfilePath)?.manifest;
    const env = new Map(manifest.env.flatMap((entry) => (entry.value !== undefined ? [[entry.name, entry.value] as [string, string]] : [])));
    const web = manifest.processes.find((process) => process.role === 'web');
    const image = dockerfile?.type === 'dockerfile' ? dockerfile : undefined;
    const context = web
      ? commandContext(project, file.path, web.command, image ? containerBaseDir(project, image, dirOf(dockerfilePath)) : '', image ? withImageEnv(image, env) : env)
      : image
        ? containerContext(project, dockerfilePath, image, dirOf(dockerfilePath), env)
        : undefined;
    if (!context) return [];
    const routedPorts = manifest.routedPorts.map((port) => ({ port: port.port, label: port.label, location: { file: file.path, line: port.line, ...(port.column ? { column: port.column } : {}) } }));
    return [{ ...context, label: file.path, routedPorts }];
  });
}

/** The image's CMD, run in its WORKDIR with its ENV (the outer `env`, compose's or fly's, wins). */
function containerContext(project: Project, path: string, facts: DockerfileFacts, buildContext: string, env: ReadonlyMap<string, string>): DeployContext | undefined {
  const command = imageCommand(facts);
  if (!command) return undefined;
  const run = command.wrapped ?? command.at;
  return commandContext(project, path, { command: command.wrapped ? run.command : command.command, line: run.line, column: run.column }, containerBaseDir(project, facts, buildContext), withImageEnv(facts, env));
}

/** An image whose COPY layout is unclear: its command's own flags still count, its files cannot be found. */
const UNMAPPED_DIR = '/unmapped-image-workdir';

function commandContext(project: Project, file: string, command: DeclaredCommand, baseDir: string | undefined, env: ReadonlyMap<string, string>): DeployContext {
  const bind = bindAt(project, file, command, baseDir ?? UNMAPPED_DIR, env);
  return { kind: 'container', label: file, location: { file, line: command.line, column: command.column }, routedPorts: [], injectsPort: false, ...(bind ? { bind } : {}) };
}

function withImageEnv(facts: DockerfileFacts, outer: ReadonlyMap<string, string>): Map<string, string> {
  const env = new Map(imageEnv(facts).flatMap((entry) => (entry.value !== undefined ? [[entry.name, entry.value] as [string, string]] : [])));
  for (const [name, value] of outer) env.set(name, value);
  return env;
}

function bindAt(project: Project, file: string, command: DeclaredCommand, baseDir: string, env: ReadonlyMap<string, string>): ResolvedBind | undefined {
  return bindOfCommand(project, { command: command.command, file, line: command.line, column: command.column, baseDir }, env);
}
