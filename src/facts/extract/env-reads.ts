import type { SourceLanguage } from '../../model/file-kind.js';
import { type Token, TokenKind } from '../../parsers/lexer/token.js';
import type { EnvReadFact } from '../types.js';

/**
 * Environment variable reads in one file, from its tokens:
 *   Python  os.environ["X"], os.environ.get("X"[, d]), os.getenv("X"[, d]), os.environ.setdefault,
 *           `from os import environ/getenv` forms, `... or "default"`
 *   JS/TS   process.env.X, process.env["X"], const { X, Y = "d" } = process.env, import.meta.env.X,
 *           `|| d` / `?? d` fallbacks
 *   shell   $X, ${X}, ${X:-d}, ${X-d}, ${X:=d}, ${X:?message}
 */
export function extractEnvReads(language: SourceLanguage, tokens: readonly Token[]): EnvReadFact[] {
  if (language === 'python') return pythonReads(tokens);
  if (language === 'shell') return shellReads(tokens);
  return javascriptReads(tokens);
}

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function isPunct(token: Token | undefined, value: string): boolean {
  return token !== undefined && token.kind === TokenKind.Punct && token.value === value;
}

export function isName(token: Token | undefined, value?: string): boolean {
  return token !== undefined && token.kind === TokenKind.Name && (value === undefined || token.value === value);
}

function stringValue(token: Token | undefined): string | undefined {
  return token !== undefined && token.kind === TokenKind.String && ENV_NAME.test(token.value) ? token.value : undefined;
}

export function read(name: string, at: Token, via: string, strict: boolean, defaultValue?: string): EnvReadFact {
  const fact: EnvReadFact = { name, line: at.line, column: at.column, via, strict, hasDefault: defaultValue !== undefined };
  if (defaultValue !== undefined) fact.defaultValue = defaultValue;
  return fact;
}

/** Index of the bracket closing the one opened at `open`, or -1. */
export function closingIndex(tokens: readonly Token[], open: number): number {
  const depth = (tokens[open] as Token).depth;
  for (let index = open + 1; index < tokens.length; index += 1) {
    const token = tokens[index] as Token;
    if (token.kind === TokenKind.Punct && token.depth === depth && (token.value === ')' || token.value === ']' || token.value === '}')) return index;
  }
  return -1;
}

/** The text of a default argument: a literal's value, or `<expression>`; undefined for None/null. */
export function defaultText(tokens: readonly Token[], start: number, end: number): string | undefined {
  const first = tokens[start];
  if (!first || start >= end) return undefined;
  if (end - start === 1) {
    if (first.kind === TokenKind.String || first.kind === TokenKind.Number) return first.value;
    if (first.kind === TokenKind.Name && (first.value === 'None' || first.value === 'null' || first.value === 'undefined')) return undefined;
    if (first.kind === TokenKind.Name && (first.value === 'True' || first.value === 'False' || first.value === 'true' || first.value === 'false')) return first.value.toLowerCase();
  }
  return '<expression>';
}

function pythonReads(tokens: readonly Token[]): EnvReadFact[] {
  const reads: EnvReadFact[] = [];
  const bareNames = importedFromOs(tokens);
  for (let index = 0; index < tokens.length; index += 1) {
    const token = tokens[index] as Token;
    if (token.kind !== TokenKind.Name) continue;
    const qualified = isPunct(tokens[index - 1], '.') && isName(tokens[index - 2], 'os');
    const bare = !isPunct(tokens[index - 1], '.') && bareNames.has(token.value);
    if (!qualified && !bare) continue;
    const start = qualified ? (tokens[index - 2] as Token) : token;
    if (token.value === 'environ') {
      const next = tokens[index + 1];
      if (isPunct(next, '[')) {
        const name = stringValue(tokens[index + 2]);
        const close = closingIndex(tokens, index + 1);
        // os.environ["X"] = value sets it for this process, and `del os.environ["X"]` unsets it: not reads.
        const isDeleted = isName(tokens[index - (qualified ? 3 : 1)], 'del');
        if (name && close !== -1 && !isPunct(tokens[close + 1], '=') && !isDeleted) reads.push(withOr(tokens, close, read(name, start, 'os.environ[]', true)));
      } else if (isPunct(next, '.') && isName(tokens[index + 2]) && isPunct(tokens[index + 3], '(')) {
        const method = (tokens[index + 2] as Token).value;
        // A bare `os.environ.pop("X", None)` statement unsets the variable, like `del`: not a read.
        const isDiscardedPop = method === 'pop' && isStatementStart(tokens, index - (qualified ? 2 : 0)) && tokens[closingIndex(tokens, index + 3) + 1]?.kind === TokenKind.Newline;
        if ((method === 'get' || method === 'setdefault' || method === 'pop') && !isDiscardedPop) reads.push(...callRead(tokens, index + 3, start, `os.environ.${method}`));
      }
      continue;
    }
    if (token.value === 'getenv' && isPunct(tokens[index + 1], '(')) reads.push(...callRead(tokens, index + 1, start, 'os.getenv'));
  }
  return reads;
}

