import type { Argument } from '../../../parsers/code/call-arguments.js';
import { closeOf } from '../../../parsers/code/brackets.js';
import { type CallSite, lastPart } from '../../../parsers/code/call-sites.js';
import type { ServiceRouteFact } from '../../service-types.js';
import { type ServiceSource, argumentsOf, callsNamed, codeOf, keywordArguments, literalOf, positionalArguments, positionOf } from './service-source.js';

const ROUTE_CALLS = ['path', 're_path', 'add_url_rule', 'Route', 'WebSocketRoute', ...['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'view', 'route'].flatMap((verb) => [verb, `add_${verb}`])];
const AIOHTTP_VERBS = /^(?:add_)?(get|post|put|patch|delete|head|options|view|route)$/;
const HANDLER_BASES = /\b(?:Base|Simple|CGI)HTTPRequestHandler\b/;
const PATH_TEST = /\bpath\b[\w.()[\]]*\s*(?:==|!=|\bin\b|\.startswith\s*\()/;

/** Routes of Django URLconfs, aiohttp route tables, Flask `add_url_rule` and `http.server` handler classes. */
export function pythonServiceRoutes(source: ServiceSource): ServiceRouteFact[] {
  const routes: ServiceRouteFact[] = [];
  for (const call of callsNamed(source, ...ROUTE_CALLS)) {
    const last = call.last;
    if ((call.name === 'path' || call.name === 're_path') && source.bindings.get(call.name)?.module.startsWith('django')) routes.push(...djangoRoute(source, call));
    else if (last === 'add_url_rule') routes.push(...flaskRule(source, call));
    else if ((call.name === 'Route' || call.name === 'WebSocketRoute') && source.bindings.get(call.name)?.module.startsWith('starlette')) routes.push(...starletteRoute(source, call));
    else if (AIOHTTP_VERBS.test(last) && (call.name.startsWith('web.') || last.startsWith('add_')) && source.bindings.has('web')) routes.push(...aiohttpRoute(source, call, last));
  }
  routes.push(...requestHandlerRoutes(source));
  return routes;
}

function djangoRoute(source: ServiceSource, call: CallSite): ServiceRouteFact[] {
  const positional = positionalArguments(source, argumentsOf(source, call));
  const path = literalOf(source, positional[0]);
  const view = positional[1] ? codeOf(source, positional[1]) : '';
  if (path === undefined || !view || /^include\s*\(/.test(view)) return [];
  const handler = view.replace(/\.as_view\s*\(.*\)$/s, '');
  const route = call.name === 're_path' ? path.replace(/^\^/, '').replace(/\$$/, '') : path;
  return [{ method: 'ANY', path: `/${route}`, handler: handler.length > 80 ? `${handler.slice(0, 77)}...` : handler, owner: 'urlpatterns', framework: 'Django', ...positionOf(source, call.start), ...handlerIndexOf(source, lastPart(handler)) }];
}

function flaskRule(source: ServiceSource, call: CallSite): ServiceRouteFact[] {
  const args = argumentsOf(source, call);
  const positional = positionalArguments(source, args);
  const keywords = keywordArguments(source, args);
  const path = literalOf(source, positional[0]);
  if (path === undefined || !path.startsWith('/')) return [];
  const viewArgument = keywords.get('view_func') ?? positional[2];
  const handler = viewArgument ? codeOf(source, viewArgument).replace(/\.as_view\s*\(.*\)$/s, '') : (literalOf(source, positional[1]) ?? '');
  const methods = keywords.get('methods');
  const method = methods ? source.masked.text.slice(methods.start, methods.end).replace(/[[\]()"'\s]/g, '').split(',').filter(Boolean).join('|').toUpperCase() : 'GET';
  return [{ method: method || 'GET', path, handler, owner: call.name.slice(0, -'.add_url_rule'.length), framework: 'Flask', ...positionOf(source, call.start), ...handlerIndexOf(source, lastPart(handler)) }];
}

/** `Route("/users/{id}", user, methods=["GET"])`, prefixed by the `Mount("/api", routes=[...])` calls around it. */
function starletteRoute(source: ServiceSource, call: CallSite): ServiceRouteFact[] {
  const args = argumentsOf(source, call);
  const positional = positionalArguments(source, args);
  const keywords = keywordArguments(source, args);
  const path = literalOf(source, positional[0] ?? keywords.get('path'));
  const endpoint = positional[1] ?? keywords.get('endpoint');
  if (path === undefined || !endpoint) return [];
  const prefixes = callsNamed(source, 'Mount')
    .filter((mount) => mount.name === 'Mount' && mount.paren < call.start && closeOf(source.brackets, mount.paren) > call.start)
    .map((mount) => literalOf(source, positionalArguments(source, argumentsOf(source, mount))[0]) ?? '');
  const methods = keywords.get('methods');
  const method = call.name === 'WebSocketRoute' ? 'WEBSOCKET' : methods ? source.masked.text.slice(methods.start, methods.end).replace(/[[\]()"'\s]/g, '').split(',').filter(Boolean).join('|').toUpperCase() : 'GET';
  const handler = codeOf(source, endpoint);
  return [{ method, path: [...prefixes, path].join('').replace(/\/{2,}/g, '/'), handler, owner: 'routes', framework: 'Starlette', ...positionOf(source, call.start), ...handlerIndexOf(source, lastPart(handler)) }];
}

/** `app.router.add_get("/x", handler)`, `app.router.add_route("GET", "/x", h)`, `web.get("/x", handler)`. */
function aiohttpRoute(source: ServiceSource, call: CallSite, last: string): ServiceRouteFact[] {
  const args = positionalArguments(source, argumentsOf(source, call));
  const verb = (AIOHTTP_VERBS.exec(last)?.[1] as string).toUpperCase();
  const isGeneric = verb === 'ROUTE';
  const path = literalOf(source, args[isGeneric ? 1 : 0]);
  const handlerArgument: Argument | undefined = args[isGeneric ? 2 : 1];
  if (path === undefined || !path.startsWith('/') || !handlerArgument) return [];
  const method = isGeneric ? (literalOf(source, args[0]) ?? 'ANY').toUpperCase().replace('*', 'ANY') : verb === 'VIEW' ? 'ANY' : verb;
  const handler = codeOf(source, handlerArgument);
  const owner = call.name.replace(/\.router\.\w+$|\.\w+$/, '');
  return [{ method, path, handler, owner, framework: 'aiohttp', ...positionOf(source, call.start), ...handlerIndexOf(source, lastPart(handler)) }];
}

/** `class Handler(BaseHTTPRequestHandler)` with `do_GET`...: one route per path it compares `self.path` with, or `*`. */
function requestHandlerRoutes(source: ServiceSource): ServiceRouteFact[] {
  const python = source.passes.python;
  if (!python || !HANDLER_BASES.test(source.masked.code)) return [];
  const handlerClasses = new Set(python.structure.blocks.filter((block) => block.kind === 'class' && HANDLER_BASES.test(source.masked.code.slice(block.start, block.colon))).map((block) => /\bclass\s+(\w+)/.exec(source.masked.code.slice(block.start, block.colon))?.[1]));
  const routes: ServiceRouteFact[] = [];
  source.code.functions.forEach((fact, index) => {
    const verb = /^do_([A-Z]+)$/.exec(fact.name)?.[1];
    if (!verb || !fact.className || !handlerClasses.has(fact.className)) return;
    const base = { method: verb, handler: `${fact.className}.${fact.name}`, owner: fact.className, framework: 'http.server', handlerIndex: index };
    const paths = comparedPaths(source, fact.line, fact.endLine);
    if (paths.length === 0) routes.push({ ...base, path: '*', line: fact.line, column: fact.column });
    for (const path of paths) routes.push({ ...base, ...path });
  });
  return routes;
}

/** String literals starting with `/` on lines that compare a request path (`if self.path == "/health":`). */
export function comparedPaths(source: ServiceSource, firstLine: number, lastLine: number, test: RegExp = PATH_TEST): Array<{ path: string; line: number; column: number }> {
  const { masked } = source;
  const start = masked.lineStarts[firstLine - 1] ?? 0;
  const end = masked.lineStarts[lastLine] ?? masked.text.length;
  const found: Array<{ path: string; line: number; column: number }> = [];
  const seen = new Set<string>();
  for (let index = 0; index < masked.stringStarts.length; index += 1) {
    const at = masked.stringStarts[index] as number;
    if (at < start || at >= end) continue;
    const lineStart = masked.code.lastIndexOf('\n', at) + 1;
    if (!test.test(masked.code.slice(lineStart, at))) continue;
    const value = literalOf(source, { start: at, end: masked.stringEnds[index] as number });
    if (value === undefined || !/^\/[\w\-./]*$/.test(value) || seen.has(value)) continue;
    seen.add(value);
    found.push({ path: value, ...positionOf(source, at) });
  }
  return found;
}

function handlerIndexOf(source: ServiceSource, name: string): { handlerIndex?: number } {
  const index = source.code.functions.findIndex((fact) => fact.name === name && !fact.className);
  return index === -1 ? {} : { handlerIndex: index };
}
