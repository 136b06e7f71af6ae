import type { Argument } from '../../../parsers/code/call-arguments.js';
import type { CallSite } from '../../../parsers/code/call-sites.js';
import type { MountFact } from '../../service-types.js';
import { isHealthPath } from '../../service/health-paths.js';
import { type ServiceSource, argumentsOf, callsNamed, codeOf, keywordArguments, literalOf, objectValue, positionalArguments, positionOf } from './service-source.js';

const PYTHON_VIAS = new Set(['include_router', 'register_blueprint', 'mount', 'add_routes', 'add_subapp', 'path', 're_path']);
const JAVASCRIPT_VIAS = new Set(['use', 'register', 'route', 'setGlobalPrefix']);
const NAME = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*$/;

/** Routers and sub-applications attached to an app, with their prefixes. */
export function serviceMounts(source: ServiceSource): MountFact[] {
  const vias = source.family === 'python' ? PYTHON_VIAS : JAVASCRIPT_VIAS;
  const found: MountFact[] = [];
  for (const call of callsNamed(source, ...vias)) {
    const via = call.last;
    const mount = source.family === 'python' ? pythonMount(source, call, via) : javascriptMount(source, call, via);
    if (!mount) continue;
    const binding = source.bindings.get(mount.target.split('.')[0] as string);
    if (binding && mount.via !== 'include') mount.targetImport = { module: binding.module, name: binding.imported };
    found.push(mount);
  }
  return found;
}

function pythonMount(source: ServiceSource, call: CallSite, via: string): MountFact | undefined {
  const owner = call.name.slice(0, call.name.length - via.length - 1);
  const args = argumentsOf(source, call);
  const positional = positionalArguments(source, args);
  const keywords = keywordArguments(source, args);
  const at = positionOf(source, call.start);
  if (via === 'path' || via === 're_path') return djangoInclude(source, call, positional, via);
  if (!owner) return undefined;
  if (via === 'include_router' || via === 'register_blueprint' || via === 'add_routes') {
    const target = positional[0] ? codeOf(source, positional[0]) : '';
    if (!NAME.test(target)) return undefined;
    const prefix = literalOf(source, keywords.get('prefix') ?? keywords.get('url_prefix'));
    return { owner, target, via, ...at, ...(prefix !== undefined ? { prefix } : {}) };
  }
  // mount("/static", StaticFiles(...)), add_subapp("/admin", admin): a path and something we cannot see into.
  const prefix = literalOf(source, positional[0]);
  const target = positional[1] ? codeOf(source, positional[1]) : '';
  if (prefix === undefined || !target) return undefined;
  return { owner, target: target.length > 80 ? `${target.slice(0, 77)}...` : target, via, prefix, isOpaque: true, ...at };
}

/** Django `path("api/", include("blog.urls"))`: the URLconf module and its prefix. */
function djangoInclude(source: ServiceSource, call: CallSite, positional: Argument[], via: string): MountFact | undefined {
  if (call.name !== via || !source.bindings.has(via)) return undefined;
  const second = positional[1];
  if (!second || !/^include\s*\(/.test(codeOf(source, second))) return undefined;
  const prefix = literalOf(source, positional[0]);
  const paren = source.masked.code.indexOf('(', second.start);
  const inner = argumentsOf(source, { name: 'include', start: second.start, paren });
  const module = literalOf(source, inner[0]);
  if (prefix === undefined) return undefined;
  return { owner: 'urlpatterns', target: module ?? codeOf(source, inner[0] ?? second), via: 'include', prefix: via === 're_path' ? prefix.replace(/^\^/, '') : prefix, ...(module === undefined ? { isOpaque: true } : {}), ...positionOf(source, call.start) };
}

function javascriptMount(source: ServiceSource, call: CallSite, via: string): MountFact | undefined {
  const owner = call.name.slice(0, call.name.length - via.length - 1);
  if (!owner || !NAME.test(owner)) return undefined;
  const args = argumentsOf(source, call);
  const at = positionOf(source, call.start);
  if (via === 'setGlobalPrefix') {
    const prefix = literalOf(source, args[0]);
    return prefix === undefined ? undefined : { owner, target: '', via, prefix, ...at };
  }
  const first = literalOf(source, args[0]);
  // app.use('/orders', requireAuth, ordersRouter): middleware may stand between the path and the router, which comes last.
  const targetArgument = first === undefined ? args[0] : via === 'use' ? args[args.length - 1] : args[1];
  if (!targetArgument) return undefined;
  const target = codeOf(source, targetArgument);
  if (via === 'register') {
    const options = args[1];
    const prefixText = options && source.masked.code.charCodeAt(options.start) === 123 ? objectValue(source, options, 'prefix') : undefined;
    const prefix = prefixText ? /^["'`]([^"'`$]*)["'`]$/.exec(prefixText)?.[1] : undefined;
    return NAME.test(target) ? { owner, target, via, ...at, ...(prefix !== undefined ? { prefix } : {}) } : undefined;
  }
  if (via === 'route' && first === undefined) return undefined;
  // app.use('/healthz', healthcheck()): a health endpoint served by middleware.
  if (first !== undefined && isHealthPath(first) && !NAME.test(target)) return { owner, target: target.length > 80 ? `${target.slice(0, 77)}...` : target, via, prefix: first, isOpaque: true, ...at };
  const isStatic = /\.static\s*\(|serveStatic|\bstatic\s*\(/.test(target);
  const routerTarget = /^([A-Za-z_$][\w$.]*?)(?:\.routes\s*\(\s*\)|\.middleware\s*\(\s*\))?$/.exec(target)?.[1];
  if (!isStatic && !routerTarget) return undefined;
  if (!isStatic && first === undefined && via === 'use' && !/router|routes|api|app|controller/i.test(routerTarget ?? '')) return undefined;
  return { owner, target: isStatic ? 'static files' : (routerTarget as string), via, ...at, ...(first !== undefined ? { prefix: first } : {}), ...(isStatic ? { isOpaque: true } : {}) };
}
