import { posix } from 'node:path';
import { parseStartCommand } from '../parsers/start-command.js';
import type { BindValue } from './types.js';

/** What a server started from the command line binds: flags given, and the server's defaults. */
export interface CommandBind {
  /** uvicorn, gunicorn, flask run, next start, manage.py runserver... */
  server: string;
  host?: BindValue;
  port?: BindValue;
  defaultHost: string;
  defaultPort?: number;
  /** With no port flag the server listens on $PORT when it is set (gunicorn, next start, serve). */
  readsPortEnv: boolean;
  /** The default host when PORT is set (gunicorn binds 0.0.0.0:$PORT then, 127.0.0.1:8000 otherwise). */
  defaultHostWithPort?: string;
  /** A config file may set the bind (`gunicorn -c gunicorn.conf.py`): flags and defaults may not be the truth. */
  hasConfigFile: boolean;
}

interface ServerSpec {
  defaultHost: string;
  defaultPort?: number;
  readsPortEnv?: boolean;
  defaultHostWithPort?: string;
  host?: string[];
  port?: string[];
  /** Flags taking `host:port`. */
  bind?: string[];
  config?: string[];
}

const LOOPBACK = '127.0.0.1';
const ALL = '0.0.0.0';

/** Servers started from the command line and what they bind when not told. */
const SERVERS: Record<string, ServerSpec> = {
  uvicorn: { defaultHost: LOOPBACK, defaultPort: 8000, host: ['--host'], port: ['--port'] },
  gunicorn: { defaultHost: LOOPBACK, defaultPort: 8000, readsPortEnv: true, defaultHostWithPort: ALL, bind: ['-b', '--bind'], config: ['-c', '--config'] },
  hypercorn: { defaultHost: LOOPBACK, defaultPort: 8000, bind: ['-b', '--bind'], config: ['-c', '--config'] },
  daphne: { defaultHost: LOOPBACK, defaultPort: 8000, host: ['-b', '--bind'], port: ['-p', '--port'] },
  'waitress-serve': { defaultHost: ALL, defaultPort: 8080, host: ['--host'], port: ['--port'], bind: ['--listen'] },
  'flask run': { defaultHost: LOOPBACK, defaultPort: 5000, host: ['--host', '-h'], port: ['--port', '-p'] },
  'fastapi run': { defaultHost: ALL, defaultPort: 8000, host: ['--host'], port: ['--port'] },
  'fastapi dev': { defaultHost: LOOPBACK, defaultPort: 8000, host: ['--host'], port: ['--port'] },
  'manage.py runserver': { defaultHost: LOOPBACK, defaultPort: 8000 },
  'http.server': { defaultHost: ALL, defaultPort: 8000, host: ['--bind', '-b'] },
  'streamlit run': { defaultHost: ALL, defaultPort: 8501, host: ['--server.address'], port: ['--server.port'] },
  'next start': { defaultHost: ALL, defaultPort: 3000, readsPortEnv: true, host: ['-H', '--hostname'], port: ['-p', '--port'] },
  'next dev': { defaultHost: ALL, defaultPort: 3000, readsPortEnv: true, host: ['-H', '--hostname'], port: ['-p', '--port'] },
  vite: { defaultHost: LOOPBACK, defaultPort: 5173, host: ['--host'], port: ['--port'] },
  'vite preview': { defaultHost: LOOPBACK, defaultPort: 4173, host: ['--host'], port: ['--port'] },
  serve: { defaultHost: ALL, defaultPort: 3000, readsPortEnv: true, port: ['-p'], bind: ['-l', '--listen'] },
  'http-server': { defaultHost: ALL, defaultPort: 8080, readsPortEnv: true, host: ['-a'], port: ['-p', '--port'] },
};

const WRAPPERS = new Set(['npx', 'pnpx', 'bunx', 'exec', 'poetry', 'pipenv', 'uv', 'pdm', 'hatch']);
const MAX_NESTING = 3;

/** The first server a command starts (looking inside `sh -c "..."` and runner prefixes), with its binds. */
export function commandBinds(command: string): CommandBind | undefined {
  const queue: Array<{ text: string; depth: number }> = [{ text: command, depth: 0 }];
  while (queue.length > 0) {
    const { text, depth } = queue.shift() as { text: string; depth: number };
    for (const simple of parseStartCommand(text).commands) {
      const words = stripWrappers([simple.program, ...simple.args]);
      const head = words[0] ?? '';
      if ((head === 'sh' || head === 'bash') && words[1] === '-c' && words[2] !== undefined && depth < MAX_NESTING) {
        queue.push({ text: words[2], depth: depth + 1 });
        continue;
      }
      const found = serverOf(words);
      if (found) return bindsOf(found.name, SERVERS[found.name] as ServerSpec, words.slice(found.argsFrom));
    }
  }
  return undefined;
}

function stripWrappers(words: string[]): string[] {
  let index = 0;
  while (index < words.length && WRAPPERS.has(posix.basename(words[index] as string))) {
    const word = words[index] as string;
    index += word === 'poetry' || word === 'pipenv' || word === 'uv' || word === 'pdm' || word === 'hatch' ? 2 : 1; // `poetry run`, `uv run`
  }
  return words.slice(index);
}

