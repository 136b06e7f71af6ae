import type { SourceLanguage } from '../../model/file-kind.js';
import { type Token, TokenKind } from '../../parsers/lexer/token.js';
import { type CallArgument, argumentNamed, boundedClosingIndex, callArguments, logicalLines } from './call-arguments.js';
import { isName, isPunct } from './env-reads.js';

/** A call that starts a server: its name, its defaults, and which arguments are host and port. */
export interface ServerApi {
  name: string;
  defaultHost?: string;
  defaultPort?: number;
  read(args: CallArgument[], tokens: readonly Token[]): { host?: CallArgument; port?: CallArgument } | undefined;
}

/** Dev servers of Python web frameworks, by the class the app object is made from: defaults of `app.run()`. */
const PYTHON_APPS: Record<string, { host: string; port: number; isAppFirst?: boolean }> = {
  Flask: { host: '127.0.0.1', port: 5000 },
  Quart: { host: '127.0.0.1', port: 5000 },
  Sanic: { host: '127.0.0.1', port: 8000 },
  Dash: { host: '127.0.0.1', port: 8050 },
  Bottle: { host: '127.0.0.1', port: 8080 },
  SocketIO: { host: '127.0.0.1', port: 5000, isAppFirst: true },
};
const NOT_SERVERS = new Set(['asyncio', 'subprocess', 'trio', 'anyio', 'loop', 'uvloop', 'pool', 'executor', 'runner', 'pytest', 'unittest', 'celery', 'scheduler']);
const SOCKET_SERVERS = new Set(['HTTPServer', 'ThreadingHTTPServer', 'TCPServer', 'ThreadingTCPServer', 'WSGIServer']);

function keywordsOrPositions(host: number | undefined, port: number | undefined): ServerApi['read'] {
  return (args) => {
    const hostArg = argumentNamed(args, 'host', host);
    const portArg = argumentNamed(args, 'port', port);
    return { ...(hostArg ? { host: hostArg } : {}), ...(portArg ? { port: portArg } : {}) };
  };
}

/** Python: `app.run(...)`, `uvicorn.run(...)`, `web.run_app(...)`, `HTTPServer((host, port), ...)`, `make_server`, waitress `serve`. */
export function pythonApi(callee: string, receivers: ReadonlyMap<string, string>, tokens: readonly Token[], paren: number, imported: ReadonlySet<string>): ServerApi | undefined {
  const parts = callee.split('.');
  const method = parts.at(-1) ?? '';
  const receiver = parts.slice(0, -1).join('.');
  if (callee === 'uvicorn.run' || (callee === 'run' && imported.has('uvicorn.run'))) {
    return { name: 'uvicorn.run', defaultHost: '127.0.0.1', defaultPort: 8000, read: keywordsOrPositions(undefined, undefined) };
  }
  if (method === 'run_app') return { name: callee, defaultHost: '0.0.0.0', defaultPort: 8080, read: keywordsOrPositions(undefined, undefined) };
  if (SOCKET_SERVERS.has(method)) return { name: callee, read: (args) => addressTuple(tokens, args[0]) };
  if (callee === 'make_server' || callee === 'wsgiref.simple_server.make_server' || callee === 'simple_server.make_server') {
    return { name: callee, read: keywordsOrPositions(0, 1) };
  }
  if (callee === 'waitress.serve' || (callee === 'serve' && imported.has('waitress.serve'))) {
    return { name: 'waitress.serve', defaultHost: '0.0.0.0', defaultPort: 8080, read: keywordsOrPositions(undefined, undefined) };
  }
  if (method !== 'run' && method !== 'run_server') return undefined;
  const app = PYTHON_APPS[receivers.get(receiver) ?? ''];
  if (app) return { name: callee, defaultHost: app.host, defaultPort: app.port, read: keywordsOrPositions(app.isAppFirst ? 1 : 0, app.isAppFirst ? 2 : 1) };
  // An unknown object's run() is a server only when it is given a host or port.
  if (!receiver || NOT_SERVERS.has(parts[0] ?? '')) return undefined;
  const args = callArguments(tokens, paren);
  if (!args.some((arg) => arg.keyword === 'host' || arg.keyword === 'port')) return undefined;
  return { name: callee, defaultHost: '127.0.0.1', read: keywordsOrPositions(undefined, undefined) };
}

/** `HTTPServer(("0.0.0.0", 8000), Handler)`: the first argument is a (host, port) tuple. */
function addressTuple(tokens: readonly Token[], arg: CallArgument | undefined): { host?: CallArgument; port?: CallArgument } | undefined {
  if (!arg || !isPunct(tokens[arg.start], '(')) return undefined;
  const [host, port] = callArguments(tokens, arg.start);
  if (!host || !port) return undefined;
  return { host, port };
}

/** `from uvicorn import run` -> "uvicorn.run": names imported from modules, computed once per file. */
export function pythonImports(tokens: readonly Token[]): Set<string> {
  const imported = new Set<string>();
  for (let index = 0; index + 3 < tokens.length; index += 1) {
    if (!isName(tokens[index], 'from') || tokens[index + 1]?.kind !== TokenKind.Name || !isName(tokens[index + 2], 'import')) continue;
    const module = (tokens[index + 1] as Token).value;
    let cursor = index + 3;
    for (; cursor < tokens.length && tokens[cursor]?.kind !== TokenKind.Newline; cursor += 1) {
      const token = tokens[cursor] as Token;
      if (token.kind === TokenKind.Name) imported.add(`${module}.${token.value}`);
    }
    index = cursor;
  }
  return imported;
}

/**
 * Lines that run only when the file is the program itself: the body of
 * `if __name__ == "__main__":` (Python) or `if (require.main === module) { ... }` (JS).
 */
export function findMainGuardLines(language: SourceLanguage, tokens: readonly Token[]): Set<number> {
  const lines = new Set<number>();
  if (language === 'python') {
    const logical = logicalLines(tokens);
    logical.forEach(([start, end], index) => {
      if (!isName(tokens[start], 'if')) return;
      const head = tokens.slice(start, end);
      if (!isName(head[0], 'if') || !head.some((token) => isName(token, '__name__')) || !head.some((token) => token.kind === TokenKind.String && token.value === '__main__')) return;
      const column = (head[0] as Token).column;
      for (const token of head) lines.add(token.line);
      for (let next = index + 1; next < logical.length; next += 1) {
        const [bodyStart, bodyEnd] = logical[next] as [number, number];
        if ((tokens[bodyStart] as Token).column <= column) break;
        for (let cursor = bodyStart; cursor < bodyEnd; cursor += 1) lines.add((tokens[cursor] as Token).line);
      }
    });
    return lines;
  }
  for (let index = 0; index + 6 < tokens.length; index += 1) {
    const isGuard = isName(tokens[index], 'require') && isPunct(tokens[index + 1], '.') && isName(tokens[index + 2], 'main') && (isPunct(tokens[index + 3], '===') || isPunct(tokens[index + 3], '==')) && isName(tokens[index + 4], 'module');
    if (!isGuard) continue;
    let open = -1;
    for (let cursor = index + 5; cursor < Math.min(tokens.length, index + 12) && open === -1; cursor += 1) if (isPunct(tokens[cursor], '{')) open = cursor;
    const close = open === -1 ? -1 : boundedClosingIndex(tokens, open);
    if (close === -1) continue;
    for (let line = (tokens[open] as Token).line; line <= (tokens[close] as Token).line; line += 1) lines.add(line);
  }
  return lines;
}
