import { type Argument, argumentCode, callArguments, literalArgument } from '../../../parsers/code/call-arguments.js';
import { type CallSite, lastPart } from '../../../parsers/code/call-sites.js';
import { lineColumnOf } from '../../../parsers/code/masked-source.js';
import { type JsBlock, isFunctionBlock } from '../../../parsers/code/javascript-structure.js';
import type { FunctionFact, RouteFact } from '../../code-types.js';
import type { JavaScriptScope } from './javascript-scope.js';
import { isNoiseCall } from './noise-calls.js';

const ROUTE_CALL = /^([A-Za-z_$][\w$]*)\.(get|post|put|patch|delete|del|head|options|all)$/;
const ROUTE_VERBS = new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'head', 'options', 'all']);
const NOT_ROUTERS = new Set(['axios', 'http', 'https', 'got', 'ky', 'superagent', 'request', 'client', 'api', 'instance', 'fetch', 'map', 'cache', 'headers', 'params', 'searchParams', 'query', 'process', 'req', 'res', 'ctx', 'localStorage', 'sessionStorage', 'store', 'redis', 'db', 'config', 'url', 'formData', 'cookies', 'Reflect', 'router_']);

export interface JavaScriptFunctions {
  functions: FunctionFact[];
  routes: RouteFact[];
  importTimeCalls: string[];
  mainCalls: string[];
  byBlock: Map<number, number>;
  /** Parens of function definitions (method `name(...) {` looks like a call). */
  definitionParens: Set<number>;
}

/** Functions with what they call, route registrations (`app.get('/x', handler)`), unconditional self-recursion. */
export function javascriptFunctions(scope: JavaScriptScope, calls: readonly CallSite[]): JavaScriptFunctions {
  const { masked } = scope;
  const functions: FunctionFact[] = [];
  const byBlock = new Map<number, number>();
  const definitionParens = new Set<number>();
  scope.structure.blocks.forEach((block, index) => {
    if (!isFunctionBlock(block)) return;
    if (block.paren !== undefined) definitionParens.add(block.paren);
    const start = lineColumnOf(masked, block.start);
    const fact: FunctionFact = { name: block.name ?? '', line: start.line, column: start.column, endLine: lineColumnOf(masked, block.close).line, calls: [] };
    const owner = scope.classOf(index);
    if (owner) fact.className = owner;
    if (block.isAsync) fact.isAsync = true;
    byBlock.set(index, functions.length);
    functions.push(fact);
  });
  const sets = functions.map(() => new Set<string>());
  const importTime = new Set<string>();
  const main = new Set<string>();
  const selfCalls = new Map<number, CallSite>();
  for (const call of calls) {
    if (definitionParens.has(call.paren)) continue;
    const name = call.last;
    const blockIndex = scope.functionAt(call.start);
    if (blockIndex === -1) {
      if (!isNoiseCall(name)) (scope.scopeAt(call.start) === 'main' ? main : importTime).add(name);
      continue;
    }
    const index = byBlock.get(blockIndex) as number;
    const fact = functions[index] as FunctionFact;
    if (fact.name && name === fact.name && !selfCalls.has(index) && isSelfCall(scope, blockIndex, fact, call)) selfCalls.set(index, call);
    if (!isNoiseCall(name)) (sets[index] as Set<string>).add(name);
  }
  sets.forEach((set, index) => ((functions[index] as FunctionFact).calls = [...set]));
  const blockOfFunction: number[] = [];
  for (const [block, index] of byBlock) blockOfFunction[index] = block;
  for (const [index, call] of selfCalls) {
    const blockIndex = blockOfFunction[index] ?? -1;
    const recursion = unconditionalSelfCall(scope, blockIndex, call);
    if (recursion) (functions[index] as FunctionFact).recursion = recursion;
  }
  getterRecursion(scope, functions, byBlock);
  const routes = javascriptRoutes(scope, calls, functions, byBlock);
  return { functions, routes, importTimeCalls: [...importTime], mainCalls: [...main], byBlock, definitionParens };
}

/**
 * `this.name()` in a method; a bare `name()` only in a function bound to that name in the
 * enclosing scope (`function name`, `const name =`), and not rebound inside it.
 */
function isSelfCall(scope: JavaScriptScope, blockIndex: number, fact: FunctionFact, call: CallSite): boolean {
  const block = scope.block(blockIndex) as JsBlock;
  if (block.kind === 'method') return call.name === `this.${fact.name}`;
  if (call.name !== fact.name) return false;
  const code = scope.masked.code;
  const header = code.slice(Math.max(0, block.start - 80), block.open);
  const word = fact.name.replace(/\$/g, '\\$');
  const isBound = new RegExp(`\\bfunction\\s*\\*?\\s*${word}\\s*[(<]|\\b(?:const|let|var)\\s+${word}\\s*(?::[^=]*)?=[^=]`).test(header);
  const isRebound = new RegExp(`\\b(?:const|let|var|function)\\s+${word}\\b`).test(code.slice(block.open + 1, call.start)) || new RegExp(`[(,]\\s*${word}\\s*[,)=:]`).test(code.slice(block.paren ?? block.open, block.open));
  return isBound && !isRebound;
}

