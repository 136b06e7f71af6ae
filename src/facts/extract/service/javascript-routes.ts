import { closeOf } from '../../../parsers/code/brackets.js';
import { lastPart } from '../../../parsers/code/call-sites.js';
import type { ServiceObjectFact, ServiceRouteFact } from '../../service-types.js';
import { comparedPaths } from './python-routes.js';
import { type ServiceSource, argumentsOf, callsNamed, codeOf, literalOf, objectValue, positionOf } from './service-source.js';

const VERB = /^(get|post|put|patch|delete|head|options|all)$/;
const NEST_VERB = /@(Get|Post|Put|Patch|Delete|Head|Options|All)\s*\(/g;
const CHAIN_VERB = /^\s*\.\s*(get|post|put|patch|delete|head|options|all)\s*\(/;
const URL_TEST = /\b(?:req|request)\.url\b|\bpathname\b|\burl\b\s*(?:===?|!==?)|\bcase\s*$/;

/** Routes of NestJS controllers, Fastify `route({...})`, Express `router.route('/x').get(...)` chains and plain node:http servers. */
export function javascriptServiceRoutes(source: ServiceSource, objects: readonly ServiceObjectFact[]): ServiceRouteFact[] {
  const routes: ServiceRouteFact[] = knownOwnerRoutes(source, objects);
  if (source.bindings.get('Controller')?.module === '@nestjs/common') routes.push(...nestRoutes(source));
  for (const call of callsNamed(source, 'route')) {
    if (!/^[A-Za-z_$][\w$]*\.route$/.test(call.name)) continue;
    const args = argumentsOf(source, call);
    if (args.length === 1 && source.masked.code.charCodeAt((args[0] as { start: number }).start) === 123) routes.push(...fastifyRoute(source, call.name.slice(0, -6), args[0] as { start: number; end: number }, call.start));
    else if (args.length === 1) routes.push(...expressChain(source, call.name.slice(0, -6), call.paren, literalOf(source, args[0]), call.start));
  }
  if (/\bcreateServer\s*\(/.test(source.masked.code)) routes.push(...nodeHttpRoutes(source));
  return routes;
}

/** `@Controller('users')` classes and their `@Get(':id')` methods. */
function nestRoutes(source: ServiceSource): ServiceRouteFact[] {
  const { code } = source.masked;
  const controllers: Array<{ at: number; prefix: string; name: string }> = [];
  for (const match of code.matchAll(/@Controller\s*\(/g)) {
    const paren = (match.index as number) + match[0].length - 1;
    const args = argumentsOf(source, { name: 'Controller', start: match.index as number, paren });
    const prefix = literalOf(source, args[0]) ?? '';
    const name = /^[\s\S]*?\bclass\s+([A-Za-z_$][\w$]*)/.exec(code.slice(paren, paren + 400))?.[1] ?? '';
    controllers.push({ at: match.index as number, prefix, name });
  }
  const routes: ServiceRouteFact[] = [];
  for (const match of code.matchAll(NEST_VERB)) {
    const at = match.index as number;
    const controller = controllers.filter((candidate) => candidate.at < at).at(-1);
    if (!controller) continue;
    const paren = at + match[0].length - 1;
    const args = argumentsOf(source, { name: match[1] as string, start: at, paren });
    const path = literalOf(source, args[0]) ?? '';
    const close = closeOf(source.brackets, paren);
    const method = /^(?:\s*@\w+\s*(?:\([^)]*\))?)*\s*(?:public\s+|private\s+|protected\s+)?(?:async\s+)?([A-Za-z_$][\w$]*)\s*\(/.exec(code.slice(close + 1, close + 400))?.[1] ?? '';
    const full = `/${[controller.prefix, path].map((part) => part.replace(/^\/+|\/+$/g, '')).filter(Boolean).join('/')}`;
    routes.push({ method: (match[1] as string).toUpperCase().replace('ALL', 'ANY'), path: full, handler: `${controller.name}.${method}`, owner: controller.name, framework: 'NestJS', ...positionOf(source, at) });
  }
  return routes;
}

/** `fastify.route({ method: 'GET', url: '/x', handler })`. */
function fastifyRoute(source: ServiceSource, owner: string, options: { start: number; end: number }, start: number): ServiceRouteFact[] {
  const url = objectValue(source, options, 'url') ?? objectValue(source, options, 'path');
  const path = url ? /^["'`]([^"'`$]*)["'`]$/.exec(url)?.[1] : undefined;
  if (path === undefined) return [];
  const methodText = objectValue(source, options, 'method') ?? 'ANY';
  const method = methodText.replace(/[[\]"'`\s]/g, '').split(',').filter(Boolean).join('|').toUpperCase() || 'ANY';
  const handler = objectValue(source, options, 'handler') ?? '';
  return [{ method, path, handler: /^[\w$.]+$/.test(handler) ? handler : '', owner, framework: 'Fastify', ...positionOf(source, start) }];
}

/** `router.route('/books').get(list).post(create)`. */
function expressChain(source: ServiceSource, owner: string, paren: number, path: string | undefined, start: number): ServiceRouteFact[] {
  if (path === undefined || !path.startsWith('/')) return [];
  const { code } = source.masked;
  const routes: ServiceRouteFact[] = [];
  let close = closeOf(source.brackets, paren);
  for (let hops = 0; close !== -1 && hops < 10; hops += 1) {
    const verb = CHAIN_VERB.exec(code.slice(close + 1, close + 40));
    if (!verb) break;
    const next = code.indexOf('(', close + 1);
    const args = argumentsOf(source, { name: verb[1] as string, start: close + 1, paren: next });
    const last = args.at(-1);
    const handler = last ? codeOf(source, last) : '';
    routes.push({ method: verb[1] === 'all' ? 'ANY' : (verb[1] as string).toUpperCase(), path, handler: /^[\w$.]+$/.test(handler) ? handler : '', owner, framework: 'Express', ...positionOf(source, start) });
    close = closeOf(source.brackets, next);
  }
  return routes;
}

/** `http.createServer((req, res) => { if (req.url === '/health') ... })`: the paths it compares the URL with. */
function nodeHttpRoutes(source: ServiceSource): ServiceRouteFact[] {
  const servers = callsNamed(source, 'createServer');
  const routes: ServiceRouteFact[] = [];
  for (const server of servers) {
    const at = positionOf(source, server.start);
    const close = closeOf(source.brackets, server.paren);
    const last = close === -1 ? at.line : positionOf(source, close).line;
    const paths = comparedPaths(source, at.line, last, URL_TEST);
    const base = { method: 'ANY', handler: '', owner: 'createServer', framework: 'node:http' };
    if (paths.length === 0) routes.push({ ...base, path: '*', ...at });
    for (const path of paths) routes.push({ ...base, ...path });
  }
  return routes;
}

/**
 * `api.post('/users', handler)` on an app or router this file creates. The code facts leave out
 * owners that are usually HTTP clients (`api`, `client`); a name bound to `express.Router()` is not one.
 */
function knownOwnerRoutes(source: ServiceSource, objects: readonly ServiceObjectFact[]): ServiceRouteFact[] {
  const owners = new Map(objects.filter((fact) => (fact.kind === 'app' || fact.kind === 'router') && fact.name).map((fact) => [fact.name, fact.framework]));
  if (owners.size === 0) return [];
  const known = new Set(source.code.routes.map((route) => `${route.line}:${route.column}`));
  const routes: ServiceRouteFact[] = [];
  for (const call of callsNamed(source, 'get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'all')) {
    const dot = call.name.lastIndexOf('.');
    const verb = VERB.exec(call.name.slice(dot + 1))?.[1];
    const framework = verb ? owners.get(call.name.slice(0, dot)) : undefined;
    if (!verb || !framework) continue;
    const at = positionOf(source, call.start);
    if (known.has(`${at.line}:${at.column}`)) continue;
    const args = argumentsOf(source, call);
    const path = literalOf(source, args[0]);
    const last = args.at(-1);
    if (path === undefined || !/^[/*]/.test(path) || args.length < 2 || !last) continue;
    const text = codeOf(source, last);
    const inline = source.passes.functionIndexAt(Math.max(last.start, last.end - 2));
    const isInline = inline !== -1 && (source.code.functions[inline]?.line ?? 0) >= positionOf(source, last.start).line;
    routes.push({ method: verb === 'all' ? 'ANY' : verb.toUpperCase(), path, handler: /^[\w$.]+$/.test(text) ? lastPart(text) : '', owner: call.name.slice(0, dot), framework, ...at, ...(isInline ? { handlerIndex: inline } : {}) });
  }
  return routes;
}
