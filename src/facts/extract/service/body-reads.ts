import type { CallSite } from '../../../parsers/code/call-sites.js';
import type { BodyReadFact } from '../../service-types.js';
import { type ServiceSource, argumentsOf, codeOf, functionRange, positionOf } from './service-source.js';

const FLASK_READ = /\brequest\s*\.\s*(?:(get_json)\s*\(|(json)\b(?!\s*\())/g;
const DJANGO_READ = /\bjson\s*\.\s*loads\s*\(\s*request\s*\.\s*body\b/g;
const JAVASCRIPT_READ = /\b(?:req|request)\s*\.\s*(?:(body)\b|(json)\s*\(\s*\))/g;
const PYTHON_VALIDATION = /\.(?:model_validate(?:_json)?|parse_obj|parse_raw|validate(?:_python|_json)?|load|is_valid|validate_on_submit)\s*\(|\b[A-Z]\w*\s*\(\s*\*\*|\b(?:validate|TypeAdapter|from_dict)\s*\(/;
const PYTHON_VALIDATING_DECORATOR = /(?:^|\.)(?:validate|use_args|use_kwargs|expects_json|arguments|expect|input|validate_request|validate_json)$/;
const JAVASCRIPT_VALIDATION = /(?<!\b(?:JSON|qs|url|querystring|path|cookie|Date))\.(?:parse|safeParse|parseAsync|safeParseAsync|validate|validateAsync|validateSync|assert|cast)\s*\(|\b(?:validationResult|matchedData|plainToInstance|plainToClass|validateOrReject|validate)\s*\(/;
const VALIDATOR_MIDDLEWARE = /valid|schema|celebrate|checkSchema|\bbody\s*\(|zValidator|sValidator|vValidator|tbValidator|typiaValidator/i;

/** Request bodies read in handlers, and whether the handler passes them through a schema. */
export function bodyReads(source: ServiceSource): { reads: BodyReadFact[]; validatedHandlers: string[] } {
  if (source.family === 'python') return { reads: pythonReads(source), validatedHandlers: [] };
  const validated = validatedRoutes(source);
  // Fastify validates bodies against the route's `schema` option.
  const isFastifyWithSchemas = [...source.bindings.values()].some((binding) => binding.module === 'fastify') && /\bschema\s*:/.test(source.masked.code);
  const reads: BodyReadFact[] = [];
  const seen = new Set<number>();
  for (const match of source.masked.code.matchAll(JAVASCRIPT_READ)) {
    const at = match.index as number;
    const functionIndex = source.passes.functionIndexAt(at);
    if (functionIndex === -1 || seen.has(functionIndex)) continue;
    seen.add(functionIndex);
    const isValidated = isFastifyWithSchemas || validated.indexes.has(functionIndex) || matchesIn(source, functionIndex, JAVASCRIPT_VALIDATION);
    reads.push({ api: match[1] ? `${match[0].split('.')[0]?.trim()}.body` : `${match[0].split('.')[0]?.trim()}.json()`, functionIndex, isValidated, ...positionOf(source, at) });
  }
  return { reads, validatedHandlers: validated.names };
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
  const byStart = new Map<number, CallSite>(source.calls.map((call) => [call.start, call]));
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