/** A self-call directly in the body, in a statement with no condition, with no return/throw before it. */
function unconditionalSelfCall(scope: JavaScriptScope, blockIndex: number, call: CallSite): { line: number; column: number } | undefined {
  const block = scope.block(blockIndex);
  if (!block || scope.blockAt(call.start) !== blockIndex) return undefined;
  const code = scope.masked.code;
  if (/\byield\b/.test(code.slice(block.open, block.close)) || /\*\s*$/.test(code.slice(Math.max(0, block.start - 3), block.start + 9).split('(')[0] ?? '')) return undefined;
  const statementStart = Math.max(code.lastIndexOf(';', call.start), code.lastIndexOf('{', call.start), code.lastIndexOf('}', call.start)) + 1;
  if (/\?|&&|\|\||\bif\b|\belse\b|\bfor\b|\bwhile\b|=>/.test(code.slice(statementStart, call.start))) return undefined;
  const before = code.slice(block.open + 1, statementStart);
  const exits = /\b(?:return|throw)\b|process\.exit/g;
  for (let match = exits.exec(before); match; match = exits.exec(before)) {
    if (scope.functionAt(block.open + 1 + match.index) === blockIndex) return undefined;
  }
  return lineColumnOf(scope.masked, call.start);
}

/** `get total() { return this.total; }`: a getter that reads itself recurses forever. */
function getterRecursion(scope: JavaScriptScope, functions: FunctionFact[], byBlock: Map<number, number>): void {
  const code = scope.masked.code;
  for (const [blockIndex, index] of byBlock) {
    const block = scope.block(blockIndex) as JsBlock;
    const fact = functions[index] as FunctionFact;
    if (block.kind !== 'method' || !fact.name || fact.recursion || !/\bget\s+$/.test(code.slice(Math.max(0, block.start - 8), block.start))) continue;
    const body = code.slice(block.open + 1, block.close);
    const read = new RegExp(`^\\s*return\\s+this\\.${fact.name.replace(/\$/g, '\\$')}\\s*;?\\s*$`).exec(body);
    if (read) fact.recursion = { ...lineColumnOf(scope.masked, block.open + 1 + body.indexOf('this.')), isAccessor: true };
  }
}

/** `app.get('/path', ..., handler)` registrations on Express/Fastify/Koa-router/Hono-style objects. */
function javascriptRoutes(scope: JavaScriptScope, calls: readonly CallSite[], functions: FunctionFact[], byBlock: Map<number, number>): RouteFact[] {
  const routes: RouteFact[] = [];
  const { masked, structure } = scope;
  for (const call of calls) {
    if (!ROUTE_VERBS.has(call.last)) continue;
    const match = ROUTE_CALL.exec(call.name);
    if (!match || NOT_ROUTERS.has(match[1] as string) || !startsWithPath(masked.text, call.paren)) continue;
    const args = callArguments(masked.code, structure.brackets, call.paren);
    const path = args[0] ? literalArgument(masked, args[0]) : undefined;
    const handlerArgument = args[args.length - 1];
    if (args.length < 2 || path === undefined || !/^[/*]/.test(path) || !handlerArgument) continue;
    const handler = handlerOf(scope, handlerArgument, byBlock);
    if (!handler) continue;
    const at = lineColumnOf(masked, call.start);
    const route: RouteFact = { method: match[2] === 'all' ? 'ANY' : match[2] === 'del' ? 'DELETE' : (match[2] as string).toUpperCase(), path, line: at.line, column: at.column, owner: match[1] as string, handler: handler.name };
    if (handler.index !== undefined) {
      route.handlerIndex = handler.index;
      (functions[handler.index] as FunctionFact).isHandler = true;
    } else if (handler.name) {
      const named = functions.findIndex((fact) => fact.name === handler.name);
      if (named !== -1) {
        route.handlerIndex = named;
        (functions[named] as FunctionFact).isHandler = true;
      }
    }
    routes.push(route);
  }
  return routes;
}

/** `app.get(` followed by a quoted path: a cheap test before any argument is parsed. */
function startsWithPath(text: string, paren: number): boolean {
  let at = paren + 1;
  while (at < text.length && (text.charCodeAt(at) === 32 || text.charCodeAt(at) === 10 || text.charCodeAt(at) === 13 || text.charCodeAt(at) === 9)) at += 1;
  const quote = text.charCodeAt(at);
  const first = text.charCodeAt(at + 1);
  return (quote === 39 || quote === 34 || quote === 96) && (first === 47 || first === 42);
}

function handlerOf(scope: JavaScriptScope, argument: Argument, byBlock: Map<number, number>): { name: string; index?: number } | undefined {
  if (argument.end - argument.start < 120) {
    const text = argumentCode(scope.masked.code, argument);
    if (/^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*$/.test(text)) return { name: lastPart(text) };
  }
  // The handler's own block is the first block opened inside the argument.
  const blockIndex = scope.blockAt(argument.start + 1);
  let inner = blockIndex + 1;
  while (inner < scope.structure.blocks.length && (scope.structure.blocks[inner] as JsBlock).open <= argument.start) inner += 1;
  const block = scope.block(inner);
  if (block && isFunctionBlock(block) && block.start >= argument.start && block.close < argument.end) {
    const index = byBlock.get(inner);
    return index === undefined ? { name: '' } : { name: '', index };
  }
  return /=>|\bfunction\b/.test(scope.masked.code.slice(argument.start, Math.min(argument.end, argument.start + 400))) ? { name: '' } : undefined;
}
