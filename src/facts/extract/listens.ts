import type { SourceLanguage } from '../../model/file-kind.js';
import { type Token, TokenKind } from '../../parsers/lexer/token.js';
import type { BindValue, EnvReadFact, ListenFact } from '../types.js';
import { type CallArgument, argumentNamed, boundedClosingIndex, callArguments } from './call-arguments.js';
import { isName, isPunct } from './env-reads.js';
import { dottedNameBefore } from './token-names.js';
import { findMainGuardLines, pythonApi, pythonImports, type ServerApi } from './listen-apis.js';

/** A file that starts more servers than this is not an app entry point; the bound keeps the pass linear. */
const MAX_LISTENS = 20;
/** How far back an assignment (`PORT = ...`) is looked for. */
const MAX_LOOKBACK = 5000;

/** Where the code starts a server and what host and port it gives it. */
export function extractListens(language: SourceLanguage, tokens: readonly Token[], envReads: readonly EnvReadFact[]): ListenFact[] {
  if (language === 'shell') return [];
  const listens: ListenFact[] = [];
  // Computed on the first candidate call only: most files start no server.
  let file: FileContext | undefined;
  for (let index = 1; index < tokens.length && listens.length < MAX_LISTENS; index += 1) {
    const name = tokens[index - 1] as Token;
    if (name.kind !== TokenKind.Name || !SERVER_CALL_NAMES.has(name.value) || !isPunct(tokens[index], '(')) continue;
    file ??= fileContext(language, tokens, envReads);
    const callee = dottedNameBefore(tokens as Token[], index);
    const api = language === 'python' ? pythonApi(callee, file.receivers, tokens, index, file.imported) : javascriptApi(callee, file.receivers, tokens);
    if (!api) continue;
    const found = api.read(callArguments(tokens, index), tokens);
    if (!found) continue;
    const start = callee.includes('.') ? calleeStart(tokens, index) : name;
    const fact: ListenFact = { line: start.line, column: start.column, api: api.name, isMainOnly: file.guard.has(start.line) };
    if (found.host) fact.host = classify(file.values, found.host, index, 0);
    if (found.port) fact.port = classify(file.values, found.port, index, 0);
    if (api.defaultHost !== undefined) fact.defaultHost = api.defaultHost;
    if (api.defaultPort !== undefined) fact.defaultPort = api.defaultPort;
    listens.push(fact);
  }
  return listens;
}

/** The last name of every call `extractListens` looks at; anything else is skipped at once. */
const SERVER_CALL_NAMES = new Set(['run', 'run_app', 'run_server', 'serve', 'make_server', 'listen', 'HTTPServer', 'ThreadingHTTPServer', 'TCPServer', 'ThreadingTCPServer', 'WSGIServer']);

interface FileContext {
  values: ValueContext;
  guard: Set<number>;
  receivers: Map<string, string>;
  imported: Set<string>;
}

function fileContext(language: SourceLanguage, tokens: readonly Token[], envReads: readonly EnvReadFact[]): FileContext {
  return {
    values: { tokens, language, readsAt: new Map(envReads.map((envRead) => [`${envRead.line}:${envRead.column}`, envRead])) },
    guard: findMainGuardLines(language, tokens),
    receivers: language === 'python' ? pythonReceivers(tokens) : javascriptReceivers(tokens),
    imported: language === 'python' ? pythonImports(tokens) : new Set<string>(),
  };
}

function calleeStart(tokens: readonly Token[], paren: number): Token {
  let index = paren - 1;
  while (index >= 2 && isPunct(tokens[index - 1], '.') && tokens[index - 2]?.kind === TokenKind.Name) index -= 2;
  return tokens[index] as Token;
}

