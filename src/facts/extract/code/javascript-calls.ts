import { type Argument, argumentCode, callArguments, lastLiteralIn, literalArgument } from '../../../parsers/code/call-arguments.js';
import type { CallSite } from '../../../parsers/code/call-sites.js';
import { lineColumnOf } from '../../../parsers/code/masked-source.js';
import type { JsBlock } from '../../../parsers/code/javascript-structure.js';
import type { CallFact, SwallowedFact } from '../../code-types.js';
import { categorizeCall } from './call-catalog.js';
import type { JavaScriptScope } from './javascript-scope.js';

/** Calls of interest with their option keys and targets. */
export function javascriptCalls(scope: JavaScriptScope, calls: readonly CallSite[], definitionParens: ReadonlySet<number>, hasChildProcessImport: boolean, functionIndexAt: (offset: number) => number): CallFact[] {
  const facts: CallFact[] = [];
  let constants: Map<string, string> | undefined;
  for (const call of calls) {
    if (definitionParens.has(call.paren)) continue;
    const category = categorizeCall('javascript', call.name, hasChildProcessImport);
    if (!category) continue;
    const args = callArguments(scope.masked.code, scope.structure.brackets, call.paren);
    const first = args[0] ? literalArgument(scope.masked, args[0]) : undefined;
    if (category === 'supervise' && first !== 'exit' && first !== 'close') continue;
    constants ??= moduleConstants(scope);
    const position = lineColumnOf(scope.masked, call.start);
    const options = optionKeys(scope, args.slice(1), category === 'http' || category === 'child-process');
    const fact: CallFact = { category, callee: call.name, line: position.line, column: position.column, options: options.keys, arity: args.length, functionName: scope.functionName(scope.functionAt(call.start)), functionIndex: functionIndexAt(call.start), scope: scope.scopeAt(call.start) };
    if (isConditionalAt(scope, call.start)) fact.isConditional = true;
    if (category === 'http' && args.length === 1 && argumentCode(scope.masked.code, args[0] as Argument).startsWith('{')) {
      const single = optionKeys(scope, args, true);
      fact.options = single.keys;
      if (single.isOpaque) fact.hasOpaqueOptions = true;
    } else if (options.isOpaque) fact.hasOpaqueOptions = true;
    const target = first ?? targetOf(scope, args[0], constants);
    if (target !== undefined) fact.target = target;
    facts.push(fact);
  }
  facts.push(...defaultTimeouts(scope));
  return facts;
}

const CONDITIONAL_BLOCKS = new Set(['if', 'else', 'try', 'catch', 'while', 'for', 'do', 'switch']);

function isConditionalAt(scope: JavaScriptScope, offset: number): boolean {
  let index = scope.blockAt(offset);
  while (index !== -1) {
    const block = scope.block(index) as JsBlock;
    if (block.kind === 'function' || block.kind === 'arrow' || block.kind === 'method') return false;
    if (CONDITIONAL_BLOCKS.has(block.kind)) return true;
    index = block.parent;
  }
  return false;
}

/** `axios.defaults.timeout = 5000`: a project-wide default, recorded as an http fact with the timeout option. */
function defaultTimeouts(scope: JavaScriptScope): CallFact[] {
  const found: CallFact[] = [];
  for (const match of scope.masked.code.matchAll(/\b(axios|got)\.defaults\.(?:timeout|options\.timeout)\s*=(?!=)/g)) {
    const position = lineColumnOf(scope.masked, match.index as number);
    found.push({ category: 'http', callee: `${match[1]}.defaults.timeout`, line: position.line, column: position.column, options: ['timeout'], arity: 0, functionName: '', functionIndex: -1, scope: 'import' });
  }
  return found;
}

function targetOf(scope: JavaScriptScope, argument: Argument | undefined, constants: Map<string, string>): string | undefined {
  if (!argument) return undefined;
  const text = argumentCode(scope.masked.code, argument);
  if (/^[A-Za-z_$][\w$]*$/.test(text)) return constants.get(text);
  if (text.startsWith('{') || text.startsWith('[')) return undefined;
  return lastLiteralIn(scope.masked, argument);
}

