import { lineColumnOf, stringIndexAt, stringValue } from '../../../parsers/code/masked-source.js';
import type { JsBlock } from '../../../parsers/code/javascript-structure.js';
import type { ImportFact, ImportKind } from '../../code-types.js';
import type { JavaScriptScope } from './javascript-scope.js';

const STATIC_IMPORT = /\bimport\s+(type\s+)?(?:[\w$*{}\s,]+?\s+from\s*)?(?=["'])/g;
const RE_EXPORT = /\bexport\s+(type\s+)?(?:\*(?:\s+as\s+[\w$]+)?|\{[^}]*\})\s*from\s*(?=["'])/g;
const CALL_FORMS = /\b(require|import)\s*\(\s*(?=["'`])/g;

/** `import ... from 'x'`, `import 'x'`, `export ... from 'x'`, `require('x')`, `import('x')`. */
export function javascriptImports(scope: JavaScriptScope): ImportFact[] {
  const { code } = scope.masked;
  const imports: ImportFact[] = [];
  const add = (quoteAt: number, kind: ImportKind, isTypeOnly: boolean, matchStart: number): void => {
    const index = stringIndexAt(scope.masked, quoteAt);
    if (index === -1 || scope.masked.stringStarts[index] !== quoteAt) return;
    const module = stringValue(scope.masked, index);
    if (module === '' || (code.charCodeAt(quoteAt) === 96 && scope.masked.text.slice(quoteAt, scope.masked.stringEnds[index]).includes('${'))) return;
    if (isPropertyAccess(code, matchStart)) return;
    const fact: ImportFact = { module, kind, ...lineColumnOf(scope.masked, quoteAt + 1), ...context(scope, matchStart) };
    if (isTypeOnly) fact.isTypeOnly = true;
    imports.push(fact);
  };
  for (const match of code.matchAll(STATIC_IMPORT)) {
    add((match.index as number) + match[0].length, 'import', match[1] !== undefined || isTypeOnlyClause(match[0]), match.index as number);
  }
  for (const match of code.matchAll(RE_EXPORT)) add((match.index as number) + match[0].length, 'export', match[1] !== undefined, match.index as number);
  for (const match of code.matchAll(CALL_FORMS)) add((match.index as number) + match[0].length, match[1] === 'require' ? 'require' : 'dynamic', false, match.index as number);
  return imports.sort((a, b) => a.line - b.line || a.column - b.column);
}

/** `import { type A, type B } from 'x'`: every specifier is a type, so nothing is loaded. */
function isTypeOnlyClause(clause: string): boolean {
  const braces = /^import\s*\{([^}]*)\}\s*from\s*$/.exec(clause.trim() + ' ');
  if (!braces) return false;
  const specifiers = (braces[1] as string).split(',').map((part) => part.trim()).filter(Boolean);
  return specifiers.length > 0 && specifiers.every((part) => part.startsWith('type '));
}

/** `obj.require(...)`, `this.import(...)`: a method that happens to share the name. */
function isPropertyAccess(code: string, at: number): boolean {
  let before = at - 1;
  while (before >= 0 && (code.charCodeAt(before) === 32 || code.charCodeAt(before) === 9)) before -= 1;
  return code.charCodeAt(before) === 46;
}

/** Conditional: inside a function or an if; optional: inside a try block. */
function context(scope: JavaScriptScope, offset: number): { isConditional?: true; isOptional?: true } {
  const result: { isConditional?: true; isOptional?: true } = {};
  let index = scope.blockAt(offset);
  while (index !== -1) {
    const block = scope.block(index) as JsBlock;
    if (block.kind === 'function' || block.kind === 'arrow' || block.kind === 'method' || block.kind === 'if' || block.kind === 'else' || block.kind === 'catch') result.isConditional = true;
    if (block.kind === 'try') result.isOptional = true;
    index = block.parent;
  }
  return result;
}
