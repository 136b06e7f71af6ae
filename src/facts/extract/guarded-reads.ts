import type { SourceLanguage } from '../../model/file-kind.js';
import { type Token, TokenKind } from '../../parsers/lexer/token.js';
import type { EnvReadFact } from '../types.js';
import { boundedClosingIndex } from './call-arguments.js';
import { isName, isPunct } from './env-reads.js';

// `a || process.env.B`: B is an alternative to A. `cond && process.env.X` is not a guard of X.
const GUARD_BEFORE = new Set(['!', '||']);
const GUARD_AFTER = new Set(['&&', '||', '?', '==', '===', '!=', '!==']);
const PYTHON_GUARD_BEFORE = new Set(['if', 'elif', 'while', 'not', 'and', 'or', 'assert']);
// `os.environ.get("X") in ("1", "true")` and `not in`: None is simply not in the tuple.
const PYTHON_GUARD_AFTER = new Set(['and', 'or', 'is', 'if', 'in', 'not']);
/** Calls that only ask whether the value is there: `bool(os.environ.get("X"))`, `Boolean(process.env.X)`. */
const TRUTHINESS_CALLS = new Set(['bool', 'Boolean']);

/**
 * Reads that are presence checks: `if (process.env.SENTRY_DSN)`, `process.env.X && init()`,
 * `os.getenv("DEBUG") == "1"`, `if not os.getenv("X"):`, `bool(os.getenv("X"))`. The code copes when the variable is
 * unset, so it is optional there, like a read with a default. Strict reads stay strict.
 */
export function markGuardedReads(language: SourceLanguage, tokens: readonly Token[], envReads: EnvReadFact[]): void {
  if (language === 'shell' || envReads.length === 0) return;
  const pending = new Map<string, EnvReadFact[]>();
  for (const envRead of envReads) {
    if (envRead.hasDefault || envRead.strict) continue;
    const key = `${envRead.line}:${envRead.column}`;
    pending.set(key, [...(pending.get(key) ?? []), envRead]);
  }
  if (pending.size === 0) return;
  tokens.forEach((token, index) => {
    const reads = pending.get(`${token.line}:${token.column}`);
    if (!reads || !isGuarded(language, tokens, index)) return;
    for (const envRead of reads) envRead.hasDefault = true;
  });
}

function isGuarded(language: SourceLanguage, tokens: readonly Token[], start: number): boolean {
  const before = tokens[start - 1];
  const after = tokens[expressionEnd(tokens, start)];
  const callee = tokens[start - 2];
  if (isPunct(before, '(') && isPunct(after, ')') && callee?.kind === TokenKind.Name && TRUTHINESS_CALLS.has(callee.value) && !isPunct(tokens[start - 3], '.')) return true;
  if (language === 'python') {
    return (before !== undefined && before.kind === TokenKind.Name && PYTHON_GUARD_BEFORE.has(before.value)) || (after !== undefined && ((after.kind === TokenKind.Name && PYTHON_GUARD_AFTER.has(after.value)) || isPunct(after, '==') || isPunct(after, '!=') || (isPunct(after, ':') && isName(tokens[start - 1], 'if'))));
  }
  const isIfCondition = isPunct(before, '(') && (isName(tokens[start - 2], 'if') || isName(tokens[start - 2], 'while')) && isPunct(after, ')');
  return isIfCondition || (before?.kind === TokenKind.Punct && GUARD_BEFORE.has(before.value)) || (after?.kind === TokenKind.Punct && GUARD_AFTER.has(after.value));
}

/** Index just after `process.env.X`, `process.env["X"]`, `os.environ.get("X")`: a name, then `.name` and bracket groups. */
function expressionEnd(tokens: readonly Token[], start: number): number {
  let index = start + 1;
  while (index < tokens.length) {
    const token = tokens[index] as Token;
    if ((isPunct(token, '.') || isPunct(token, '?.')) && tokens[index + 1]?.kind === TokenKind.Name) {
      index += 2;
    } else if (isPunct(token, '(') || isPunct(token, '[')) {
      const close = boundedClosingIndex(tokens, index);
      if (close === -1) return index;
      index = close + 1;
    } else {
      return index;
    }
  }
  return index;
}