/** `app = Flask(__name__)`: names bound to app objects, with the class they were made from. */
function pythonReceivers(tokens: readonly Token[]): Map<string, string> {
  const receivers = new Map<string, string>();
  for (let index = 2; index + 1 < tokens.length; index += 1) {
    const token = tokens[index] as Token;
    if (token.kind !== TokenKind.Name || !isPunct(tokens[index + 1], '(')) continue;
    let target = index - 1;
    while (isPunct(tokens[target], '.') && isName(tokens[target - 1])) target -= 2;
    if (isPunct(tokens[target], '=') && isName(tokens[target - 1])) receivers.set((tokens[target - 1] as Token).value, token.value);
  }
  return receivers;
}

function javascriptReceivers(tokens: readonly Token[]): Map<string, string> {
  const receivers = new Map<string, string>();
  for (let index = 2; index + 1 < tokens.length; index += 1) {
    const token = tokens[index] as Token;
    if (token.kind !== TokenKind.Name || !/^fastify$/i.test(token.value) || !isPunct(tokens[index + 1], '(')) continue;
    if (isPunct(tokens[index - 1], '=') && isName(tokens[index - 2])) receivers.set((tokens[index - 2] as Token).value, 'fastify');
  }
  return receivers;
}

/** Node/Bun/Deno: `server.listen(port, host)`, `fastify.listen({ port, host })`, `Bun.serve({ port })`. */
function javascriptApi(callee: string, receivers: ReadonlyMap<string, string>, tokens: readonly Token[]): ServerApi | undefined {
  const parts = callee.split('.');
  const method = parts.at(-1);
  const receiver = parts.slice(0, -1).join('.');
  if (callee === 'Bun.serve' || callee === 'Deno.serve') {
    return { name: callee, defaultHost: '0.0.0.0', defaultPort: callee === 'Bun.serve' ? 3000 : 8000, read: (args) => objectBind(tokens, args[0], 'hostname') };
  }
  if (method !== 'listen') return undefined;
  const isFastify = receivers.get(receiver) === 'fastify';
  return {
    name: callee,
    // Node's net.Server listens on every interface by default; Fastify on localhost only.
    defaultHost: isFastify ? '127.0.0.1' : '0.0.0.0',
    read(args) {
      const first = args[0];
      if (!first) return undefined;
      if (isPunct(tokens[first.start], '{')) return objectBind(tokens, first, 'host');
      const second = args[1];
      const hostArg = second && isHostLike(tokens, second) ? second : undefined;
      return { port: first, ...(hostArg ? { host: hostArg } : {}) };
    },
  };
}

/** A second `listen` argument is a host when it is a string or a variable, not a callback. */
function isHostLike(tokens: readonly Token[], arg: CallArgument): boolean {
  const span = tokens.slice(arg.start, arg.end);
  if (span.some((token) => isPunct(token, '=>') || isName(token, 'function'))) return false;
  return span.length === 1 || span.some((token) => token.kind === TokenKind.String || isName(token, 'env'));
}

function objectBind(tokens: readonly Token[], arg: CallArgument | undefined, hostKey: string): { host?: CallArgument; port?: CallArgument } | undefined {
  if (!arg || !isPunct(tokens[arg.start], '{')) return undefined;
  const properties = callArguments(tokens, arg.start).map((property) => (property.keyword === undefined && property.end - property.start === 1 ? { ...property, keyword: (tokens[property.start] as Token).value } : property));
  const port = argumentNamed(properties, 'port');
  const host = argumentNamed(properties, hostKey);
  return { ...(port ? { port } : {}), ...(host ? { host } : {}) };
}

interface ValueContext {
  tokens: readonly Token[];
  language: SourceLanguage;
  readsAt: ReadonlyMap<string, EnvReadFact>;
}

const WRAPPERS = new Set(['int', 'str', 'float', 'Number', 'String', 'parseInt', 'parseFloat']);
const MAX_HOPS = 3;

