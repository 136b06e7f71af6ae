import type { CallSite } from '../../../parsers/code/call-sites.js';
import { type Argument, callArguments, literalArgument } from '../../../parsers/code/call-arguments.js';
import { lineColumnOf, stringIndexAt } from '../../../parsers/code/masked-source.js';
import type { PyBlock } from '../../../parsers/code/python-structure.js';
import type { ImportFact } from '../../code-types.js';
import type { PythonScope } from './python-scope.js';

const OPTIONAL_HANDLER = /^except\s*(?:\(?[\w.,\s]*\b(?:ImportError|ModuleNotFoundError|Exception|BaseException)\b[\w.,\s]*\)?(?:\s+as\s+\w+)?)?\s*:$/;

/** `import a.b as c, d`, `from .x import (y, z)`, `importlib.import_module("m")`, `__import__("m")`. */
export function pythonImports(scope: PythonScope, calls: readonly CallSite[]): ImportFact[] {
  const { code } = scope.masked;
  const imports: ImportFact[] = [];
  for (const line of scope.structure.lines) {
    if (line.word !== 'import' && line.word !== 'from') continue;
    const statement = code.slice(line.start, line.end);
    const context = importContext(scope, line.start);
    if (line.word === 'from') {
      const match = /^from\s+(\.*[\w.]*)\s+import\s+(.*)$/s.exec(statement);
      if (!match || !match[1]) continue;
      const names = splitNames(match[2] as string).map((name) => name.split(/\s+as\s+/)[0] as string);
      imports.push({ module: match[1], kind: 'from', names, ...position(scope, line.start + statement.indexOf(match[1], 4)), ...context });
      continue;
    }
    const list = statement.slice(6);
    let offset = line.start + 6;
    for (const part of list.split(',')) {
      const name = /^\s*([\w.]+)/.exec(part);
      if (name?.[1]) imports.push({ module: name[1], kind: 'import', ...position(scope, offset + part.indexOf(name[1])), ...context });
      offset += part.length + 1;
    }
  }
  for (const call of calls) {
    if (call.name !== 'importlib.import_module' && call.name !== '__import__' && call.name !== 'import_module') continue;
    const args = callArguments(code, scope.structure.brackets, call.paren);
    const module = args.length === 1 ? literalArgument(scope.masked, args[0] as Argument) : undefined;
    // A computed name, or import_module(".x", package) relative to a package named at run time: unknowable here.
    if (module === undefined || !/^[\w][\w.]*$/.test(module)) continue;
    const index = stringIndexAt(scope.masked, (args[0] as Argument).start);
    imports.push({ module, kind: 'dynamic', ...position(scope, (scope.masked.stringStarts[index] as number) + 1), ...importContext(scope, call.start), isConditional: true });
  }
  return imports;
}

function position(scope: PythonScope, offset: number): { line: number; column: number } {
  return lineColumnOf(scope.masked, offset);
}

function splitNames(list: string): string[] {
  return list
    .replace(/[()\\]/g, ' ')
    .split(',')
    .map((name) => name.trim().replace(/\s+/g, ' '))
    .filter((name) => name.length > 0);
}

/**
 * Conditional: inside a function, an `if` or a loop; optional: a try whose handler catches
 * ImportError; type-only: under `if TYPE_CHECKING:` (never runs).
 */
function importContext(scope: PythonScope, offset: number): { isConditional?: true; isOptional?: true; isTypeOnly?: true } {
  const context: { isConditional?: true; isOptional?: true; isTypeOnly?: true } = {};
  let index = scope.blockAt(offset);
  while (index !== -1) {
    const block = scope.block(index) as PyBlock;
    if (block.kind === 'def' || block.kind === 'if' || block.kind === 'elif' || block.kind === 'else' || block.kind === 'while' || block.kind === 'for' || block.kind === 'except') context.isConditional = true;
    if (block.kind === 'try' && catchesImportError(scope, index)) context.isOptional = true;
    if (block.kind === 'if' && /\bTYPE_CHECKING\b/.test(scope.masked.code.slice(block.start, block.colon))) context.isTypeOnly = true;
    index = block.parent;
  }
  return context;
}

/** A handler of the `try` at `tryIndex` catches ImportError (or everything). */
function catchesImportError(scope: PythonScope, tryIndex: number): boolean {
  return scope.exceptHeaders(tryIndex).some((header) => OPTIONAL_HANDLER.test(header));
}
