import { type Token, TokenKind } from '../../parsers/lexer/token.js';
import type { EnvReadFact } from '../types.js';
import { type CallArgument, argumentNamed, callArguments, logicalLines, stringArgument } from './call-arguments.js';
import { defaultText, isName, isPunct, read } from './env-reads.js';

/**
 * Variables read through settings libraries, in Python:
 *   pydantic   class Settings(BaseSettings): fields (env_prefix, Field(env=/alias=/validation_alias=),
 *              a default makes them optional, none makes them required: ValidationError at start)
 *   environ    env = environ.Env(DEBUG=(bool, False)); env("SECRET_KEY"), env.str(...), env.db()
 *   decouple   from decouple import config; config("SECRET_KEY", default=...)
 */
export function extractSettingsReads(tokens: readonly Token[]): EnvReadFact[] {
  let hasPydantic = false;
  let hasEnviron = false;
  let hasDecouple = false;
  for (const token of tokens) {
    if (token.kind !== TokenKind.Name) continue;
    if (token.value === 'BaseSettings') hasPydantic = true;
    else if (token.value === 'Env') hasEnviron = true;
    else if (token.value === 'decouple') hasDecouple = true;
  }
  const reads: EnvReadFact[] = [];
  if (hasPydantic) reads.push(...pydanticReads(tokens));
  // django-environ always goes through an Env object: `environ.Env(...)` or `Env(...)`.
  if (hasEnviron) reads.push(...environReads(tokens));
  if (hasDecouple) reads.push(...decoupleReads(tokens));
  return reads;
}

const TYPING_NAMES = new Set(['Optional', 'Union', 'List', 'Dict', 'Set', 'Tuple', 'Literal', 'Annotated', 'SecretStr', 'SecretBytes']);

function pydanticReads(tokens: readonly Token[]): EnvReadFact[] {
  const lines = logicalLines(tokens);
  const settingsClasses = new Set(['BaseSettings']);
  const localClasses = new Set<string>();
  const reads: EnvReadFact[] = [];
  lines.forEach(([start, end], lineIndex) => {
    if (!isName(tokens[start], 'class') || !isName(tokens[start + 1])) return;
    const name = (tokens[start + 1] as Token).value;
    localClasses.add(name);
    const bases = tokens.slice(start + 2, end).filter((token) => token.kind === TokenKind.Name).map((token) => token.value);
    if (!bases.some((base) => settingsClasses.has(base))) return;
    settingsClasses.add(name);
    reads.push(...settingsClassReads(tokens, lines, lineIndex, name, localClasses));
  });
  return reads;
}

/** Fields of one settings class: the logical lines indented under its header. */
function settingsClassReads(tokens: readonly Token[], lines: ReadonlyArray<[number, number]>, header: number, className: string, localClasses: ReadonlySet<string>): EnvReadFact[] {
  const classColumn = (tokens[(lines[header] as [number, number])[0]] as Token).column;
  const body: Array<[number, number]> = [];
  for (let index = header + 1; index < lines.length; index += 1) {
    const line = lines[index] as [number, number];
    if ((tokens[line[0]] as Token).column <= classColumn) break;
    body.push(line);
  }
  const fieldColumn = body[0] ? (tokens[body[0][0]] as Token).column : 0;
  const prefix = envPrefix(tokens, body);
  const reads: EnvReadFact[] = [];
  for (const [start, end] of body) {
    const nameToken = tokens[start] as Token;
    if (nameToken.column !== fieldColumn || nameToken.kind !== TokenKind.Name || !isPunct(tokens[start + 1], ':')) continue;
    if (nameToken.value.startsWith('_') || nameToken.value === 'model_config') continue;
    const equals = findAtDepth(tokens, start + 2, end, '=');
    const annotation = tokens[start + 2];
    if (isName(annotation, 'ClassVar') || (annotation && localClasses.has(annotation.value) && !TYPING_NAMES.has(annotation.value))) continue;
    const field = fieldSettings(tokens, equals === -1 ? -1 : equals + 1, end);
    const name = field.alias ?? `${prefix}${nameToken.value}`.toUpperCase();
    const via = `pydantic ${className}.${nameToken.value}`;
    if (field.isRequired) reads.push(read(name, nameToken, via, true));
    // `= None` declares the field optional: unlike os.getenv, it is a choice, not an oversight.
    else reads.push({ ...read(name, nameToken, via, false, field.defaultValue), hasDefault: true });
  }
  return reads;
}

/** `model_config = SettingsConfigDict(env_prefix="APP_")`, `{"env_prefix": ...}`, or `class Config: env_prefix = "APP_"`. */
function envPrefix(tokens: readonly Token[], body: ReadonlyArray<[number, number]>): string {
  for (const [start, end] of body) {
    for (let index = start; index + 2 < end; index += 1) {
      const token = tokens[index] as Token;
      const isKey = (token.kind === TokenKind.Name || token.kind === TokenKind.String) && token.value === 'env_prefix';
      const value = tokens[index + 2];
      if (isKey && (isPunct(tokens[index + 1], '=') || isPunct(tokens[index + 1], ':')) && value?.kind === TokenKind.String) return value.value;
    }
  }
  return '';
}

function findAtDepth(tokens: readonly Token[], start: number, end: number, punct: string): number {
  const depth = tokens[start]?.depth ?? 0;
  for (let index = start; index < end; index += 1) {
    if ((tokens[index] as Token).depth === depth && isPunct(tokens[index], punct)) return index;
  }
  return -1;
}

interface FieldSettings {
  isRequired: boolean;
  defaultValue?: string;
  alias?: string;
}

