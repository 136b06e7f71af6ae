import { closeOf } from '../../../parsers/code/brackets.js';
import type { CallSite } from '../../../parsers/code/call-sites.js';
import type { RouteFact } from '../../code-types.js';
import type { BodyReadFact } from '../../service-types.js';
import { type ServiceSource, argumentsOf, callsNamed, codeOf, functionRange, positionOf } from './service-source.js';

const FLASK_READ = /\brequest\s*\.\s*(?:(get_json)\s*\(|(json)\b(?!\s*\())/g;
const DJANGO_READ = /\bjson\s*\.\s*loads\s*\(\s*request\s*\.\s*body\b/g;
const JAVASCRIPT_READ = /\b(?:req|request)\s*\.\s*(?:(body)\b|(json)\s*\(\s*\))/g;
const PYTHON_VALIDATION = /\.(?:model_validate(?:_json)?|parse_obj|parse_raw|validate(?:_python|_json)?|load|is_valid|validate_on_submit)\s*\(|\b[A-Z]\w*\s*\(\s*\*\*|\b(?:validate|TypeAdapter|from_dict)\s*\(/;
const PYTHON_VALIDATING_DECORATOR = /(?:^|\.)(?:validate|use_args|use_kwargs|expects_json|arguments|expect|input|validate_request|validate_json)$/;
const JAVASCRIPT_VALIDATION = /(?<!\b(?:JSON|qs|url|querystring|path|cookie|Date))\.(?:parse|safeParse|parseAsync|safeParseAsync|validate|validateAsync|validateSync|assert|cast)\s*\(|\b(?:validationResult|matchedData|plainToInstance|plainToClass|validateOrReject|validate)\s*\(/;
const VALIDATOR_MIDDLEWARE = /valid|schema|celebrate|checkSchema|\bbody\s*\(|zValidator|sValidator|vValidator|tbValidator|typiaValidator/i;

/**
 * Request bodies read in handlers, and whether the handler passes them through a schema. JS/TS
 * reads count only in request handlers (see isRequestHandler): `request.body` of a plain object
 * (a request config being built) is not a client's body.
 */
export function bodyReads(source: ServiceSource, routes: readonly RouteFact[]): { reads: BodyReadFact[]; validatedHandlers: string[] } {
  if (source.family === 'python') return { reads: pythonReads(source), validatedHandlers: [] };
  const validated = validatedRoutes(source);
  const routeHandlers = new Set(routes.map((route) => route.handlerIndex));
  // Fastify validates bodies against the route's `schema` option.
  const isFastifyWithSchemas = [...source.bindings.values()].some((binding) => binding.module === 'fastify') && /\bschema\s*:/.test(source.masked.code);
  const reads: BodyReadFact[] = [];
  const seen = new Set<number>();
  for (const match of source.masked.code.matchAll(JAVASCRIPT_READ)) {
    const at = match.index as number;
    const functionIndex = source.passes.functionIndexAt(at);
    if (functionIndex === -1 || seen.has(functionIndex)) continue;
    if (!routeHandlers.has(functionIndex) && !isRequestHandler(source, functionIndex, match[0])) continue;
    seen.add(functionIndex);
    const isValidated = isFastifyWithSchemas || validated.indexes.has(functionIndex) || matchesIn(source, functionIndex, JAVASCRIPT_VALIDATION);
    reads.push({ api: match[1] ? `${match[0].split('.')[0]?.trim()}.body` : `${match[0].split('.')[0]?.trim()}.json()`, functionIndex, isValidated, ...positionOf(source, at) });
  }
  return { reads, validatedHandlers: validated.names };
}

const VERB_HANDLER = /^(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)$/;
const REQUEST_PARAMETER = /^(?:req|request)$/;
const RESPONSE_PARAMETER = /^(?:res|resp|response|reply|h|next)$/;

/**
 * A function that handles a request: registered as a route handler, a Next.js route export
 * (`export async function POST(request)`), or written with a handler signature (`(req, res)`,
 * `(request, reply)`, Koa `(ctx)` reading `ctx.request.body`) wherever it is registered.
 */
function isRequestHandler(source: ServiceSource, functionIndex: number, read: string): boolean {
  const fact = source.code.functions[functionIndex];
  if (!fact) return false;
  if (fact.isHandler) return true;
  const parameters = parameterNames(source, (source.masked.lineStarts[fact.line - 1] ?? 0) + fact.column - 1);
  const reader = read.split('.')[0]?.trim() ?? '';
  if (parameters[0] !== reader && !(parameters[0] === 'ctx' && reader === 'request')) return false;
  return VERB_HANDLER.test(fact.name) || parameters[0] === 'ctx' || (REQUEST_PARAMETER.test(reader) && RESPONSE_PARAMETER.test(parameters[1] ?? ''));
}

/** The parameter names of the function starting at `start` (the first parenthesis after it). */
function parameterNames(source: ServiceSource, start: number): string[] {
  const bare = /^(?:async\s+)?([A-Za-z_$][\w$]*)\s*=>/.exec(source.masked.code.slice(start, start + 100));
  if (bare) return [bare[1] as string];
  const open = source.masked.code.indexOf('(', start);
  if (open === -1 || open - start > 200) return [];
  const close = closeOf(source.brackets, open);
  if (close === -1) return [];
  return source.masked.code.slice(open + 1, close).split(',').map((part) => /^\s*(?:\.\.\.)?([A-Za-z_$][\w$]*)/.exec(part)?.[1] ?? '');
}

function pythonReads(source: ServiceSource): BodyReadFact[] {
  const isFlask = ['flask', 'quart'].includes(source.bindings.get('request')?.module ?? '');
  const reads: BodyReadFact[] = [];
  const seen = new Set<number>();
  const add = (at: number, api: string): void => {
    const functionIndex = source.passes.functionIndexAt(at);
    if (functionIndex === -1 || seen.has(functionIndex)) return;
    seen.add(functionIndex);
    const decorators = source.code.functions[functionIndex]?.decorators ?? [];
    const isValidated = decorators.some((name) => PYTHON_VALIDATING_DECORATOR.test(name)) || matchesIn(source, functionIndex, PYTHON_VALIDATION);
    reads.push({ api, functionIndex, isValidated, ...positionOf(source, at) });
  };
  if (isFlask) for (const match of source.masked.code.matchAll(FLASK_READ)) add(match.index as number, match[1] ? 'request.get_json()' : 'request.json');
  for (const match of source.masked.code.matchAll(DJANGO_READ)) add(match.index as number, 'json.loads(request.body)');
  return reads.sort((a, b) => a.line - b.line);
}

function matchesIn(source: ServiceSource, functionIndex: number, pattern: RegExp): boolean {
  const range = functionRange(source, functionIndex);
  return range !== undefined && pattern.test(source.masked.code.slice(range.start, range.end));
}

/** Routes registered with a validating middleware (`router.post('/x', validate(schema), handler)`): their handlers. */
function validatedRoutes(source: ServiceSource): { indexes: Set<number>; names: string[] } {
  const indexes = new Set<number>();
  const names: string[] = [];
  if (source.code.routes.length === 0) return { indexes, names };
  const byStart = new Map<number, CallSite>(callsNamed(source, 'get', 'post', 'put', 'patch', 'delete', 'del', 'head', 'options', 'all').map((call) => [call.start, call]));
  for (const route of source.code.routes) {
    const call = byStart.get((source.masked.lineStarts[route.line - 1] ?? 0) + route.column - 1);
    if (!call) continue;
    const middle = argumentsOf(source, call).slice(1, -1);
    if (!middle.some((arg) => VALIDATOR_MIDDLEWARE.test(source.masked.text.slice(arg.start, arg.end)) || VALIDATOR_MIDDLEWARE.test(codeOf(source, arg)))) continue;
    if (route.handlerIndex !== undefined) indexes.add(route.handlerIndex);
    if (route.handler) names.push(route.handler);
  }
  return { indexes, names };
}
