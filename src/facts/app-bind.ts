import type { Location } from '../model/location.js';
import { parseStartCommand } from '../parsers/start-command.js';
import { type CommandBind, commandBinds } from './command-binds.js';
import { dirOf, joinPath } from './deployment-declarations.js';
import type { Project } from './project.js';
import { scriptExports, scriptStartCommand } from './start-script.js';
import { isTestPath } from './path-roles.js';
import type { BindValue, ListenFact } from './types.js';

/** What the app started by a command binds, after following scripts, npm scripts and code. */
export interface ResolvedBind {
  /** `gunicorn`, `uvicorn`, `app.listen`, `app.run`... */
  server: string;
  /** The flag on the command line, the listen call in code, or the command when only defaults apply. */
  location: Location;
  /** Effective host, when known: `0.0.0.0`, `127.0.0.1`, `localhost`, `::`. */
  host?: string;
  isDefaultHost: boolean;
  /** Effective port, when known (the context's value of the variable, else its fallback). */
  port?: number;
  /** The variable the port comes from (`PORT`), when it does. */
  portEnv?: string;
  portFallback?: number;
  /** Fixed in the command or the code, or the server's own fixed default: it ignores $PORT. */
  isFixedPort: boolean;
  isDefaultPort: boolean;
}

/** A command as it runs in one deployment: where it is written and the repo directory it runs in. */
export interface CommandInContext {
  command: string;
  file: string;
  line: number;
  column: number;
  baseDir: string;
}

const MAX_STEPS = 6;

/**
 * Follows a start command to the server it starts: a server's flags and defaults (uvicorn,
 * gunicorn...), else the script, npm script or source file it runs and the `listen` in it.
 * `env` holds the values the deployment sets (Dockerfile ENV, compose environment...).
 */