/** The default after `=`: a value, `None` (optional), or `Field(...)` with default/alias/env. */
function fieldSettings(tokens: readonly Token[], start: number, end: number): FieldSettings {
  if (start === -1) return { isRequired: true };
  if (isName(tokens[start], 'Field') && isPunct(tokens[start + 1], '(')) {
    const args = callArguments(tokens, start + 1);
    const alias = aliasOf(tokens, args);
    const value = argumentNamed(args, 'default', 0) ?? argumentNamed(args, 'default_factory');
    const isEllipsis = value !== undefined && isPunct(tokens[value.start], '...');
    const result: FieldSettings = value && !isEllipsis ? { isRequired: false, ...defaultOf(tokens, value) } : { isRequired: true };
    return alias ? { ...result, alias } : result;
  }
  return { isRequired: false, ...defaultOf(tokens, { start, end }) };
}

function defaultOf(tokens: readonly Token[], arg: CallArgument): { defaultValue?: string } {
  const text = defaultText(tokens, arg.start, arg.end);
  return text === undefined ? {} : { defaultValue: text };
}

/** `env="X"` (v1), `alias="X"`, `validation_alias="X"` or `AliasChoices("X", ...)`. */
function aliasOf(tokens: readonly Token[], args: readonly CallArgument[]): string | undefined {
  for (const keyword of ['validation_alias', 'alias', 'env']) {
    const arg = argumentNamed(args, keyword);
    if (!arg) continue;
    const direct = stringArgument(tokens, arg);
    if (direct) return direct;
    const firstString = tokens.slice(arg.start, arg.end).find((token) => token.kind === TokenKind.String);
    if (firstString) return firstString.value;
  }
  return undefined;
}

/** django-environ: the variables `env.db()` and friends read when given no name. */
const ENVIRON_DEFAULT_NAMES: Record<string, string> = { db: 'DATABASE_URL', db_url: 'DATABASE_URL', cache: 'CACHE_URL', cache_url: 'CACHE_URL', email: 'EMAIL_URL', email_url: 'EMAIL_URL', search_url: 'SEARCH_URL' };
const ENVIRON_METHODS = new Set(['str', 'bool', 'int', 'float', 'list', 'tuple', 'dict', 'url', 'json', 'path', 'bytes', 'decimal', ...Object.keys(ENVIRON_DEFAULT_NAMES)]);

function environReads(tokens: readonly Token[]): EnvReadFact[] {
  const envObjects = new Set<string>();
  const schemeDefaults = new Set<string>();
  const reads: EnvReadFact[] = [];
  for (let index = 0; index < tokens.length; index += 1) {
    const token = tokens[index] as Token;
    if (token.kind !== TokenKind.Name) continue;
    // env = environ.Env(DEBUG=(bool, False)) / env = Env(...)
    const isEnvClass = token.value === 'Env' && isPunct(tokens[index + 1], '(') && (isPunct(tokens[index - 1], '.') ? isName(tokens[index - 2], 'environ') : true);
    if (isEnvClass) {
      const target = tokens[index - (isPunct(tokens[index - 1], '.') ? 4 : 2)];
      if (target?.kind === TokenKind.Name && isPunct(tokens[index - (isPunct(tokens[index - 1], '.') ? 3 : 1)], '=')) envObjects.add(target.value);
      for (const arg of callArguments(tokens, index + 1)) if (arg.keyword) schemeDefaults.add(arg.keyword);
      continue;
    }
    if (!envObjects.has(token.value) || isPunct(tokens[index - 1], '.')) continue;
    const method = isPunct(tokens[index + 1], '.') && isName(tokens[index + 2]) ? (tokens[index + 2] as Token).value : undefined;
    const open = method ? index + 3 : index + 1;
    if (!isPunct(tokens[open], '(') || (method !== undefined && !ENVIRON_METHODS.has(method))) continue;
    const args = callArguments(tokens, open);
    const name = stringArgument(tokens, argumentNamed(args, 'var', 0)) ?? (method ? ENVIRON_DEFAULT_NAMES[method] : undefined);
    if (!name) continue;
    const fallback = argumentNamed(args, 'default', ENVIRON_DEFAULT_NAMES[method ?? ''] && !stringArgument(tokens, args[0]) ? 0 : 1);
    const via = `django-environ ${token.value}${method ? `.${method}` : ''}()`;
    if (fallback) reads.push(read(name, token, via, false, defaultOf(tokens, fallback).defaultValue ?? '<expression>'));
    else if (schemeDefaults.has(name)) reads.push(read(name, token, via, false, '<scheme default>'));
    else reads.push(read(name, token, via, true));
  }
  return reads;
}

function decoupleReads(tokens: readonly Token[]): EnvReadFact[] {
  let isImported = false;
  for (let index = 0; index + 3 < tokens.length; index += 1) {
    if (isName(tokens[index], 'from') && isName(tokens[index + 1], 'decouple') && isName(tokens[index + 2], 'import')) isImported = true;
  }
  const reads: EnvReadFact[] = [];
  for (let index = 0; index < tokens.length; index += 1) {
    const token = tokens[index] as Token;
    if (!isName(token, 'config') || !isPunct(tokens[index + 1], '(')) continue;
    const qualified = isPunct(tokens[index - 1], '.') && isName(tokens[index - 2], 'decouple');
    if (!qualified && (!isImported || isPunct(tokens[index - 1], '.') || isName(tokens[index - 1], 'def'))) continue;
    const args = callArguments(tokens, index + 1);
    const name = stringArgument(tokens, args[0]);
    if (!name) continue;
    const fallback = argumentNamed(args, 'default');
    const at = qualified ? (tokens[index - 2] as Token) : token;
    if (fallback) reads.push(read(name, at, 'decouple config()', false, defaultOf(tokens, fallback).defaultValue ?? '<expression>'));
    else reads.push(read(name, at, 'decouple config()', true));
  }
  return reads;
}
