import { posix } from 'node:path';
import { lexShell } from './lexer/shell.js';
import { TokenKind, type Token } from './lexer/token.js';

/** What a start command runs, as far as the project's files are concerned. */
export interface CommandTarget {
  /**
   * file: a script path (`node server.js`, `python main.py`, `./start.sh`);
   * python-module: `python -m app.main`; app-module: an ASGI/WSGI `module:attr` (uvicorn, gunicorn);
   * npm-script: `npm start`, `npm run web`; directory: `node .`.
   */
  kind: 'file' | 'python-module' | 'app-module' | 'npm-script' | 'directory';
  /** As written (`app.main:app`, `server.js`, `start`). */
  value: string;
  /** The program that runs it (`node`, `python`, `uvicorn`, `npm`, `sh`, `exec`). */
  runner: string;
  /** Directory the command runs in, relative to where the command is declared ('' = same place). */
  cwd: string;
  /** Extra import root for app modules (`uvicorn --app-dir src`, `gunicorn --chdir src`). */
  appDir?: string;
  /** Offset of `value` in the command string. */
  offset: number;
}

export interface ParsedCommand {
  targets: CommandTarget[];
  /** Inline assignments (`PORT=3000 node server.js`), in order. */
  env: Array<{ name: string; value: string }>;
  /** Every simple command as its words, for checks that look at programs and flags. */
  commands: Array<{ program: string; args: string[]; cwd: string; /** The program word as written (`./bin/serve`, `gunicorn`). */ word: string }>;
}

const PYTHON = /^python(\d+(\.\d+)?)?$/;
const NODE_RUNNERS = new Set(['node', 'nodemon', 'ts-node', 'ts-node-esm', 'tsx', 'bun', 'deno', 'node-dev', 'esno']);
const ASGI_SERVERS = new Set(['uvicorn', 'hypercorn', 'daphne', 'gunicorn', 'waitress-serve']);
const SHELLS = new Set(['sh', 'bash', 'zsh', 'dash', 'ksh']);
const PREFIXES = new Set(['exec', 'nohup', 'time', 'command', 'env']);
const PACKAGE_MANAGERS = new Set(['npm', 'yarn', 'pnpm', 'bun']);

/** Flags that consume the next word, per runner family. */
const VALUE_FLAGS: Record<string, ReadonlySet<string>> = {
  node: new Set(['-r', '--require', '--import', '--loader', '--experimental-loader', '--env-file', '--watch-path', '--inspect-port', '--title', '--conditions', '-C']),
  python: new Set(['-X', '-W', '-Q']),
  asgi: new Set([
    '--host', '--port', '--workers', '--app-dir', '--env-file', '--log-level', '--log-config', '--root-path', '--reload-dir',
    '--reload-include', '--reload-exclude', '--lifespan', '--loop', '--http', '--ws', '--timeout-keep-alive', '--ssl-keyfile',
    '--ssl-certfile', '--uds', '--fd', '--limit-concurrency', '--backlog', '--forwarded-allow-ips', '--timeout-graceful-shutdown',
    '-b', '--bind', '-w', '-k', '--worker-class', '-c', '--config', '--chdir', '-t', '--timeout', '--threads', '--access-logfile',
    '--error-logfile', '--log-file', '-e', '--env', '--graceful-timeout', '--keep-alive', '--max-requests', '--max-requests-jitter',
    '-p', '--pid', '-u', '--user', '-g', '--group', '--worker-tmp-dir', '--name', '-n', '--listen', '--call', '--port', '-p',
  ]),
};

/**
 * Parses a start command (`cd api && PORT=8000 exec uvicorn app.main:app --port $PORT`) into what
 * it runs. Pure; understands node/python/ASGI-WSGI servers/shells/package managers and `cd`.
 */
export function parseStartCommand(command: string, depth = 0): ParsedCommand {
  const result: ParsedCommand = { targets: [], env: [], commands: [] };
  const { tokens } = lexShell(command);
  let cwd = '';
  for (const words of splitSimpleCommands(tokens)) {
    let index = 0;
    while (index < words.length) {
      const word = words[index] as Token;
      const assignment = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(word.value);
      if (assignment) {
        result.env.push({ name: assignment[1] as string, value: assignment[2] as string });
        index += 1;
      } else if (PREFIXES.has(word.value)) index += 1;
      else break;
    }
    const rest = words.slice(index);
    const head = rest[0];
    if (!head) continue;
    const program = posix.basename(head.value);
    const args = rest.slice(1);
    result.commands.push({ program, args: args.map((token) => token.value), cwd, word: head.value });
    if (program === 'cd') {
      const target = args[0]?.value;
      if (target && !target.startsWith('$') && !target.startsWith('~')) cwd = posix.normalize(posix.join(cwd, target));
      continue;
    }
    const targets = targetsOf(program, head, args, cwd, depth);
    result.targets.push(...targets);
  }
  return result;
}

function splitSimpleCommands(tokens: Token[]): Token[][] {
  const commands: Token[][] = [];
  let current: Token[] = [];
  for (const token of tokens) {
    if (token.kind === TokenKind.Newline || (token.kind === TokenKind.Punct && token.value !== '(' && token.value !== ')')) {
      if (token.kind === TokenKind.Punct && (token.value === '>' || token.value === '>>' || token.value === '<' || token.value === '>&' || token.value === '&>')) {
        current.push({ ...token, value: '\u0000redirect' });
        continue;
      }
      if (current.length > 0) commands.push(current);
      current = [];
    } else if (token.kind !== TokenKind.Punct) {
      current.push(token);
    }
  }
  if (current.length > 0) commands.push(current);
  // Drop redirect targets (`> app.log`): they are files written, not run.
  return commands.map((words) => words.filter((word, index) => word.value !== '\u0000redirect' && words[index - 1]?.value !== '\u0000redirect'));
}

