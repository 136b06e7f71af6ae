import type { SourceLanguage } from '../../model/file-kind.js';
import { type Token, TokenKind } from '../../parsers/lexer/token.js';
import type { EnvReadFact, LiteralFact } from '../types.js';
import { isName, isPunct } from './env-reads.js';

/**
 * Where a network literal sits, for the checks that must tell a hardcoded address from one the
 * deployment can override: the list or argument it belongs to (`CORS_ORIGINS = [...]`), a parameter
 * default, a dev/prod conditional, an environment read's fallback. Bounded token walks only.
 */

const NETWORK_TAGS = new Set(['loopback-url', 'loopback-host', 'private-address']);
const MAX_WALK = 4000;
const DEV_WORDS = 'debug|dev|devel|development|prod|production|local|is_?dev|is_?prod|is_?production|is_?development|is_?local|node_env|env|environment|app_env|flask_env|django_env|mode';
const DEV_MARKER = new RegExp(`^(?:${DEV_WORDS})$`, 'i');
const DEV_WORD = new RegExp(`(?:^|[^A-Za-z0-9_])(?:${DEV_WORDS})(?![A-Za-z0-9_])`, 'i');

/** The text may hold a dev/prod switch that makes a nearby literal a dev branch (a cheap superset test for the token gate). */
export function mentionsDevMarker(text: string): boolean {
  return DEV_WORD.test(text);
}

type LiteralContext = Pick<LiteralFact, 'container' | 'isParameterDefault' | 'isDevBranch' | 'isCompared'>;

/** Context for the literal token at `index`; empty for literals that are not network literals. */
export function literalContext(language: SourceLanguage, tokens: readonly Token[], index: number, literal: LiteralFact): LiteralContext {
  if (language === 'shell' || !literal.tags.some((tag) => NETWORK_TAGS.has(tag))) return {};
  const context: LiteralContext = {};
  const token = tokens[index] as Token;
  const opener = token.depth > 0 ? enclosingOpener(tokens, index) : -1;
  if (opener !== -1) {
    const container = nameBefore(tokens, opener);
    if (container) context.container = container;
    if (isParameterDefault(language, tokens, index, opener)) context.isParameterDefault = true;
  }
  if (isDevBranch(language, tokens, index)) context.isDevBranch = true;
  if (isCompared(tokens, index)) context.isCompared = true;
  return context;
}

const COMPARISONS = new Set(['==', '!=', '===', '!==', 'in']);
/** Checks a string matches, never dials it: `x.startswith(...)`, `url.includes(...)`, `re.match(...)`. */
const MATCHING_CALL = /(?:^|\.)(?:startswith|endswith|startsWith|endsWith|includes|indexOf|match|search|fullmatch|test|find|count|replace|split)$/;

/** `host == "localhost"`, `"localhost" in hosts`, `host.startswith("host.docker.internal")`. */
function isCompared(tokens: readonly Token[], index: number): boolean {
  const before = tokens[index - 1];
  const after = tokens[index + 1];
  const isOperator = (token: Token | undefined): boolean => token !== undefined && (token.kind === TokenKind.Punct || token.kind === TokenKind.Name) && COMPARISONS.has(token.value);
  if (isOperator(before) || isOperator(after)) return true;
  const opener = (tokens[index] as Token).depth > 0 ? enclosingOpener(tokens, index) : -1;
  if (opener === -1) return false;
  // `host in ("localhost", "127.0.0.1")`: a set of values to compare with.
  if (isOperator(tokens[opener - 1])) return true;
  if ((tokens[opener] as Token).value !== '(') return false;
  const callee = tokens[opener - 1];
  return isName(callee) && isPunct(tokens[opener - 2], '.') && MATCHING_CALL.test((callee as Token).value);
}

/** Marks literals that are the fallback value of an environment read on the same or a nearby line. */
export function markEnvDefaults(literals: LiteralFact[], envReads: readonly EnvReadFact[]): void {
  const withDefault = envReads.filter((read) => read.defaultValue !== undefined);
  if (withDefault.length === 0) return;
  for (const literal of literals) {
    if (!literal.tags.some((tag) => NETWORK_TAGS.has(tag))) continue;
    if (withDefault.some((read) => read.defaultValue === literal.value && literal.line >= read.line && literal.line <= read.line + 3)) literal.isEnvDefault = true;
  }
}

/** Index of the `(`, `[` or `{` that directly encloses the token at `index`, or -1. */
function enclosingOpener(tokens: readonly Token[], index: number): number {
  const depth = (tokens[index] as Token).depth - 1;
  for (let cursor = index - 1; cursor >= 0 && index - cursor <= MAX_WALK; cursor -= 1) {
    const token = tokens[cursor] as Token;
    if (token.depth === depth && token.kind === TokenKind.Punct && (token.value === '(' || token.value === '[' || token.value === '{')) return cursor;
    if (token.depth < depth) return -1;
  }
  return -1;
}

/** `NAME = [`, `name: {`, `"key": [`, `origins=[`: the name a bracket is assigned to or keyed by. */
function nameBefore(tokens: readonly Token[], opener: number): string | undefined {
  const operator = tokens[opener - 1];
  const name = tokens[opener - 2];
  if (operator?.kind === TokenKind.Punct && (operator.value === '=' || operator.value === ':') && (name?.kind === TokenKind.Name || name?.kind === TokenKind.String)) return name.value;
  // A call's own name: `CORS(app, ...)` has no assignment, its callee stands for it.
  if ((tokens[opener] as Token).value === '(' && operator?.kind === TokenKind.Name) return operator.value;
  return undefined;
}

/** `def f(url="...")` (Python needs `def`: `f(url="...")` is a call) or JS `(url = "...") =>` / `function f(url = "...")`. */
function isParameterDefault(language: SourceLanguage, tokens: readonly Token[], index: number, opener: number): boolean {
  const assign = tokens[index - 1];
  if ((tokens[opener] as Token).value !== '(' || assign?.kind !== TokenKind.Punct || assign.value !== '=' || tokens[index - 2]?.kind !== TokenKind.Name) return false;
  if (language === 'python') return tokens[opener - 2]?.kind === TokenKind.Name && tokens[opener - 2]?.value === 'def';
  return true;
}

/** The literal is a branch of `cond ? a : b` or `a if cond else b` whose condition names a dev/prod switch. */
function isDevBranch(language: SourceLanguage, tokens: readonly Token[], index: number): boolean {
  const line = (tokens[index] as Token).line;
  const from = Math.max(0, index - 30);
  const to = Math.min(tokens.length, index + 30);
  const isNear = (token: Token): boolean => Math.abs(token.line - line) <= 2;
  let isConditional = false;
  for (let cursor = from; cursor < to && !isConditional; cursor += 1) {
    const token = tokens[cursor] as Token;
    isConditional = isNear(token) && (language === 'python' ? token.kind === TokenKind.Name && (token.value === 'if' || token.value === 'else') : token.kind === TokenKind.Punct && token.value === '?');
  }
  if (!isConditional) return false;
  for (let cursor = from; cursor < to; cursor += 1) {
    const token = tokens[cursor] as Token;
    if (isNear(token) && (token.kind === TokenKind.Name || token.kind === TokenKind.String) && DEV_MARKER.test(token.value)) return true;
  }
  return false;
}
