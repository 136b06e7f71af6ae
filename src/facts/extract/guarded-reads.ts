import type { SourceLanguage } from '../../model/file-kind.js';
import { type Token, TokenKind } from '../../parsers/lexer/token.js';
import type { EnvReadFact } from '../types.js';
import { boundedClosingIndex } from './call-arguments.js';
import { isName, isPunct } from './env-reads.js';
import { type MissingBranch, followsLeavingBranch, missingBranch } from './missing-branch.js';

// `a || process.env.B`: B is an alternative to A. `cond && process.env.X` is not a guard of X.
const GUARD_BEFORE = new Set(['!', '||']);
const GUARD_AFTER = new Set(['&&', '||', '??', '?', '==', '===', '!=', '!==']);
const PYTHON_GUARD_BEFORE = new Set(['if', 'elif', 'while', 'not', 'and', 'or', 'assert']);
// `os.environ.get("X") in ("1", "true")` and `not in`: None is simply not in the tuple.
const PYTHON_GUARD_AFTER = new Set(['and', 'or', 'is', 'if', 'in', 'not']);
/** Calls that only ask whether the value is there: `bool(os.environ.get("X"))`, `Boolean(process.env.X)`. */
const TRUTHINESS_CALLS = new Set(['bool', 'Boolean']);

/** Tokens searched after `x = os.getenv("X")` for the first use of `x`. */
const USE_WINDOW = 600;

/**
 * Reads that are presence checks: `if (process.env.SENTRY_DSN)`, `process.env.X && init()`,
 * `os.getenv("DEBUG") == "1"`, `if not os.getenv("X"):`, `bool(os.getenv("X"))`, and reads
 * assigned to a variable whose first use is such a check (`dsn = os.getenv("X")` then `if dsn:`).
 * The code copes when the variable is unset, so it is optional there, like a read with a default.
 * Strict reads stay strict. A check that stops the app when the value is missing (an exit, or
 * `if not key: raise ...` at import) makes the read strict; one that raises inside a function leaves
 * it required (missing-branch.ts says what a branch does).
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
  // Presence checks that leave when the variable is missing (`if not os.getenv("X"): return`): later reads of it are safe.
  const leaving: Array<{ name: string; branch: MissingBranch }> = [];
  tokens.forEach((token, index) => {
    const reads = pending.get(`${token.line}:${token.column}`);
    if (!reads) return;
    const handling = unsetHandling(language, tokens, index) ?? (leaving.some(({ name, branch }) => reads.some((envRead) => envRead.name === name) && followsLeavingBranch(language, tokens, branch, index)) ? 'copes' : undefined);
    if (handling === undefined) return;
    if (handling === 'copes') {
      const branch = missingBranch(language, tokens, index, expressionEnd(tokens, index));
      if (branch?.leaves) for (const envRead of reads) leaving.push({ name: envRead.name, branch });
    }
    for (const envRead of reads) {
      if (handling === 'copes') envRead.hasDefault = true;
      else envRead.strict = true;
    }
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

/** How the code handles an unset variable at this read: it copes, it stops the app, or it cannot tell (undefined). */
function unsetHandling(language: SourceLanguage, tokens: readonly Token[], start: number): 'copes' | 'stops' | undefined {
  const use = firstUse(language, tokens, start) ?? start;
  const follower = tokens[use === start ? readEnd(tokens, start) : use + 1];
  // `name.split()`, `name[0]` (None/undefined has neither), `name(...)`: the first use needs the value.
  const dereferences = isPunct(follower, '.') || isPunct(follower, '[');
  if (dereferences || (use !== start && (isPunct(follower, '?.') || isPunct(follower, '(')))) {
    // `hosts.split(",") if hosts else []`: Python's conditional expression tests after it uses.
    if (language === 'python' && isTestedLaterInLine(tokens, use)) return 'copes';
    return dereferences && runsAtImport(language, tokens, use) ? 'stops' : undefined;
  }
  if (!isGuarded(language, tokens, use)) return undefined;
  // An exit anywhere, or a raise at import, ends the process. A raise in a function refuses that
  // call (`def client(): ... raise RuntimeError("KEY is not set")`, or a feature flag's
  // `raise NotFound()`): the variable is needed there, but the app starts.
  const branch = missingBranch(language, tokens, use, expressionEnd(tokens, use));
  if (branch?.exits || (branch?.raises && runsAtImport(language, tokens, branch.ifIndex))) return 'stops';
  return branch?.raises ? undefined : 'copes';
}

/** Another mention of the same name later in the logical line is a presence check (`... if name else ...`). */
function isTestedLaterInLine(tokens: readonly Token[], use: number): boolean {
  const name = (tokens[use] as Token).value;
  for (let index = use + 1; index < tokens.length && tokens[index]?.kind !== TokenKind.Newline; index += 1) {
    const token = tokens[index] as Token;
    if (token.kind === TokenKind.Name && token.value === name && !isPunct(tokens[index - 1], '.') && isGuarded('python', tokens, index)) return true;
  }
  return false;
}

