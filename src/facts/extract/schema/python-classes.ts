import { type Brackets, closeOf } from '../../../parsers/code/brackets.js';
import { type Argument, callArguments, literalArgument } from '../../../parsers/code/call-arguments.js';
import { lineColumnOf } from '../../../parsers/code/masked-source.js';
import type { PyBlock, PyLine } from '../../../parsers/code/python-structure.js';
import type { OrmAttributeFact, OrmClassFact } from '../../schema-types.js';
import type { Binding } from '../service/bindings.js';
import type { PythonScope } from '../code/python-scope.js';

const MAX_CLASSES = 500;
const MAX_ATTRIBUTES = 300;
const META_OPTIONS = new Set(['abstract', 'proxy', 'managed', 'app_label', 'db_table', 'swappable']);
const RENAMING_KEYWORDS = ['db_column', 'name'];

interface ClassSource {
  scope: PythonScope;
  brackets: Brackets;
  bindings: ReadonlyMap<string, Binding>;
  /** Block index by the index of its header line (built on first use). */
  headers?: Map<number, number>;
}

/**
 * Module-level classes with bases or decorators (or that declare calls, like column mixins), with the class-body attributes that may be ORM
 * fields (`name = models.CharField(...)`, `id: Mapped[int] = mapped_column(primary_key=True)`,
 * `name: str`), Django `Meta` options and double-underscore settings. Bases are written as their
 * import origin when the name is imported (`models.Model` -> `django.db.models.Model`).
 */
export function pythonOrmClasses(source: ClassSource): OrmClassFact[] {
  const { scope } = source;
  const found: OrmClassFact[] = [];
  scope.structure.blocks.forEach((block, index) => {
    if (block.kind !== 'class' || found.length >= MAX_CLASSES) return;
    if (scope.ancestorOfKind(block.parent, 'def') !== -1 || scope.ancestorOfKind(block.parent, 'class') !== -1) return;
    const fact = classFact(source, block, index);
    if (fact) found.push(fact);
  });
  return found;
}