function isStatementStart(tokens: readonly Token[], index: number): boolean {
  return index === 0 || tokens[index - 1]?.kind === TokenKind.Newline;
}

/** `from os import environ, getenv` makes the bare names refer to os. */
function importedFromOs(tokens: readonly Token[]): Set<string> {
  const names = new Set<string>();
  for (let index = 0; index + 2 < tokens.length; index += 1) {
    if (!isName(tokens[index], 'from') || !isName(tokens[index + 1], 'os') || !isName(tokens[index + 2], 'import')) continue;
    for (let cursor = index + 3; cursor < tokens.length && tokens[cursor]?.kind !== TokenKind.Newline; cursor += 1) {
      const token = tokens[cursor] as Token;
      if (token.kind === TokenKind.Name && (token.value === 'environ' || token.value === 'getenv') && !isName(tokens[cursor - 1], 'as')) names.add(token.value);
    }
  }
  return names;
}

/** `get("X", default)` style call whose `(` is at `open`. */
function callRead(tokens: readonly Token[], open: number, start: Token, via: string): EnvReadFact[] {
  const name = stringValue(tokens[open + 1]);
  const close = closingIndex(tokens, open);
  if (!name || close === -1) return [];
  const comma = isPunct(tokens[open + 2], ',') ? open + 2 : -1;
  const fallback = comma === -1 ? undefined : defaultText(tokens, comma + 1, isPunct(tokens[close - 1], ',') ? close - 1 : close);
  return [withOr(tokens, close, read(name, start, via, false, fallback))];
}

/** `... or "d"` (Python) and `... || d` / `... ?? d` (JS) right after the read give it a default. */
function withOr(tokens: readonly Token[], last: number, fact: EnvReadFact): EnvReadFact {
  if (fact.hasDefault) return fact;
  const operator = tokens[last + 1];
  const isFallback = (operator?.kind === TokenKind.Name && operator.value === 'or') || isPunct(operator, '||') || isPunct(operator, '??');
  if (!isFallback) return fact;
  const value = tokens[last + 2];
  // A template literal's value keeps `{}` for each interpolation (`http://localhost:{}`), as its literal fact does.
  const text = value && (value.kind === TokenKind.String || value.kind === TokenKind.Number || value.kind === TokenKind.Template) ? value.value : '<expression>';
  return { ...fact, strict: false, hasDefault: true, defaultValue: text };
}

function javascriptReads(tokens: readonly Token[]): EnvReadFact[] {
  const reads: EnvReadFact[] = [];
  for (let index = 0; index < tokens.length; index += 1) {
    const token = tokens[index] as Token;
    if (token.kind !== TokenKind.Name || token.value !== 'env') continue;
    const owner = tokens[index - 2];
    const dot = tokens[index - 1];
    if (!(isPunct(dot, '.') || isPunct(dot, '?.'))) continue;
    const isProcessEnv = isName(owner, 'process') || isName(owner, 'Bun');
    const isImportMeta = isName(owner, 'meta') && isPunct(tokens[index - 3], '.') && isName(tokens[index - 4], 'import');
    // `delete process.env.X` unsets it: not a read.
    if ((!isProcessEnv && !isImportMeta) || isName(tokens[index - 3], 'delete')) continue;
    const start = isImportMeta ? (tokens[index - 4] as Token) : (owner as Token);
    const via = isImportMeta ? 'import.meta.env' : `${(owner as Token).value}.env`;
    const next = tokens[index + 1];
    if ((isPunct(next, '.') || isPunct(next, '?.')) && isName(tokens[index + 2]) && ENV_NAME.test((tokens[index + 2] as Token).value)) {
      reads.push(withOr(tokens, index + 2, read((tokens[index + 2] as Token).value, start, via, false)));
    } else if (isPunct(next, '[') || (isPunct(next, '?.') && isPunct(tokens[index + 2], '['))) {
      const open = isPunct(next, '[') ? index + 1 : index + 2;
      const name = stringValue(tokens[open + 1]);
      const close = closingIndex(tokens, open);
      if (name && close !== -1) reads.push(withOr(tokens, close, read(name, start, via, false)));
    } else if (isPunct(dot, '.') && isPunct(tokens[index - 3 - (isImportMeta ? 2 : 0)], '=') && isProcessEnv) {
      reads.push(...destructured(tokens, index - 3, start, via));
    }
  }
  return reads;
}