export function bindOfCommand(project: Project, start: CommandInContext, env: ReadonlyMap<string, string>, options: { isPortInjected?: boolean } = {}): ResolvedBind | undefined {
  const queue: CommandInContext[] = [start];
  const values = new Map(env);
  for (let step = 0; step < MAX_STEPS && queue.length > 0; step += 1) {
    const current = queue.shift() as CommandInContext;
    const server = commandBinds(current.command);
    if (server) {
      const hasConfig = server.hasConfigFile || (server.server === 'gunicorn' && project.hasFile(joinPath(current.baseDir, 'gunicorn.conf.py')));
      return hasConfig ? undefined : fromCommand(server, current, values, options.isPortInjected === true || values.has('PORT'));
    }
    for (const target of parseStartCommand(current.command).targets) {
      const dir = joinPath(current.baseDir, target.cwd);
      if (target.kind === 'npm-script') {
        const script = packageScript(project, dir, target.value);
        if (script) queue.push(script);
        continue;
      }
      const files = target.kind === 'python-module' ? [`${joinPath(dir, target.value.replace(/\./g, '/'))}.py`, joinPath(dir, target.value.replace(/\./g, '/'), '__main__.py')] : [joinPath(dir, target.value.replace(/^\.\//, ''))];
      const path = files.find((candidate) => project.facts(candidate)?.source);
      if (!path) continue;
      const script = project.facts(path)?.source?.shell;
      if (script) {
        for (const exported of scriptExports(script)) values.set(exported.name, exported.value);
        const last = scriptStartCommand(script, (command) => commandBinds(command) !== undefined || parseStartCommand(command).targets.length > 0);
        if (last) queue.push({ command: last.text, file: path, line: last.line, column: 1, baseDir: dirOf(path) });
        continue;
      }
      return listenIn(project, path, values) ?? projectListen(project, path, values);
    }
  }
  return undefined;
}

function packageScript(project: Project, dir: string, name: string): CommandInContext | undefined {
  const path = joinPath(dir, 'package.json');
  const manifest = project.facts(path)?.manifest;
  if (manifest?.type !== 'package-json') return undefined;
  const script = manifest.scripts[name];
  if (script) return { command: script.command, file: path, line: script.line, column: script.column, baseDir: dir };
  // `npm start` with no start script runs `node server.js`.
  return name === 'start' && project.hasFile(joinPath(dir, 'server.js')) ? { command: 'node server.js', file: path, line: 1, column: 1, baseDir: dir } : undefined;
}

function fromCommand(server: CommandBind, at: CommandInContext, env: ReadonlyMap<string, string>, isPortSet: boolean): ResolvedBind {
  const location = { file: at.file, line: at.line, column: at.column };
  const host = resolveHost(server.host, env);
  const bind: ResolvedBind = { server: server.server, location, isDefaultHost: server.host === undefined, isFixedPort: false, isDefaultPort: server.port === undefined };
  if (server.host === undefined) bind.host = isPortSet && server.port === undefined ? (server.defaultHostWithPort ?? server.defaultHost) : server.defaultHost;
  else if (host !== undefined) bind.host = host;
  if (server.port !== undefined) return { ...bind, ...resolvePort(server.port, env) };
  if (server.readsPortEnv) return { ...bind, ...resolvePort({ kind: 'env', name: 'PORT', ...(server.defaultPort ? { fallback: String(server.defaultPort) } : {}) }, env) };
  return server.defaultPort === undefined ? bind : { ...bind, port: server.defaultPort, isFixedPort: true };
}

/** The first server started in the entry file (its `__main__` block runs: the file is the program). */
function listenIn(project: Project, path: string, env: ReadonlyMap<string, string>): ResolvedBind | undefined {
  const listen = project.facts(path)?.source?.listens?.[0];
  return listen ? fromListen(project, path, listen, env) : undefined;
}

/**
 * The entry file starts no server itself (it imports the module that does): use the project's
 * servers when they all agree, outside tests and other files' `__main__` blocks.
 */
function projectListen(project: Project, entry: string, env: ReadonlyMap<string, string>): ResolvedBind | undefined {
  const language = project.facts(entry)?.kind === 'python' ? ['python'] : ['javascript', 'typescript'];
  const found = project
    .allFacts()
    .filter((facts) => language.includes(facts.kind) && !isTestPath(facts.path))
    .flatMap((facts) => (facts.source?.listens ?? []).filter((listen) => !listen.isMainOnly).map((listen) => fromListen(project, facts.path, listen, env)));
  const first = found[0];
  if (!first) return undefined;
  const isSame = found.every((bind) => bind.host === first.host && bind.port === first.port && bind.portEnv === first.portEnv);
  return isSame ? first : undefined;
}

function fromListen(project: Project, path: string, listen: ListenFact, env: ReadonlyMap<string, string>): ResolvedBind {
  const bind: ResolvedBind = { server: listen.api, location: { file: path, line: listen.line, column: listen.column }, isDefaultHost: listen.host === undefined, isFixedPort: false, isDefaultPort: listen.port === undefined };
  const host = listen.host === undefined ? listen.defaultHost : resolveHost(settingsField(project, listen.host), env);
  if (host !== undefined) bind.host = host;
  if (listen.port !== undefined) return { ...bind, ...resolvePort(settingsField(project, listen.port), env) };
  return listen.defaultPort === undefined ? bind : { ...bind, port: listen.defaultPort, isFixedPort: true };
}

/** `settings.port` where Settings is a pydantic BaseSettings with a `port` field: that field's variable. */
function settingsField(project: Project, value: BindValue): BindValue {
  if (value.kind !== 'unknown') return value;
  const field = /\.\s*([A-Za-z_][A-Za-z0-9_]*)$/.exec(value.text)?.[1];
  if (!field) return value;
  for (const facts of project.allFacts()) {
    const envRead = facts.source?.envReads.find((candidate) => candidate.via.startsWith('pydantic ') && candidate.via.endsWith(`.${field}`));
    if (envRead) return { kind: 'env', name: envRead.name, ...(envRead.defaultValue !== undefined && envRead.defaultValue !== '<expression>' ? { fallback: envRead.defaultValue } : {}) };
  }
  return value;
}

function resolveHost(value: BindValue | undefined, env: ReadonlyMap<string, string>): string | undefined {
  if (!value) return undefined;
  if (value.kind === 'literal') return value.value === '' ? '0.0.0.0' : value.value;
  if (value.kind === 'env') return env.get(value.name) ?? value.fallback;
  return undefined;
}

function resolvePort(value: BindValue, env: ReadonlyMap<string, string>): Pick<ResolvedBind, 'port' | 'portEnv' | 'portFallback' | 'isFixedPort'> {
  if (value.kind === 'literal') {
    const port = toPort(value.value);
    return port === undefined ? { isFixedPort: false } : { port, isFixedPort: true };
  }
  if (value.kind === 'unknown') return { isFixedPort: false };
  const fallback = toPort(value.fallback);
  const port = toPort(env.get(value.name)) ?? fallback;
  return { portEnv: value.name, isFixedPort: false, ...(port !== undefined ? { port } : {}), ...(fallback !== undefined ? { portFallback: fallback } : {}) };
}

function toPort(text: string | undefined): number | undefined {
  if (text === undefined || !/^\s*\d{1,5}\s*$/.test(text)) return undefined;
  const port = Number(text);
  return port > 0 && port <= 65535 ? port : undefined;
}