/** Keys of object-literal arguments (`{ timeout: 5000, signal }`); opaque when an argument is a variable or a spread. */
function optionKeys(scope: JavaScriptScope, args: Argument[], variablesAreOptions: boolean): { keys: string[]; isOpaque: boolean } {
  const keys: string[] = [];
  let isOpaque = false;
  const { code } = scope.masked;
  for (const arg of args) {
    const text = code.slice(arg.start, arg.end);
    if (!text.startsWith('{')) {
      if (variablesAreOptions && /^[A-Za-z_$][\w$.]*$/.test(text.trim())) isOpaque = true;
      continue;
    }
    let depth = 0;
    let expectKey = true;
    for (let pos = 1; pos < text.length - 1; pos += 1) {
      const char = text.charAt(pos);
      if (char === '{' || char === '(' || char === '[') depth += 1;
      else if (char === '}' || char === ')' || char === ']') depth -= 1;
      else if (depth === 0 && char === ',') expectKey = true;
      else if (depth === 0 && expectKey && /\S/.test(char)) {
        expectKey = false;
        if (text.startsWith('...', pos)) {
          isOpaque = true;
          continue;
        }
        const key = /^["']?([A-Za-z_$][\w$]*)/.exec(text.slice(pos));
        if (key) keys.push(key[1] as string);
        else if (scope.masked.text.charAt(arg.start + pos) === '"' || scope.masked.text.charAt(arg.start + pos) === "'") {
          const quoted = /^["']([^"']+)["']/.exec(scope.masked.text.slice(arg.start + pos, arg.start + pos + 60));
          if (quoted) keys.push(quoted[1] as string);
        }
      }
    }
  }
  return { keys, isOpaque };
}

/** `const NAME = 'literal'` (or an expression ending in a literal path) at module level. */
function moduleConstants(scope: JavaScriptScope): Map<string, string> {
  const constants = new Map<string, string>();
  const { code } = scope.masked;
  for (const match of code.matchAll(/^[ \t]*(?:export[ \t]+)?(?:const|let|var)[ \t]+([A-Za-z_$][\w$]*)[ \t]*(?::[^=\n]*)?=(?!=)/gm)) {
    const valueStart = (match.index as number) + match[0].length;
    if (scope.blockAt(valueStart) !== -1) continue;
    const newline = code.indexOf('\n', valueStart);
    const value = lastLiteralIn(scope.masked, { start: valueStart, end: newline === -1 ? code.length : newline });
    if (value !== undefined) constants.set(match[1] as string, value);
  }
  return constants;
}

/** Empty `catch {}` blocks and `.catch(() => {})` handlers. */
export function javascriptSwallowed(scope: JavaScriptScope, calls: readonly CallSite[], functionIndexAt: (offset: number) => number): SwallowedFact[] {
  const found: SwallowedFact[] = [];
  const { code, text } = scope.masked;
  scope.structure.blocks.forEach((block) => {
    if (block.kind !== 'catch' || code.slice(block.open + 1, block.close).trim() !== '') return;
    const position = lineColumnOf(scope.masked, block.start);
    const header = code.slice(block.start, block.open).replace(/\s+/g, ' ').trim();
    found.push({ line: position.line, column: position.column, form: `${header} {}`, hasComment: /\/\/|\/\*/.test(text.slice(block.open, block.close)), functionName: scope.functionName(scope.functionAt(block.start)), functionIndex: functionIndexAt(block.start) });
  });
  for (const call of calls) {
    if (call.name !== '.catch' && !call.name.endsWith('.catch')) continue;
    const args = callArguments(code, scope.structure.brackets, call.paren);
    const only = args.length === 1 ? (args[0] as Argument) : undefined;
    if (!only) continue;
    const handler = scope.structure.blocks.find((block: JsBlock) => block.start >= only.start && block.close < only.end && (block.kind === 'arrow' || block.kind === 'function'));
    const isEmptyArrow = /^\(\s*[\w$]*\s*\)\s*=>\s*(?:undefined|null|void 0)?$|^[\w$]+\s*=>\s*(?:undefined|null|void 0)$/.test(argumentCode(code, only));
    if (!isEmptyArrow && (!handler || code.slice(handler.open + 1, handler.close).trim() !== '' || handler.close + 1 !== only.end)) continue;
    const position = lineColumnOf(scope.masked, call.start);
    found.push({ line: position.line, column: position.column, form: '.catch(() => {})', hasComment: /\/\/|\/\*/.test(text.slice(only.start, only.end)), functionName: scope.functionName(scope.functionAt(call.start)), functionIndex: functionIndexAt(call.start) });
  }
  return found.sort((a, b) => a.line - b.line || a.column - b.column);
}