function targetsOf(program: string, head: Token, args: Token[], cwd: string, depth: number): CommandTarget[] {
  if (NODE_RUNNERS.has(program)) {
    const positional = firstPositional(program === 'deno' ? args.filter((arg) => arg.value !== 'run') : args, VALUE_FLAGS.node);
    if (!positional || positional.value.startsWith('-e')) return [];
    const kind = positional.value === '.' || positional.value === './' ? 'directory' : 'file';
    return [{ kind, value: positional.value, runner: program, cwd, offset: positional.start }];
  }
  if (PYTHON.test(program) || program === 'pypy3') return pythonTargets(args, cwd, depth);
  if (ASGI_SERVERS.has(program)) return appServerTargets(program, args, cwd);
  if (SHELLS.has(program)) {
    if (args[0]?.value === '-c' && args[1] && depth < 3) return offsetTargets(parseStartCommand(args[1].value, depth + 1).targets, args[1].start, cwd);
    const positional = firstPositional(args, new Set(['-o', '+o']));
    return positional ? [{ kind: 'file', value: positional.value, runner: program, cwd, offset: positional.start }] : [];
  }
  if (PACKAGE_MANAGERS.has(program)) return packageScriptTargets(program, args, cwd);
  if (program === 'streamlit' && args[0]?.value === 'run' && args[1]) {
    return [{ kind: 'file', value: args[1].value, runner: 'streamlit', cwd, offset: args[1].start }];
  }
  if (head.value.includes('/') && !head.value.startsWith('/') && !head.value.startsWith('$')) {
    // `./start.sh`, `bin/server`: the program itself is a project file.
    return [{ kind: 'file', value: head.value, runner: 'exec', cwd, offset: head.start }];
  }
  return [];
}

function pythonTargets(args: Token[], cwd: string, depth: number): CommandTarget[] {
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index] as Token;
    if (arg.value === '-c') return [];
    if (arg.value === '-m') {
      const moduleToken = args[index + 1];
      if (!moduleToken) return [];
      const moduleName = moduleToken.value;
      if (ASGI_SERVERS.has(moduleName)) return appServerTargets(moduleName, args.slice(index + 2), cwd);
      if (moduleName === 'flask' || moduleName === 'pip' || moduleName === 'http.server' || depth > 3) return [];
      return [{ kind: 'python-module', value: moduleName, runner: 'python', cwd, offset: moduleToken.start }];
    }
    if (VALUE_FLAGS.python?.has(arg.value)) {
      index += 1;
      continue;
    }
    if (arg.value.startsWith('-')) continue;
    return [{ kind: 'file', value: arg.value, runner: 'python', cwd, offset: arg.start }];
  }
  return [];
}

function appServerTargets(program: string, args: Token[], cwd: string): CommandTarget[] {
  let appDir: string | undefined;
  let positional: Token | undefined;
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index] as Token;
    const [flag, inlineValue] = arg.value.startsWith('--') && arg.value.includes('=') ? arg.value.split(/=(.*)/s) : [arg.value, undefined];
    if (flag === '--app-dir' || flag === '--chdir') {
      appDir = inlineValue ?? args[index + 1]?.value;
      if (inlineValue === undefined) index += 1;
      continue;
    }
    if (flag && VALUE_FLAGS.asgi?.has(flag) && inlineValue === undefined) {
      index += 1;
      continue;
    }
    if (arg.value.startsWith('-')) continue;
    positional ??= arg;
  }
  if (!positional || positional.value.startsWith('$')) return [];
  const target: CommandTarget = { kind: 'app-module', value: positional.value, runner: program, cwd, offset: positional.start };
  if (appDir !== undefined) target.appDir = appDir;
  return [target];
}

function packageScriptTargets(program: string, args: Token[], cwd: string): CommandTarget[] {
  const words = args.map((arg) => arg.value);
  const first = words[0];
  if (first === undefined) return [];
  if (first === 'start' || first === 'test') return [{ kind: 'npm-script', value: first, runner: program, cwd, offset: (args[0] as Token).start }];
  if ((first === 'run' || first === 'run-script') && args[1]) {
    return [{ kind: 'npm-script', value: args[1].value, runner: program, cwd, offset: args[1].start }];
  }
  if ((program === 'yarn' || program === 'pnpm' || program === 'bun') && !first.startsWith('-') && !['install', 'add', 'exec', 'dlx', 'x', 'ci', 'i'].includes(first)) {
    return [{ kind: 'npm-script', value: first, runner: program, cwd, offset: (args[0] as Token).start }];
  }
  return [];
}

function firstPositional(args: Token[], valueFlags: ReadonlySet<string> | undefined): Token | undefined {
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index] as Token;
    if (arg.value.startsWith('-')) {
      if (arg.value === '-e' || arg.value === '--eval' || arg.value === '-p' || arg.value === '--print') return { ...arg, value: '-e' };
      if (valueFlags?.has(arg.value)) index += 1;
      continue;
    }
    return arg;
  }
  return undefined;
}

function offsetTargets(targets: CommandTarget[], base: number, cwd: string): CommandTarget[] {
  return targets.map((target) => ({ ...target, cwd: posix.normalize(posix.join(cwd, target.cwd || '.')).replace(/^\.$/, ''), offset: base + target.offset }));
}