function classFact(source: ClassSource, block: PyBlock, index: number): OrmClassFact | undefined {
  const { scope, brackets } = source;
  const code = scope.masked.code;
  const header = /\bclass\s+([A-Za-z_]\w*)\s*(\()?/.exec(code.slice(block.start, block.colon));
  if (!header) return undefined;
  const bases: string[] = [];
  const keywords: Record<string, string> = {};
  if (header[2]) {
    const paren = block.start + header.index + header[0].length - 1;
    for (const arg of callArguments(code, brackets, paren)) {
      const text = code.slice(arg.start, arg.end).replace(/\s+/g, '');
      const keyword = /^([A-Za-z_]\w*)=(?!=)(.*)$/.exec(text);
      if (keyword) keywords[keyword[1] as string] = (keyword[2] as string).slice(0, 80);
      else if (/^[A-Za-z_][\w.]*$/.test(text)) bases.push(canonicalName(source.bindings, text));
      else bases.push(text.slice(0, 80));
    }
  }
  const decorators = decoratorsOf(scope, block);
  const position = lineColumnOf(scope.masked, block.start + header.index + header[0].indexOf(header[1] as string));
  const fact: OrmClassFact = { name: header[1] as string, line: position.line, column: position.column, bases, attributes: [] };
  if (Object.keys(keywords).length > 0) fact.keywords = keywords;
  if (decorators.length > 0) fact.decorators = decorators;
  readBody(source, block, index, fact);
  // A class without bases matters only as a mixin that declares columns (`created_at = Column(...)`).
  if (bases.length === 0 && decorators.length === 0 && !fact.attributes.some((attribute) => attribute.callee !== undefined)) return undefined;
  if (/\bPrimaryKeyConstraint\b/.test(code.slice(block.colon, block.end))) fact.hasPrimaryKeyConstraint = true;
  return fact;
}

/** `models.Model` -> `django.db.models.Model` when `models` comes from `from django.db import models`. */
function canonicalName(bindings: ReadonlyMap<string, Binding>, dotted: string): string {
  const dot = dotted.indexOf('.');
  const first = dot === -1 ? dotted : dotted.slice(0, dot);
  const binding = bindings.get(first);
  if (!binding) return dotted;
  const origin = binding.imported === '*' ? binding.module : `${binding.module}${binding.module.endsWith('.') ? '' : '.'}${binding.imported}`;
  return dot === -1 ? origin : `${origin}${dotted.slice(dot)}`;
}

function decoratorsOf(scope: PythonScope, block: PyBlock): string[] {
  const { lines } = scope.structure;
  const names: string[] = [];
  for (let index = block.header - 1; index >= 0; index -= 1) {
    const line = lines[index] as PyLine;
    if (line.word !== '' || line.indent !== block.indent || scope.masked.code.charCodeAt(line.start) !== 64) break;
    const name = /^@\s*([\w.]+)/.exec(scope.masked.code.slice(line.start, line.end))?.[1];
    if (name) names.unshift(name);
  }
  return names;
}

function readBody(source: ClassSource, block: PyBlock, index: number, fact: OrmClassFact): void {
  const { scope } = source;
  const code = scope.masked.code;
  const lines = scope.structure.lines;
  for (let lineIndex = block.header + 1; lineIndex <= block.last; lineIndex += 1) {
    const line = lines[lineIndex] as PyLine;
    if (scope.blockAt(line.start) !== index) continue;
    if (line.word === 'class') {
      source.headers ??= new Map(scope.structure.blocks.map((candidate, blockIndex) => [candidate.header, blockIndex]));
      const nested = source.headers.get(lineIndex) ?? -1;
      if (nested !== -1 && /^class\s+Meta\b/.test(code.slice(line.start, line.end))) fact.meta = metaOptions(source, nested);
      continue;
    }
    if (fact.attributes.length >= MAX_ATTRIBUTES) continue;
    readStatement(source, line, fact);
  }
}

function metaOptions(source: ClassSource, metaIndex: number): Record<string, string> {
  const { scope } = source;
  const block = scope.structure.blocks[metaIndex] as PyBlock;
  const options: Record<string, string> = {};
  for (let lineIndex = block.header + 1; lineIndex <= block.last; lineIndex += 1) {
    const line = scope.structure.lines[lineIndex] as PyLine;
    const match = /^([A-Za-z_]\w*)\s*=(?!=)\s*([\s\S]*)$/.exec(scope.masked.code.slice(line.start, line.end));
    if (!match || !META_OPTIONS.has(match[1] as string)) continue;
    const valueStart = line.start + match[0].length - (match[2] as string).length;
    options[match[1] as string] = literalArgument(scope.masked, { start: valueStart, end: trimEnd(scope.masked.code, line.end) }) ?? (match[2] as string).trim().slice(0, 80);
  }
  return options;
}

function trimEnd(code: string, end: number): number {
  let at = end;
  while (at > 0 && /\s/.test(code[at - 1] as string)) at -= 1;
  return at;
}

/** `name [: annotation] [= value]` at the start of a class-body statement. */
function readStatement(source: ClassSource, line: PyLine, fact: OrmClassFact): void {
  const { scope } = source;
  const code = scope.masked.code;
  const head = /^([A-Za-z_]\w*)\s*(:(?!=)|=(?!=))/.exec(code.slice(line.start, Math.min(line.end, line.start + 200)));
  if (!head) return;
  const name = head[1] as string;
  const afterHead = line.start + head[0].length;
  const equals = head[2] === '=' ? line.start + head[0].length - 1 : topLevelEquals(code, afterHead, line.end);
  const end = trimEnd(code, line.end);
  const valueSpan: Argument | undefined = equals === -1 ? undefined : { start: skipSpaces(code, equals + 1, end), end };
  if (/^__\w+__$/.test(name)) {
    if (!valueSpan) return;
    fact.dunders = { ...fact.dunders, [name]: code.slice(valueSpan.start, valueSpan.end).replace(/\s+/g, ' ').slice(0, 80) };
    if (name === '__tablename__') {
      const table = literalArgument(scope.masked, valueSpan);
      if (table !== undefined) fact.tableName = table;
    }
    return;
  }
  const position = lineColumnOf(scope.masked, line.start);
  const attribute: OrmAttributeFact = { name, line: position.line, column: position.column };
  if (head[2] !== '=') attribute.annotation = code.slice(afterHead, equals === -1 ? end : equals).replace(/\s+/g, ' ').trim().slice(0, 80);
  if (valueSpan) describeValue(source, valueSpan, attribute);
  fact.attributes.push(attribute);
}

function skipSpaces(code: string, from: number, end: number): number {
  let at = from;
  while (at < end && /\s/.test(code[at] as string)) at += 1;
  return at;
}

/** The first `=` at bracket depth 0 that is an assignment (not `==`, `<=`, `>=`, `!=`). */
function topLevelEquals(code: string, from: number, end: number): number {
  let depth = 0;
  for (let at = from; at < end; at += 1) {
    const char = code[at];
    if (char === '(' || char === '[' || char === '{') depth += 1;
    else if (char === ')' || char === ']' || char === '}') depth -= 1;
    else if (char === '=' && depth === 0 && code[at + 1] !== '=' && !'=<>!'.includes(code[at - 1] as string)) return at;
  }
  return -1;
}

function describeValue(source: ClassSource, span: Argument, attribute: OrmAttributeFact): void {
  const { scope, brackets } = source;
  const code = scope.masked.code;
  const call = /^([A-Za-z_][\w.]*)\s*\(/.exec(code.slice(span.start, Math.min(span.end, span.start + 200)));
  const paren = call ? span.start + call[0].length - 1 : -1;
  if (!call || closeOf(brackets, paren) + 1 !== span.end) {
    attribute.value = code.slice(span.start, span.end).replace(/\s+/g, ' ').slice(0, 40);
    return;
  }
  attribute.callee = call[1] as string;
  const keywords: string[] = [];
  let positional = 0;
  for (const arg of callArguments(code, brackets, paren)) {
    const text = code.slice(arg.start, Math.min(arg.end, arg.start + 120));
    const keyword = /^([A-Za-z_]\w*)\s*=(?!=)\s*/.exec(text);
    if (text.startsWith('*')) attribute.hasOpaqueArguments = true;
    else if (!keyword) {
      if (positional === 0) {
        const literal = literalArgument(scope.masked, arg);
        if (literal !== undefined) attribute.firstLiteral = literal;
      }
      positional += 1;
    } else {
      const name = keyword[1] as string;
      keywords.push(name);
      const valueSpan = { start: arg.start + keyword[0].length, end: arg.end };
      if (name === 'primary_key' && code.slice(valueSpan.start, valueSpan.end).trim() === 'True') attribute.isPrimaryKey = true;
      if (RENAMING_KEYWORDS.includes(name)) {
        const literal = literalArgument(scope.masked, valueSpan);
        if (literal !== undefined) attribute.literals = { ...attribute.literals, [name]: literal };
      }
    }
  }
  if (keywords.length > 0) attribute.keywords = keywords;
  attribute.positional = positional;
}
