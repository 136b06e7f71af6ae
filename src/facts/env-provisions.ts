import { posix } from 'node:path';
import type { ManifestEnvEntry, ManifestEnvReference, PlatformName } from './deployment-manifest-types.js';
import { imageEnv, finalStageChain } from './dockerfile-image.js';
import type { EnvDocumentation, EnvProvision, EnvRead } from './env-contract.js';
import { isExampleEnvFile } from './env-files.js';
import type { Project } from './project.js';
import { scriptExports } from './start-script.js';
import { resolveStartTargets, startDeclarations } from './start-targets.js';
import { extractEnvReads } from './extract/env-reads.js';
import { lexShell } from '../parsers/lexer/shell.js';
import type { FileFacts } from './types.js';

type Provision = EnvProvision & { name: string };

/** What each platform calls its variables, for the contract's "provided by" column. */
const PLATFORM_SOURCE: Record<PlatformName, string> = {
  railway: 'railway variables',
  render: 'render.yaml envVars',
  fly: 'fly.toml [env]',
  nixpacks: 'nixpacks.toml [variables]',
  vercel: 'vercel.json env',
  'heroku-app-json': 'app.json env',
};

function fromEntry(file: string, source: string, entry: ManifestEnvEntry): Provision {
  const provision: Provision = { name: entry.name, file, line: entry.line, source };
  if (entry.value !== undefined) provision.value = entry.value;
  if (entry.isForwarded) provision.isForwarded = true;
  if (entry.platformValue) provision.platformValue = entry.platformValue;
  return provision;
}

/** Dockerfile ENV of the image's stages, and ARG defaults (build time, and what ENV copies from them). */
export function dockerfileProvisions(project: Project): Provision[] {
  return project.manifests('dockerfile').flatMap(({ file, manifest }) => {
    const chain = finalStageChain(manifest);
    const env = imageEnv(manifest).map((entry) => fromEntry(file.path, 'Dockerfile ENV', entry));
    const args = manifest.args
      .filter((arg) => arg.defaultValue !== undefined && (arg.stage === -1 || chain.includes(arg.stage)))
      .map((arg) => ({ name: arg.name, file: file.path, line: arg.line, source: 'Dockerfile ARG (build time)', value: arg.defaultValue as string }));
    return [...env, ...args];
  });
}

/**
 * compose `environment:` entries and the entries of each `env_file:` the project contains, for the
 * services built from this repository (an `image: postgres` service's variables are the image's).
 */
export function composeProvisions(project: Project): Provision[] {
  return project.manifests('compose').flatMap(({ file, manifest }) =>
    manifest.services.filter((service) => service.build !== undefined).flatMap((service) => [
      ...service.environment.map((entry) => fromEntry(file.path, `compose ${service.name} environment`, entry)),
      ...service.envFiles.flatMap((envFile) => envFileEntries(project, file.path, envFile.path, `compose ${service.name} env_file`)),
    ]),
  );
}

/** Entries of a dotenv file a manifest points at, when it ships (tracked, or the tree is not under git). */
function envFileEntries(project: Project, manifestPath: string, relative: string, source: string): Provision[] {
  const path = posix.normalize(posix.join(posix.dirname(manifestPath), relative)).replace(/^\.\//, '');
  const facts = project.facts(path);
  if (facts?.manifest?.type !== 'dotenv' || isExampleEnvFile(path) || project.file(path)?.tracked === false) return [];
  return facts.manifest.entries.map((entry) => ({ name: entry.key, file: path, line: entry.line, source, value: entry.value }));
}

export function supervisordProvisions(project: Project): Provision[] {
  return project.manifests('supervisord').flatMap(({ file, manifest }) => [
    ...manifest.globalEnvironment.map((entry) => fromEntry(file.path, 'supervisord [supervisord] environment', entry)),
    ...manifest.programs.flatMap((program) => program.environment.map((entry) => fromEntry(file.path, `supervisord ${program.name} environment`, entry))),
  ]);
}

export function systemdProvisions(project: Project): Provision[] {
  return project.manifests('systemd').flatMap(({ file, manifest }) => manifest.environment.map((entry) => fromEntry(file.path, 'systemd Environment=', entry)));
}

/** fly [env], render envVars, nixpacks [variables], vercel env, app.json env. */
export function platformProvisions(project: Project): Provision[] {
  return project.manifests('platform').flatMap(({ file, manifest }) => manifest.env.map((entry) => fromEntry(file.path, PLATFORM_SOURCE[manifest.platform], entry)));
}

/** `export NAME=value` in a script a start command runs: the program it starts inherits it. */
export function startScriptProvisions(project: Project): Provision[] {
  const scripts = new Set(resolveStartTargets(project).flatMap((resolved) => resolved.candidates.filter((candidate) => project.facts(candidate)?.kind === 'shell')));
  return [...scripts].flatMap((path) =>
    scriptExports(project.facts(path)?.source?.shell ?? { commands: [], trapsTerm: false }).map((exported) => ({ name: exported.name, file: path, line: exported.line, source: 'start script export', value: exported.value })),
  );
}

/** `${NAME}` in compose files and `%(ENV_NAME)s` in supervisord: read from the deploying environment. */
export function manifestReads(facts: FileFacts): Array<EnvRead & { name: string }> {
  const manifest = facts.manifest;
  const references: ManifestEnvReference[] = manifest?.type === 'compose' || manifest?.type === 'supervisord' ? manifest.references : [];
  return references.map(({ name, line, column, via, strict, hasDefault, defaultValue }) => ({ name, file: facts.path, line, column, via, strict, hasDefault, ...(defaultValue !== undefined ? { defaultValue } : {}) }));
}

/** `$NAME` in start commands (Procfile, .replit run, startCommand...): the shell expands it at start. */
export function startCommandReads(project: Project): Array<EnvRead & { name: string }> {
  return startDeclarations(project).flatMap((declaration) =>
    extractEnvReads('shell', lexShell(declaration.command.command).tokens).map(({ name, column, ...rest }) => ({
      ...rest,
      name,
      file: declaration.file,
      line: declaration.command.line,
      column: declaration.command.column + column - 1,
      via: `${declaration.source} (shell expansion)`,
    })),
  );
}

/** Heroku app.json entries with no value: the deploy asks for them, so they are documented. */
export function appJsonDocumentation(project: Project): Array<EnvDocumentation & { name: string }> {
  return project.manifests('platform').flatMap(({ file, manifest }) => manifest.documentedEnv.map((entry) => ({ name: entry.name, file: file.path, line: entry.line, value: '' })));
}
