import { callArguments, literalArgument } from '../../../parsers/code/call-arguments.js';
import type { CallSite } from '../../../parsers/code/call-sites.js';
import { lineColumnOf } from '../../../parsers/code/masked-source.js';
import type { PyBlock, PyLine } from '../../../parsers/code/python-structure.js';
import type { FunctionFact, RouteFact } from '../../code-types.js';
import { isNoiseCall } from './noise-calls.js';
import { type PythonScope, className, defName } from './python-scope.js';

const ROUTE_DECORATOR = /^(.+)\.(get|post|put|patch|delete|head|options|route|api_route|websocket)$/;
const STARTUP_DECORATOR = /(?:^|\.)(?:before_first_request|before_serving|on_startup)$/;

export interface PythonFunctions {
  functions: FunctionFact[];
  routes: RouteFact[];
  /** Names called at import time and under `__main__`. */
  importTimeCalls: string[];
  mainCalls: string[];
  /** Function index of each def block. */
  byBlock: Map<number, number>;
}

/** Functions (with what they call), route and startup decorators, and unconditional self-recursion. */
export function pythonFunctions(scope: PythonScope, calls: readonly CallSite[]): PythonFunctions {
  const { blocks, lines } = scope.structure;
  const code = scope.masked.code;
  const functions: FunctionFact[] = [];
  const routes: RouteFact[] = [];
  const byBlock = new Map<number, number>();
  blocks.forEach((block, index) => {
    if (block.kind !== 'def') return;
    const header = lineColumnOf(scope.masked, block.start);
    const fact: FunctionFact = { name: defName(code, block), line: header.line, column: header.column, endLine: lineColumnOf(scope.masked, block.end).line, calls: [] };
    // The class may be a few blocks up (`if _file:` around a method): the nearest class before any def.
    const ownerIndex = scope.ancestorOfKind(block.parent, 'class');
    const owner = scope.block(ownerIndex);
    if (owner && scope.functionAt(owner.start) === scope.functionAt(block.start)) fact.className = className(code, owner);
    if (block.isAsync) fact.isAsync = true;
    const decorators = decoratorLines(lines, block);
    if (decorators.length > 0) fact.decorators = decorators.map((line) => decoratorName(code, line));
    decorators.forEach((line) => {
      const route = routeOf(scope, line, fact.name, functions.length);
      if (route) {
        routes.push(route);
        fact.isHandler = true;
      }
      if (STARTUP_DECORATOR.test(decoratorName(code, line)) || /\.on_event\(\s*["']startup["']/.test(scope.masked.text.slice(line.start, line.end))) fact.isStartupHook = true;
    });
    byBlock.set(index, functions.length);
    functions.push(fact);
  });
  const attributed = attributeCalls(scope, calls, functions, byBlock);
  const blockOfFunction: number[] = [];
  for (const [block, index] of byBlock) blockOfFunction[index] = block;
  for (const [functionIndex, selfCalls] of attributed.selfCalls) {
    const recursion = unconditionalSelfCall(scope, functions[functionIndex] as FunctionFact, selfCalls, blockOfFunction[functionIndex] ?? -1);
    if (recursion) (functions[functionIndex] as FunctionFact).recursion = recursion;
  }
  return { functions, routes, importTimeCalls: attributed.importTime, mainCalls: attributed.main, byBlock };
}

/** The decorator lines right above a def (same indentation, starting with `@`). */
function decoratorLines(lines: readonly PyLine[], block: PyBlock): PyLine[] {
  const found: PyLine[] = [];
  for (let index = block.header - 1; index >= 0; index -= 1) {
    const line = lines[index] as PyLine;
    if (line.word !== '' || line.indent !== block.indent) break;
    found.unshift(line);
  }
  return found.filter((line) => line.end > line.start);
}

function decoratorName(code: string, line: PyLine): string {
  return /^@\s*([\w.]+)/.exec(code.slice(line.start, line.end))?.[1] ?? '';
}

function routeOf(scope: PythonScope, line: PyLine, handler: string, handlerIndex: number): RouteFact | undefined {
  const { code } = scope.masked;
  const name = decoratorName(code, line);
  const match = ROUTE_DECORATOR.exec(name);
  if (!match) return undefined;
  const paren = code.indexOf('(', line.start);
  if (paren === -1 || paren > line.end) return undefined;
  const args = callArguments(code, scope.structure.brackets, paren);
  const first = args[0];
  const path = first ? literalArgument(scope.masked, first) : undefined;
  if (path === undefined || !(path.startsWith('/') || path === '')) return undefined;
  const verb = match[2] as string;
  let method = verb === 'route' || verb === 'api_route' ? 'GET' : verb.toUpperCase();
  const methods = /\bmethods\s*=\s*[[(]([^\])]*)/.exec(scope.masked.text.slice(paren, line.end));
  if (methods?.[1]) method = methods[1].replace(/["'\s]/g, '').split(',').filter(Boolean).join('|').toUpperCase() || method;
  const at = lineColumnOf(scope.masked, line.start);
  return { method, path, line: at.line, column: at.column, owner: match[1] as string, handler, handlerIndex };
}

interface Attribution {
  importTime: string[];
  main: string[];
  /** Calls of a function to its own name, by function index. */
  selfCalls: Map<number, CallSite[]>;
}

/** Gives each call to its innermost function (or to import time / `__main__`). */
function attributeCalls(scope: PythonScope, calls: readonly CallSite[], functions: FunctionFact[], byBlock: Map<number, number>): Attribution {
  const sets = functions.map(() => new Set<string>());
  const importTime = new Set<string>();
  const main = new Set<string>();
  const selfCalls = new Map<number, CallSite[]>();
  for (const call of calls) {
    const name = call.last;
    const block = scope.functionAt(call.start);
    if (block === -1) {
      if (isNoiseCall(name)) continue;
      (scope.scopeAt(call.start) === 'main' ? main : importTime).add(name);
      continue;
    }
    const index = byBlock.get(block) as number;
    const fact = functions[index] as FunctionFact;
    // In a method, a bare name is a module-level function, never the method itself, and only the
    // method's own first parameter (`self`, `cls`, or `subself`) reaches it; in a plain function,
    // `self.x` is someone else's.
    if (name === fact.name && (fact.className ? isReceiverCall(scope, block, fact, call) : call.name === name)) {
      const list = selfCalls.get(index) ?? [];
      list.push(call);
      selfCalls.set(index, list);
    }
    if (!isNoiseCall(name)) (sets[index] as Set<string>).add(name);
  }
  sets.forEach((set, index) => ((functions[index] as FunctionFact).calls = [...set]));
  return { importTime: [...importTime], main: [...main], selfCalls };
}

/**
 * `self.name(...)` where `self` is the method's own first parameter (`self`, `cls`, `subself`). A
 * staticmethod has no receiver: `ctx.Process()` in `def Process(ctx)` calls someone else's.
 */
function isReceiverCall(scope: PythonScope, blockIndex: number, fact: FunctionFact, call: CallSite): boolean {
  const block = scope.block(blockIndex);
  if (!block || fact.decorators?.includes('staticmethod')) return false;
  const receiver = /^\s*def\s+\w+\s*\(\s*([A-Za-z_]\w*)/.exec(scope.masked.code.slice(block.start, block.colon).replace(/^async\s+/, ''))?.[1];
  return receiver !== undefined && call.name === `${receiver}.${fact.name}`;
}

/**
 * The first self-call that runs on every path: directly in the body (not under if/for/while/try),
 * in a statement with no condition (`if`, `and`, `or`, `lambda`), with no return/raise/exit before
 * it, in a function that is not a generator.
 */
function unconditionalSelfCall(scope: PythonScope, fact: FunctionFact, selfCalls: CallSite[], blockIndex: number): { line: number; column: number } | undefined {
  const block = scope.block(blockIndex);
  if (!block) return undefined;
  const code = scope.masked.code;
  const body = code.slice(block.colon + 1, block.end);
  if (/\byield\b/.test(body)) return undefined;
  for (const call of selfCalls) {
    if (scope.blockAt(call.start) !== blockIndex) continue;
    // Calling an `async def` without awaiting it only creates a coroutine: its body does not run.
    if (fact.isAsync && !/\bawait\s*$/.test(code.slice(Math.max(0, call.start - 20), call.start))) continue;
    const line = scope.structure.lines[scope.lineIndexAt(call.start)] as PyLine;
    const statement = code.slice(line.start, line.end);
    if (/\b(?:if|and|or|lambda|else|for|while)\b/.test(statement)) continue;
    const before = code.slice(block.colon + 1, line.start);
    if (hasOwnExitBefore(scope, before, block.colon + 1, blockIndex)) return undefined;
    // `from .template import templatize` or `templatize = ...` inside the function shadows it.
    if (!fact.className && new RegExp(`\\bimport\\b[^\\n]*\\b${fact.name}\\b|(?:^|\\n)\\s*${fact.name}\\s*=(?!=)|\\bas\\s+${fact.name}\\b`).test(before)) return undefined;
    if (fact.name === '') return undefined;
    return lineColumnOf(scope.masked, call.start);
  }
  return undefined;
}

function hasOwnExitBefore(scope: PythonScope, before: string, offset: number, blockIndex: number): boolean {
  const pattern = /\b(?:return|raise|sys\.exit|os\._exit|exit|quit)\b/g;
  for (let match = pattern.exec(before); match; match = pattern.exec(before)) {
    if (scope.functionAt(offset + match.index) === blockIndex) return true;
  }
  return false;
}