/** A literal, an environment variable (with its fallback), or an expression we cannot follow. */
function classify(context: ValueContext, arg: CallArgument, callIndex: number, hops: number): BindValue {
  const { tokens } = context;
  const span = tokens.slice(arg.start, arg.end);
  const envIndex = span.findIndex((token) => context.readsAt.has(`${token.line}:${token.column}`));
  if (envIndex !== -1) {
    const envRead = context.readsAt.get(`${(span[envIndex] as Token).line}:${(span[envIndex] as Token).column}`) as EnvReadFact;
    const fallback = envRead.defaultValue !== undefined && envRead.defaultValue !== '<expression>' ? envRead.defaultValue : literalAfterFallback(span, envIndex);
    return { kind: 'env', name: envRead.name, ...(fallback !== undefined ? { fallback } : {}) };
  }
  const meaningful = span.filter((token) => token.kind !== TokenKind.Punct && !(token.kind === TokenKind.Name && WRAPPERS.has(token.value)));
  const only = meaningful[0];
  if (meaningful.length === 1 && only && (only.kind === TokenKind.Number || only.kind === TokenKind.String)) return { kind: 'literal', value: only.value };
  const isBareName = meaningful.length === 1 && only?.kind === TokenKind.Name && !span.some((token) => isPunct(token, '.'));
  if (isBareName && hops < MAX_HOPS) {
    const assigned = assignmentOf(context, only.value, callIndex);
    if (assigned) return classify(context, assigned, assigned.start, hops + 1);
  }
  return { kind: 'unknown', text: span.map((token) => (token.kind === TokenKind.String ? JSON.stringify(token.value) : token.value)).join(context.language === 'python' ? ' ' : '').slice(0, 80) };
}

/** `process.env.PORT || 3000` where the read itself did not record it (`Number(process.env.PORT) || 3000`). */
function literalAfterFallback(span: readonly Token[], from: number): string | undefined {
  for (let index = from + 1; index + 1 < span.length; index += 1) {
    const token = span[index] as Token;
    const isFallback = isPunct(token, '||') || isPunct(token, '??') || isName(token, 'or');
    const next = span[index + 1] as Token;
    if (isFallback && (next.kind === TokenKind.Number || next.kind === TokenKind.String)) return next.value;
  }
  return undefined;
}

/** The expression last assigned to `name` before the call (`PORT = ...`, `const port = ...`). */
function assignmentOf(context: ValueContext, name: string, before: number): CallArgument | undefined {
  const { tokens } = context;
  for (let index = before - 1; index >= Math.max(0, before - MAX_LOOKBACK); index -= 1) {
    const token = tokens[index] as Token;
    if (token.kind !== TokenKind.Name || token.value !== name) continue;
    let equals = index + 1;
    if (context.language === 'python' && isPunct(tokens[equals], ':')) equals = findEquals(tokens, equals, token.line);
    if (equals === -1 || !isPunct(tokens[equals], '=')) continue;
    return { start: equals + 1, end: statementEnd(context, equals + 1) };
  }
  return undefined;
}

function findEquals(tokens: readonly Token[], from: number, line: number): number {
  for (let index = from; index < tokens.length && (tokens[index] as Token).line === line; index += 1) if (isPunct(tokens[index], '=')) return index;
  return -1;
}

const CONTINUES = new Set(['||', '??', '&&', '(', ',', '+', '-', '?', ':', '.', '=']);

function statementEnd(context: ValueContext, start: number): number {
  const { tokens } = context;
  const depth = tokens[start]?.depth ?? 0;
  for (let index = start; index < tokens.length; index += 1) {
    const token = tokens[index] as Token;
    if (token.kind === TokenKind.Newline) return index;
    if (token.depth < depth || (token.depth === depth && (isPunct(token, ';') || isPunct(token, ',')))) return index;
    if (isPunct(token, '(') || isPunct(token, '[') || isPunct(token, '{')) {
      const close = boundedClosingIndex(tokens, index);
      if (close === -1) return tokens.length;
      index = close;
      continue;
    }
    const previous = tokens[index - 1];
    if (context.language !== 'python' && index > start && previous && token.line > previous.line && !(previous.kind === TokenKind.Punct && CONTINUES.has(previous.value)) && !(token.kind === TokenKind.Punct && CONTINUES.has(token.value))) return index;
  }
  return tokens.length;
}
