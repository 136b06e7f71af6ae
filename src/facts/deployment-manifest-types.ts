import type { Positioned } from '../parsers/positioned.js';
import type { DeclaredCommand } from './manifest-types.js';

/**
 * Facts of the deployment manifests the config stage parses: Dockerfiles, compose files, PaaS
 * manifests (railway, render, fly, nixpacks, vercel, app.json), supervisord and systemd units,
 * replit.nix. Plain JSON data, cached with the rest of a file's facts.
 */

/** A variable a manifest sets for the app's process. `value` is raw: never print it unredacted. */
export interface ManifestEnvEntry {
  name: string;
  /** As written; absent when the manifest forwards the deploying environment's value or the platform fills it. */
  value?: string;
  line: number;
  /** compose `- NAME` or `NAME: ${NAME}`: passes the deploying shell's value through, provides nothing itself. */
  isForwarded?: boolean;
  /** The platform fills the value: generated (render generateValue, app.json generator), linked (fromDatabase), prompted at deploy time (render sync: false). */
  platformValue?: 'generated' | 'linked' | 'prompted';
}

/** `${NAME}` in a compose file, `%(ENV_NAME)s` in supervisord: expanded from the deploying environment. */
export interface ManifestEnvReference {
  name: string;
  line: number;
  column: number;
  hasDefault: boolean;
  defaultValue?: string;
  /** Unset stops the tool (`${X:?message}`, supervisord's %(ENV_X)s). */
  strict: boolean;
  via: string;
}

/** A port the platform sends traffic to; the app must listen on it. */
export interface RoutedPort {
  port: number;
  line: number;
  column?: number;
  /** What declares it: `EXPOSE`, `[[ports]] localPort`, `[http_service] internal_port`, `ports`. */
  label: string;
}

export interface DockerCommandFacts extends DeclaredCommand {
  instruction: 'CMD' | 'ENTRYPOINT';
  form: 'exec' | 'shell';
  /** Exec form: the array; shell form: `["/bin/sh", "-c", command]`. */
  argv: string[];
  stage: number;
}

/** Every fact carries the index of its build stage (-1: before the first FROM). */
export interface DockerfileFacts {
  type: 'dockerfile';
  stages: Array<{ image: string; name?: string; line: number }>;
  env: Array<ManifestEnvEntry & { stage: number }>;
  args: Array<{ name: string; defaultValue?: string; line: number; stage: number }>;
  expose: Array<{ port: number; protocol: string; line: number; column: number; stage: number }>;
  commands: DockerCommandFacts[];
  workdirs: Array<{ path: string; line: number; stage: number }>;
  copies: Array<{ instruction: 'COPY' | 'ADD'; sources: string[]; destination: string; from?: string; line: number; stage: number }>;
  healthchecks: Array<{ command?: string; isDisabled: boolean; line: number; stage: number }>;
  users: Array<{ user: string; line: number; stage: number }>;
  // --- service stage (issue 5) ---
  /** RUN instructions (shell text, or the exec-form array joined), for install-order checks. */
  runs?: Array<{ command: string; line: number; stage: number }>;
}

export interface ComposePort {
  /** As written (`"8000:8000"`, `127.0.0.1:5432:5432`, `3000`). */
  spec: string;
  container?: number;
  published?: string;
  hostIp?: string;
  line: number;
  column: number;
}

export interface ComposeService {
  name: string;
  line: number;
  image?: string;
  build?: { context: string; dockerfile?: string; line: number };
  command?: DeclaredCommand;
  entrypoint?: DeclaredCommand;
  environment: ManifestEnvEntry[];
  envFiles: Array<{ path: string; line: number; isRequired: boolean }>;
  ports: ComposePort[];
  healthcheck?: { test?: string; isDisabled: boolean; line: number };
  dependsOn: string[];
  workingDir?: string;
}

export interface ComposeFacts {
  type: 'compose';
  services: ComposeService[];
  references: ManifestEnvReference[];
}

export type PlatformName = 'railway' | 'render' | 'fly' | 'nixpacks' | 'vercel' | 'heroku-app-json';

/** A process a platform manifest declares. */
export interface PlatformProcess {
  /** web, worker, release, cron... */
  role: string;
  /** Where it is declared, for people: `render.yaml services[0].startCommand`. */
  source: string;
  command: DeclaredCommand;
  /** Repo directory the platform runs it in (render rootDir); '' = the manifest's directory. */
  rootDir?: string;
}

/** One shape for every PaaS manifest: what it runs, builds, sets, routes and probes. */
export interface PlatformFacts {
  type: 'platform';
  platform: PlatformName;
  processes: PlatformProcess[];
  buildCommands: DeclaredCommand[];
  env: ManifestEnvEntry[];
  /** Variables the deployer is asked for with no value given (app.json `required` entries). */
  documentedEnv: Array<{ name: string; line: number; description?: string }>;
  routedPorts: RoutedPort[];
  healthPaths: Array<Positioned<string>>;
  /** The Dockerfile the platform builds, when the manifest names one. */
  dockerfile?: Positioned<string>;
  /** The platform sets PORT for the app (Railway, Render, Heroku). */
  injectsPort: boolean;
}

export interface SupervisorProgram {
  /** `web` for `[program:web]`. */
  name: string;
  line: number;
  command?: Positioned<string>;
  directory?: Positioned<string>;
  autorestart?: Positioned<string>;
  environment: ManifestEnvEntry[];
  /** stdout_logfile, stderr_logfile... */
  logFiles: Array<Positioned<string> & { key: string }>;
  user?: Positioned<string>;
}

export interface SupervisordFacts {
  type: 'supervisord';
  programs: SupervisorProgram[];
  /** [supervisord] environment= applies to every program. */
  globalEnvironment: ManifestEnvEntry[];
  /** [include] files= globs. */
  includes: Array<Positioned<string>>;
  references: ManifestEnvReference[];
}

export interface SystemdFacts {
  type: 'systemd';
  execStart?: DeclaredCommand;
  workingDirectory?: Positioned<string>;
  environment: ManifestEnvEntry[];
  environmentFiles: Array<Positioned<string> & { isOptional: boolean }>;
  restart?: Positioned<string>;
  user?: Positioned<string>;
}

export interface ReplitNixFacts {
  type: 'replit-nix';
  /** `pkgs.nodejs_20`, `pkgs.python311Packages.gunicorn`: the names after `pkgs.`. */
  packages: Array<Positioned<string>>;
}

export type DeploymentManifestFacts = DockerfileFacts | ComposeFacts | PlatformFacts | SupervisordFacts | SystemdFacts | ReplitNixFacts;
