/** A Prisma schema as data: datasource provider, models with their fields, enums, composite types. */
export interface PrismaSchema {
  provider?: string;
  models: PrismaModel[];
  enums: string[];
  types: string[];
}

export interface PrismaModel {
  name: string;
  line: number;
  column: number;
  /** `@@map("table")`. */
  map?: string;
  /** `@@ignore`: Prisma Client leaves it out, no unique criterion needed. */
  isIgnored?: boolean;
  /** Some field has `@id` or `@unique`, or the model has `@@id` / `@@unique`. */
  hasUniqueCriterion: boolean;
  fields: PrismaField[];
}

export interface PrismaField {
  name: string;
  /** The type without `?`/`[]` (`String`, `User`, `Unsupported`). */
  type: string;
  line: number;
  column: number;
  isList?: boolean;
  /** `@map("column")`. */
  map?: string;
  /** `@relation(...)`: a relation field (no column of its own). */
  hasRelation?: boolean;
  isIgnored?: boolean;
}

const BLOCK_START = /^(model|enum|view|type|datasource|generator)\s+(\w+)\s*\{\s*$/;
const FIELD = /^(\w+)\s+(\w+)(\([^)]*\))?(\[\])?(\?)?(.*)$/;
const MAX_LINES = 50_000;

/**
 * Reads a `schema.prisma` line by line (the format is line-oriented: one block header, field or
 * block attribute per line). Comments are dropped; a line it does not understand is skipped. Never
 * throws.
 */
export function parsePrismaSchema(text: string): PrismaSchema {
  const schema: PrismaSchema = { models: [], enums: [], types: [] };
  const lines = text.split('\n', MAX_LINES);
  let block: { kind: string; model?: PrismaModel } | undefined;
  lines.forEach((raw, index) => {
    const line = stripComment(raw).trim();
    if (line === '') return;
    if (!block) {
      const start = BLOCK_START.exec(line);
      if (!start) return;
      block = openBlock(schema, start[1] as string, start[2] as string, index + 1, raw.indexOf(start[2] as string) + 1);
      return;
    }
    if (line === '}') {
      block = undefined;
      return;
    }
    if (block.kind === 'datasource') {
      const provider = /^provider\s*=\s*"([^"]*)"/.exec(line);
      if (provider) schema.provider = provider[1] as string;
    } else if (block.model) readModelLine(block.model, line, raw, index + 1);
  });
  return schema;
}

function openBlock(schema: PrismaSchema, kind: string, name: string, line: number, column: number): { kind: string; model?: PrismaModel } {
  if (kind === 'model') {
    const model: PrismaModel = { name, line, column, hasUniqueCriterion: false, fields: [] };
    schema.models.push(model);
    return { kind, model };
  }
  if (kind === 'enum') schema.enums.push(name);
  if (kind === 'type') schema.types.push(name);
  return { kind };
}

function readModelLine(model: PrismaModel, line: string, raw: string, lineNumber: number): void {
  if (line.startsWith('@@')) {
    if (/^@@(?:id|unique)\s*\(/.test(line)) model.hasUniqueCriterion = true;
    if (/^@@ignore\b/.test(line)) model.isIgnored = true;
    const map = /^@@map\s*\(\s*(?:name\s*:\s*)?"([^"]*)"/.exec(line);
    if (map) model.map = map[1] as string;
    return;
  }
  const match = FIELD.exec(line);
  if (!match) return;
  const attributes = match[6] as string;
  const field: PrismaField = { name: match[1] as string, type: match[2] as string, line: lineNumber, column: raw.indexOf(match[1] as string) + 1 };
  if (match[4]) field.isList = true;
  if (/@(?:id|unique)\b/.test(attributes)) model.hasUniqueCriterion = true;
  const map = /@map\s*\(\s*(?:name\s*:\s*)?"([^"]*)"/.exec(attributes);
  if (map) field.map = map[1] as string;
  if (/@relation\b/.test(attributes)) field.hasRelation = true;
  if (/@ignore\b/.test(attributes)) field.isIgnored = true;
  model.fields.push(field);
}

/** The line without a `//` comment (outside a string). */
function stripComment(line: string): string {
  let inString = false;
  for (let index = 0; index < line.length; index += 1) {
    const char = line[index];
    if (char === '"' && line[index - 1] !== '\\') inString = !inString;
    else if (!inString && char === '/' && line[index + 1] === '/') return line.slice(0, index);
  }
  return line;
}