/** Which server the words start, and where its own arguments begin. */
function serverOf(words: readonly string[]): { name: string; argsFrom: number } | undefined {
  const program = posix.basename(words[0] ?? '');
  if (/^python(\d+(\.\d+)?)?$/.test(program)) {
    if (words[1] === '-m') {
      const module = words[2] ?? '';
      if (module === 'flask' && words.includes('run')) return { name: 'flask run', argsFrom: words.indexOf('run') + 1 };
      if (module === 'http.server') return { name: 'http.server', argsFrom: 3 };
      return SERVERS[module] ? { name: module, argsFrom: 3 } : undefined;
    }
    if (posix.basename(words[1] ?? '') === 'manage.py' && words[2] === 'runserver') return { name: 'manage.py runserver', argsFrom: 3 };
    return undefined;
  }
  // `flask --app shop run --port 5000`: options may come before `run`.
  if (program === 'flask' && words.includes('run')) return { name: 'flask run', argsFrom: words.indexOf('run') + 1 };
  if (program === 'streamlit' && words[1] === 'run') return { name: 'streamlit run', argsFrom: 3 };
  if (program === 'fastapi' && (words[1] === 'run' || words[1] === 'dev')) return { name: `fastapi ${words[1]}`, argsFrom: 2 };
  if (program === 'next' && (words[1] === 'start' || words[1] === 'dev')) return { name: `next ${words[1]}`, argsFrom: 2 };
  if (program === 'vite') return words[1] === 'preview' ? { name: 'vite preview', argsFrom: 2 } : { name: 'vite', argsFrom: words[1] === 'dev' || words[1] === 'serve' ? 2 : 1 };
  if (program === 'manage.py' && words[1] === 'runserver') return { name: 'manage.py runserver', argsFrom: 2 };
  return SERVERS[program] && !program.includes(' ') ? { name: program, argsFrom: 1 } : undefined;
}

function bindsOf(server: string, spec: ServerSpec, args: readonly string[]): CommandBind {
  const bind: CommandBind = { server, defaultHost: spec.defaultHost, readsPortEnv: spec.readsPortEnv ?? false, hasConfigFile: false };
  if (spec.defaultPort !== undefined) bind.defaultPort = spec.defaultPort;
  if (spec.defaultHostWithPort !== undefined) bind.defaultHostWithPort = spec.defaultHostWithPort;
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index] as string;
    const [flag, inline] = arg.startsWith('-') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const next = (): string | undefined => (inline !== undefined ? inline : args[++index]);
    if (spec.config?.includes(flag)) {
      bind.hasConfigFile = true;
      next();
    } else if (spec.bind?.includes(flag)) Object.assign(bind, splitHostPort(next() ?? ''));
    else if (spec.host?.includes(flag)) {
      // `vite --host` with no value listens on every interface.
      const value = server.startsWith('vite') && (args[index + 1] === undefined || args[index + 1]?.startsWith('-')) && inline === undefined ? ALL : next();
      if (value !== undefined) bind.host = bindValue(value);
    } else if (spec.port?.includes(flag)) {
      const value = next();
      if (value !== undefined) bind.port = bindValue(value);
    } else if (!arg.startsWith('-') && (server === 'manage.py runserver' || server === 'http.server') && bind.port === undefined) {
      // `runserver 0.0.0.0:8000`, `runserver 8000`, `http.server 8000`
      Object.assign(bind, arg.includes(':') ? splitHostPort(arg) : { port: bindValue(arg) });
    }
  }
  return bind;
}

/** `0.0.0.0:$PORT`, `:8000`, `[::]:8000`, `unix:/run/app.sock` (no TCP bind), `tcp://host:port`. */
function splitHostPort(value: string): Pick<CommandBind, 'host' | 'port'> {
  const text = value.replace(/^tcp:\/\//, '');
  if (text.startsWith('unix:') || text.startsWith('fd://')) return {};
  const colon = lastColonOutsideBraces(text);
  if (colon === -1) return /^\d+$|^\$/.test(text) ? { port: bindValue(text) } : { host: bindValue(text) };
  const host = text.slice(0, colon).replace(/^\[(.*)\]$/, '$1');
  const port = text.slice(colon + 1);
  return { host: bindValue(host === '' ? ALL : host), ...(port ? { port: bindValue(port) } : {}) };
}

/** `0.0.0.0:${PORT:-8000}`: the separator is the last colon outside `${...}`. */
function lastColonOutsideBraces(text: string): number {
  let depth = 0;
  let found = -1;
  for (let index = 0; index < text.length; index += 1) {
    const char = text.charAt(index);
    if (char === '{') depth += 1;
    else if (char === '}') depth = Math.max(0, depth - 1);
    else if (char === ':' && depth === 0) found = index;
  }
  return found;
}

/** `8000` -> literal; `$PORT`, `${PORT}`, `${PORT:-8000}`, `%(ENV_PORT)s` -> env; anything else unknown. */
export function bindValue(text: string): BindValue {
  const env = /^\$\{?([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?\}?$|^%\(ENV_([A-Za-z_][A-Za-z0-9_]*)\)s$/.exec(text);
  if (env) {
    const fallback = env[2];
    return { kind: 'env', name: (env[1] ?? env[3]) as string, ...(fallback !== undefined ? { fallback } : {}) };
  }
  return /[$`]/.test(text) ? { kind: 'unknown', text } : { kind: 'literal', value: text };
}