/** `const { A, B = "d", C: c } = process.env` where `=` is at `equals`. */
function destructured(tokens: readonly Token[], equals: number, start: Token, via: string): EnvReadFact[] {
  const close = equals - 1;
  if (!isPunct(tokens[close], '}')) return [];
  const depth = (tokens[close] as Token).depth;
  let open = close - 1;
  while (open >= 0 && !(isPunct(tokens[open], '{') && (tokens[open] as Token).depth === depth)) open -= 1;
  if (open < 0) return [];
  const reads: EnvReadFact[] = [];
  let expectName = true;
  for (let index = open + 1; index < close; index += 1) {
    const token = tokens[index] as Token;
    if (token.depth !== depth + 1) continue;
    if (token.kind === TokenKind.Punct && token.value === ',') {
      expectName = true;
      continue;
    }
    if (expectName && token.kind === TokenKind.Name && ENV_NAME.test(token.value)) {
      expectName = false;
      const hasDefault = isPunct(tokens[index + 1], '=') || (isPunct(tokens[index + 1], ':') && isPunct(tokens[index + 3], '='));
      const valueIndex = isPunct(tokens[index + 1], '=') ? index + 2 : index + 4;
      const fallback = hasDefault ? defaultText(tokens, valueIndex, valueIndex + 1) ?? '<expression>' : undefined;
      reads.push(read(token.value, { ...start, line: token.line, column: token.column }, `${via} destructuring`, false, fallback));
    }
  }
  return reads;
}

/** Variables every shell has, or that a script sets for itself: not part of the app's contract. */
const SHELL_BUILTINS = new Set(['HOME', 'PATH', 'PWD', 'OLDPWD', 'USER', 'SHELL', 'IFS', 'RANDOM', 'SECONDS', 'LINENO', 'BASH_SOURCE', 'FUNCNAME', 'HOSTNAME', 'UID', 'EUID', 'PPID', 'OPTARG', 'OPTIND', 'TERM', 'LANG', 'TMPDIR', 'BASH_VERSION', 'PIPESTATUS']);

function shellReads(tokens: readonly Token[]): EnvReadFact[] {
  const assigned = new Set<string>();
  const reads: EnvReadFact[] = [];
  const expansion = /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-=?+])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g;
  for (let index = 0; index < tokens.length; index += 1) {
    const token = tokens[index] as Token;
    if (token.kind !== TokenKind.Name && token.kind !== TokenKind.String) continue;
    const assignment = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)=/.exec(token.value);
    const isCommandStart = index === 0 || tokens[index - 1]?.kind === TokenKind.Newline || tokens[index - 1]?.kind === TokenKind.Punct || isName(tokens[index - 1], 'export') || isName(tokens[index - 1], 'local');
    if (assignment && isCommandStart) assigned.add(assignment[1] as string);
    if (isName(tokens[index - 1], 'read')) assigned.add(token.value);
    if (!token.value.includes('$')) continue;
    for (const match of token.value.matchAll(expansion)) {
      const name = (match[1] ?? match[4]) as string;
      if (SHELL_BUILTINS.has(name) || assigned.has(name)) continue;
      const operator = match[2];
      const strict = operator === ':?' || operator === '?';
      const fallback = operator === ':-' || operator === '-' || operator === ':=' || operator === '=' ? (match[3] ?? '') : undefined;
      // Quoted words lost their opening quote in `value`: shift by one so the column lands on the `$`.
      const at = { ...token, column: token.column + (match.index ?? 0) + (token.kind === TokenKind.String ? 1 : 0) };
      reads.push(read(name, at, 'shell expansion', strict, fallback));
    }
  }
  return reads;
}
