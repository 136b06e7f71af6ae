import type { PyBlock } from '../../parsers/code/python-structure.js';
import type { EnvReadFact } from '../types.js';
import type { PythonScope } from './code/python-scope.js';

/** `"SENTRY_DSN" in os.environ`, `'X' not in environ`: the code asks whether the variable is set. */
const MEMBERSHIP = /(["'])([A-Za-z_][A-Za-z0-9_]*)\1\s+(?:not\s+)?in\s+(?:os\s*\.\s*)?environ\b/g;
/** Exceptions an unset `os.environ["X"]` raises, or that catch it. */
const CATCHES_KEY_ERROR = /\b(?:KeyError|LookupError|Exception|BaseException)\b/;

/**
 * Strict Python reads (`os.environ["X"]`, a KeyError when unset) that the code guards, so the
 * variable is optional there: after a membership test of the same name (`if "X" in os.environ:`),
 * or inside a `try` whose handlers catch KeyError (or a bare `except:`). They become reads with a
 * default, like a presence-checked `os.getenv("X")`.
 */
export function markPythonGuardedReads(scope: PythonScope, envReads: EnvReadFact[]): void {
  const strict = envReads.filter((envRead) => envRead.strict);
  if (strict.length === 0) return;
  const checkedFrom = membershipTests(scope);
  for (const envRead of strict) {
    const checkedAt = checkedFrom.get(envRead.name);
    const offset = offsetOf(scope, envRead);
    const isGuarded = (checkedAt !== undefined && checkedAt <= offset) || isInsideKeyErrorTry(scope, offset);
    if (!isGuarded) continue;
    envRead.strict = false;
    envRead.hasDefault = true;
  }
}

/** Name -> offset of its first membership test in code (not in a comment or a docstring). */
function membershipTests(scope: PythonScope): Map<string, number> {
  const { text, code } = scope.masked;
  const tests = new Map<string, number>();
  for (const match of text.matchAll(MEMBERSHIP)) {
    const at = match.index as number;
    const environAt = at + match[0].length - 'environ'.length;
    // The masked copy blanks comments and string contents: real code keeps its `environ`.
    if (code.slice(environAt, environAt + 7) !== 'environ' || code.charAt(at) !== match[1]) continue;
    const name = match[2] as string;
    if (!tests.has(name)) tests.set(name, at);
  }
  return tests;
}

function offsetOf(scope: PythonScope, envRead: EnvReadFact): number {
  return (scope.masked.lineStarts[envRead.line - 1] ?? 0) + envRead.column - 1;
}

/** In the body of a `try` (in this function) with a handler for KeyError. */
function isInsideKeyErrorTry(scope: PythonScope, offset: number): boolean {
  let index = scope.blockAt(offset);
  while (index !== -1) {
    const block = scope.block(index) as PyBlock;
    if (block.kind === 'def' || block.kind === 'class') return false;
    if (block.kind === 'try' && handlersCatchKeyError(scope, index)) return true;
    index = block.parent;
  }
  return false;
}

/** A handler of the `try` at `tryIndex` catches KeyError (or a parent of it, or everything). */
function handlersCatchKeyError(scope: PythonScope, tryIndex: number): boolean {
  return scope.exceptHeaders(tryIndex).some((header) => /^except\s*\*?\s*:$/.test(header) || CATCHES_KEY_ERROR.test(header));
}