/**
 * The use runs when the module is imported: a top-level statement (Python: a logical line at
 * column 1 that is not a `def`; JS: outside every bracket), not inside a lambda or arrow function.
 */
function runsAtImport(language: SourceLanguage, tokens: readonly Token[], use: number): boolean {
  let first = use;
  if (language === 'python') {
    while (first > 0 && tokens[first - 1]?.kind !== TokenKind.Newline) first -= 1;
    const head = tokens[first] as Token;
    if (head.column !== 1 || (head.kind === TokenKind.Name && (head.value === 'def' || head.value === 'async')) || isPunct(head, '@')) return false;
  } else {
    if ((tokens[use] as Token).depth !== 0) return false;
    const line = (tokens[use] as Token).line;
    while (first > 0 && (tokens[first - 1] as Token).line === line) first -= 1;
  }
  for (let index = first; index < use; index += 1) {
    const token = tokens[index] as Token;
    if (isName(token, 'lambda') || isName(token, 'function') || isPunct(token, '=>')) return false;
  }
  return true;
}

/**
 * Where the value is first looked at: the read itself, or, when the read is the whole right side of
 * `name = <read>` (Python, also `name: T = <read>`) or `const/let/var name = <read>` (JS), the first
 * later `name` in the same block (undefined when there is no such assignment or use).
 */
function firstUse(language: SourceLanguage, tokens: readonly Token[], start: number): number | undefined {
  const target = assignmentTarget(language, tokens, start);
  if (target === undefined) return undefined;
  const end = readEnd(tokens, start);
  const next = tokens[end];
  const last = tokens[end - 1] as Token;
  const endsStatement = next === undefined || (language === 'python' ? next.kind === TokenKind.Newline : isPunct(next, ';') || (next.line > last.line && next.kind !== TokenKind.Punct));
  if (!endsStatement) return undefined;
  const statement = tokens[target] as Token;
  const limit = Math.min(tokens.length, end + USE_WINDOW);
  for (let index = end; index < limit; index += 1) {
    const token = tokens[index] as Token;
    if (language === 'python' ? tokens[index - 1]?.kind === TokenKind.Newline && token.column < statement.column : token.depth < statement.depth) return undefined;
    if (token.kind !== TokenKind.Name || token.value !== statement.value || isPunct(tokens[index - 1], '.') || isPunct(tokens[index - 1], '?.')) continue;
    // Assigned again (`x = x or "d"` reads it on the right): not a use.
    if (isPunct(tokens[index + 1], '=')) continue;
    return index;
  }
  return undefined;
}

/** Index of the assigned name when the read at `start` is the whole right side of an assignment. */
function assignmentTarget(language: SourceLanguage, tokens: readonly Token[], start: number): number | undefined {
  if (!isPunct(tokens[start - 1], '=')) return undefined;
  if (language === 'python') {
    let first = start - 2;
    while (first > 0 && tokens[first - 1]?.kind !== TokenKind.Newline) first -= 1;
    const name = tokens[first];
    const isSimple = first === start - 2 || isPunct(tokens[first + 1], ':');
    return name?.kind === TokenKind.Name && isSimple && first >= 0 ? first : undefined;
  }
  const keyword = tokens[start - 3];
  const isDeclaration = keyword?.kind === TokenKind.Name && (keyword.value === 'const' || keyword.value === 'let' || keyword.value === 'var');
  return isDeclaration && tokens[start - 2]?.kind === TokenKind.Name ? start - 2 : undefined;
}

/**
 * Index just after the read itself, not what the code does with it: `os.environ.get("X")`,
 * `getenv("X")` (names, then the call), `process.env.X`, `process.env["X"]`, `import.meta.env.X`
 * (the name or the brackets after `env`).
 */
function readEnd(tokens: readonly Token[], start: number): number {
  let index = start + 1;
  let afterEnv = isName(tokens[start], 'env');
  while (!afterEnv && (isPunct(tokens[index], '.') || isPunct(tokens[index], '?.')) && tokens[index + 1]?.kind === TokenKind.Name) {
    afterEnv = (tokens[index + 1] as Token).value === 'env';
    index += 2;
  }
  if (afterEnv && (isPunct(tokens[index], '.') || isPunct(tokens[index], '?.')) && tokens[index + 1]?.kind === TokenKind.Name) return index + 2;
  const open = isPunct(tokens[index], '?.') && isPunct(tokens[index + 1], '[') ? index + 1 : index;
  if (isPunct(tokens[open], '(') || isPunct(tokens[open], '[')) {
    const close = boundedClosingIndex(tokens, open);
    return close === -1 ? index : close + 1;
  }
  return index;
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
