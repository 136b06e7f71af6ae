import type { CallSite } from '../../../parsers/code/call-sites.js';
import { lineColumnOf } from '../../../parsers/code/masked-source.js';
import type { MigrationFileFacts, SchemaOperation } from '../../schema-types.js';
import { type OperationSource, listElements, literalIn, namedArguments, tupleHeadLiteral } from './operation-arguments.js';

/** Django's operation signatures (django.db.migrations.operations), positional order. */
const SIGNATURES: Record<string, string[]> = {
  CreateModel: ['name', 'fields', 'options', 'bases', 'managers'],
  DeleteModel: ['name'],
  RenameModel: ['old_name', 'new_name'],
  AddField: ['model_name', 'name', 'field', 'preserve_default'],
  RemoveField: ['model_name', 'name'],
  RenameField: ['model_name', 'old_name', 'new_name'],
};
const OPERATION = /^migrations\.(CreateModel|DeleteModel|RenameModel|AddField|RemoveField|RenameField)$/;

/**
 * The model and field operations of a Django migration, in source order, and the migrations a
 * squashed one `replaces`. An operation whose names are not literals makes the file opaque.
 */
export function djangoMigration(source: OperationSource, calls: readonly CallSite[]): MigrationFileFacts | undefined {
  if (!/\bclass\s+Migration\s*\(/.test(source.masked.code)) return undefined;
  const facts: MigrationFileFacts = { tool: 'django', operations: [] };
  for (const call of calls) {
    const kind = OPERATION.exec(call.name)?.[1];
    if (!kind) continue;
    const operation = djangoOperation(source, kind, call);
    if (operation) facts.operations.push(operation);
    else facts.isOpaque = true;
  }
  const replaces = replacedMigrations(source);
  if (replaces.length > 0) facts.replaces = replaces;
  return facts;
}

function djangoOperation(source: OperationSource, kind: string, call: CallSite): SchemaOperation | undefined {
  const args = namedArguments(source, call.paren, SIGNATURES[kind] as string[]);
  const literal = (name: string): string | undefined => literalIn(source, args.get(name));
  const line = lineColumnOf(source.masked, call.start).line;
  switch (kind) {
    case 'CreateModel': {
      const table = literal('name');
      const elements = listElements(source, args.get('fields'));
      if (table === undefined) return undefined;
      const columns = (elements ?? []).map((element) => tupleHeadLiteral(source, element));
      const known = columns.filter((column): column is string => column !== undefined);
      return { kind: 'create-table', table, columns: known, line, ...(elements === undefined || known.length < columns.length ? { isOpaque: true } : {}) };
    }
    case 'DeleteModel':
      return withNames({ kind: 'drop-table', line }, literal('name'));
    case 'RenameModel':
      return withNames({ kind: 'rename-table', line }, literal('old_name'), undefined, literal('new_name'), true);
    case 'AddField':
      return withNames({ kind: 'add-column', line }, literal('model_name'), literal('name'));
    case 'RemoveField':
      return withNames({ kind: 'drop-column', line }, literal('model_name'), literal('name'));
    default:
      return withNames({ kind: 'rename-column', line }, literal('model_name'), literal('old_name'), literal('new_name'));
  }
}

function withNames(base: Pick<SchemaOperation, 'kind' | 'line'>, table: string | undefined, column?: string, to?: string, isTableRename = false): SchemaOperation | undefined {
  if (table === undefined) return undefined;
  const needsColumn = base.kind === 'add-column' || base.kind === 'drop-column' || base.kind === 'rename-column';
  if (needsColumn && column === undefined) return undefined;
  if ((base.kind === 'rename-column' || isTableRename) && to === undefined) return undefined;
  return { ...base, table, ...(column !== undefined ? { column } : {}), ...(to !== undefined ? { to } : {}) };
}

/** `replaces = [("orders", "0001_initial"), ...]`: the names of the migrations a squashed one stands for. */
function replacedMigrations(source: OperationSource): string[] {
  const match = /^[ \t]+replaces\s*(?::[^=\n]*)?=\s*(?=[[(])/m.exec(source.masked.code);
  if (!match) return [];
  const names: string[] = [];
  for (const element of listElements(source, { start: match.index + match[0].length, end: match.index + match[0].length + 1 }) ?? []) {
    const name = literalIn(source, listElements(source, element)?.[1]);
    if (name !== undefined) names.push(name);
  }
  return names;
}
