import { closeOf } from '../../../parsers/code/brackets.js';
import { stringValue } from '../../../parsers/code/masked-source.js';
import type { RouteFact } from '../../code-types.js';
import type { HealthHandlerFact } from '../../service-types.js';
import { isHealthPath } from '../../service/health-paths.js';
import { type ServiceSource, functionRange, positionOf } from './service-source.js';

const FAILURE_WORD = /^(?:degraded|unhealthy|down|error|fail|failed|failing|failure|unavailable|not[ _-]?ready|not[ _-]?ok|disconnected|critical|bad|outage)$/i;
const FAILURE_NUMBER = /\b(?:4\d\d|5\d\d)\b|HTTP_[45]\d\d|SERVICE_UNAVAILABLE|INTERNAL_SERVER_ERROR|ServiceUnavailable|HTTPException|\babort\s*\(|\braise\b|\bthrow\b/;
const PYTHON_DYNAMIC_STATUS = /\bstatus(?:_code)?\s*=\s*(?!200\b|status\.HTTP_200_OK\b|HTTPStatus\.OK\b)[A-Za-z_]/;
const JAVASCRIPT_DYNAMIC_STATUS = /(?:\.status|\.code|writeHead|sendStatus)\s*\(\s*(?!200\b)[A-Za-z_]|\bstatus\s*:\s*(?!200\b)[A-Za-z_]\w*\s*[,}]|\.json\s*\([^;]*,\s*(?!200\b)[a-z_]\w*\s*\)/;
const DEPENDENCY = /\b(?:execute|ping|query|scalar|fetchone|fetchval|fetchrow|raw|\$queryRaw(?:Unsafe)?|is_connected|isConnected|isReady|authenticate|connect|command|check_\w+|check[A-Z]\w*)\s*\(|\b(?:db|database|engine|pool|redis|cache|conn|connection|prisma|knex|sequelize|mongoose|mongo)\b/i;

/** The handlers of health-like routes, judged from their bodies: do they report failure, and do they say so with the status? */
export function healthHandlers(source: ServiceSource, routes: readonly RouteFact[]): HealthHandlerFact[] {
  const found: HealthHandlerFact[] = [];
  for (const route of routes) {
    if (!isHealthPath(route.path)) continue;
    const range = route.handlerIndex !== undefined ? functionRange(source, route.handlerIndex) : route.handler === '' ? inlineRange(source, route) : undefined;
    if (!range) continue;
    const code = source.masked.code.slice(range.start, range.end);
    const failure = failureWord(source, range.start, range.end);
    const dynamic = source.family === 'python' ? PYTHON_DYNAMIC_STATUS : JAVASCRIPT_DYNAMIC_STATUS;
    found.push({
      path: route.path,
      line: route.line,
      column: route.column,
      reportsFailure: failure !== undefined,
      ...(failure !== undefined ? { failureLine: failure } : {}),
      setsFailureStatus: FAILURE_NUMBER.test(code) || dynamic.test(code),
      checksDependency: DEPENDENCY.test(code),
    });
  }
  return found;
}

function failureWord(source: ServiceSource, start: number, end: number): number | undefined {
  const { masked } = source;
  for (let index = 0; index < masked.stringStarts.length; index += 1) {
    const at = masked.stringStarts[index] as number;
    if (at < start) continue;
    if (at >= end) break;
    if (FAILURE_WORD.test(stringValue(masked, index))) return positionOf(source, at).line;
  }
  return undefined;
}

/** A route registered with an inline handler: the registration's arguments; a route found by comparing paths: its branch. */
function inlineRange(source: ServiceSource, route: RouteFact): { start: number; end: number } | undefined {
  const offset = (source.masked.lineStarts[route.line - 1] ?? 0) + route.column - 1;
  const call = source.calls.find((candidate) => candidate.start === offset);
  if (!call) return branchRange(source, route);
  const close = closeOf(source.brackets, call.paren);
  return { start: call.paren, end: close === -1 ? source.masked.code.length : close };
}

/** A route found by a path comparison (`if self.path == "/health":`, `if (req.url === '/health') {`): the branch it guards. */
function branchRange(source: ServiceSource, route: RouteFact): { start: number; end: number } | undefined {
  const offset = (source.masked.lineStarts[route.line - 1] ?? 0) + route.column - 1;
  const python = source.passes.python;
  if (python) {
    const header = python.structure.blocks.find((block) => block.start <= offset && offset < block.colon && (block.kind === 'if' || block.kind === 'elif'));
    return header ? { start: header.colon + 1, end: header.end } : undefined;
  }
  const javascript = source.passes.javascript;
  const block = javascript?.structure.blocks.find((candidate) => candidate.kind === 'if' && candidate.paren !== undefined && candidate.paren < offset && offset < candidate.open);
  if (block) return { start: block.open, end: block.close };
  // `case '/health':` up to the next case or the end of the switch
  const code = source.masked.code;
  const next = code.slice(offset).search(/\bcase\b|\bdefault\s*:/);
  return { start: offset, end: next === -1 ? Math.min(code.length, offset + 2000) : offset + Math.max(next, 1) };
}
