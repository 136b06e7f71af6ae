import { closeOf } from '../../../parsers/code/brackets.js';
import { type Argument, callArguments, firstStringAfter } from '../../../parsers/code/call-arguments.js';
import type { CallSite } from '../../../parsers/code/call-sites.js';
import { lineColumnOf, stringIndexAt, stringValue } from '../../../parsers/code/masked-source.js';
import type { PyBlock } from '../../../parsers/code/python-structure.js';
import { parseSqlDdl } from '../../../parsers/sql-ddl.js';
import type { MigrationFileFacts, SchemaOperation } from '../../schema-types.js';
import type { PythonScope } from '../code/python-scope.js';
import { type OperationSource, literalIn, namedArguments } from './operation-arguments.js';

const OPERATIONS = new Set(['create_table', 'drop_table', 'rename_table', 'add_column', 'drop_column', 'alter_column', 'execute']);
const COLUMN_CALL = /^(?:sa\.|sqlalchemy\.)?Column\s*\(/;

interface RevisionSource extends OperationSource {
  scope: PythonScope;
  /** Name of the function each call sits in. */
  functionNameAt(offset: number): string;
}

/** A `with op.batch_alter_table("t") as batch_op:` block: calls on `alias` inside it change `table`. */
interface Batch {
  alias: string;
  table?: string;
  start: number;
  end: number;
}

/**
 * The table and column operations an Alembic revision's `upgrade()` makes (`op.create_table`,
 * `op.add_column`, batch operations, DDL in `op.execute("...")`), with its `revision` and
 * `down_revision`. `downgrade()` is ignored: it undoes, it does not describe the schema.
 */
export function alembicRevision(source: RevisionSource, calls: readonly CallSite[]): MigrationFileFacts | undefined {
  const revision = revisionValues(source, 'revision')[0];
  if (revision === undefined && !calls.some((call) => call.name.startsWith('op.'))) return undefined;
  const facts: MigrationFileFacts = { tool: 'alembic', operations: [] };
  if (revision !== undefined) facts.revision = revision;
  const down = revisionValues(source, 'down_revision');
  if (down.length > 0) facts.downRevisions = down;
  const batches = batchBlocks(source, calls);
  for (const call of calls) {
    const dot = call.name.lastIndexOf('.');
    const receiver = call.name.slice(0, dot);
    if (!OPERATIONS.has(call.last) || !source.functionNameAt(call.start).startsWith('upgrade')) continue;
    const batch = receiver === 'op' ? undefined : batches.find((candidate) => candidate.alias === receiver && candidate.start < call.start && call.start < candidate.end);
    if (receiver !== 'op' && !batch) continue;
    const line = lineColumnOf(source.masked, call.start).line;
    if (call.last === 'execute') {
      facts.operations.push(...executedDdl(source, call, line));
      continue;
    }
    // alter_column without new_column_name changes a type or a default: no name changes.
    if (call.last === 'alter_column' && !namedArguments(source, call.paren, []).has('new_column_name')) continue;
    const operation = alembicOperation(source, call, line, batch);
    if (operation) facts.operations.push(operation);
    else facts.isOpaque = true;
  }
  return facts;
}

/** `revision = "abc"`, `down_revision: Union[str, None] = ("a", "b")`: the literal ids assigned at module level. */
function revisionValues(source: RevisionSource, name: string): string[] {
  const match = new RegExp(`^${name}\\b[^=\\n]*=\\s*`, 'm').exec(source.masked.code);
  if (!match) return [];
  const start = match.index + match[0].length;
  const lineEnd = source.masked.code.indexOf('\n', start);
  const open = source.masked.code[start] === '(' || source.masked.code[start] === '[';
  const end = open ? source.masked.code.indexOf(source.masked.code[start] === '(' ? ')' : ']', start) : lineEnd === -1 ? source.masked.code.length : lineEnd;
  const values: string[] = [];
  for (let index = stringIndexAt(source.masked, start) === -1 ? firstStringFrom(source, start) : stringIndexAt(source.masked, start); index < source.masked.stringStarts.length && (source.masked.stringStarts[index] as number) < end; index += 1) {
    values.push(stringValue(source.masked, index));
  }
  return values;
}

function firstStringFrom(source: RevisionSource, offset: number): number {
  return firstStringAfter(source.masked.stringStarts, offset);
}

function batchBlocks(source: RevisionSource, calls: readonly CallSite[]): Batch[] {
  const batches: Batch[] = [];
  for (const call of calls) {
    if (call.last !== 'batch_alter_table') continue;
    const block = source.scope.structure.blocks.find((candidate: PyBlock) => candidate.kind === 'with' && candidate.start <= call.start && call.start < candidate.colon);
    if (!block) continue;
    const alias = /\bas\s+([A-Za-z_]\w*)\s*$/.exec(source.masked.code.slice(call.paren, block.colon))?.[1];
    if (!alias) continue;
    const table = literalIn(source, namedArguments(source, call.paren, ['table_name']).get('table_name'));
    batches.push({ alias, start: block.colon, end: block.end, ...(table !== undefined ? { table } : {}) });
  }
  return batches;
}

function alembicOperation(source: RevisionSource, call: CallSite, line: number, batch: Batch | undefined): SchemaOperation | undefined {
  const prefix = batch ? [] : ['table_name'];
  const table = batch ? batch.table : undefined;
  switch (call.last) {
    case 'create_table': {
      const args = namedArguments(source, call.paren, ['table_name']);
      const name = literalIn(source, args.get('table_name'));
      return name === undefined ? undefined : { kind: 'create-table', table: name, ...tableColumns(source, call.paren), line };
    }
    case 'drop_table':
      return named(source, call, line, 'drop-table', ['table_name'], 'table_name');
    case 'rename_table':
      return named(source, call, line, 'rename-table', ['old_table_name', 'new_table_name'], 'old_table_name', undefined, 'new_table_name');
    case 'add_column': {
      const args = namedArguments(source, call.paren, [...prefix, 'column']);
      const name = table ?? literalIn(source, args.get('table_name'));
      const column = columnName(source, args.get('column'));
      return name === undefined || column === undefined ? undefined : { kind: 'add-column', table: name, column, line };
    }
    case 'drop_column':
      return named(source, call, line, 'drop-column', [...prefix, 'column_name'], 'table_name', 'column_name', undefined, table);
    default: {
      return named(source, call, line, 'rename-column', [...prefix, 'column_name'], 'table_name', 'column_name', 'new_column_name', table);
    }
  }
}

function named(source: RevisionSource, call: CallSite, line: number, kind: SchemaOperation['kind'], signature: string[], tableKey: string, columnKey?: string, toKey?: string, batchTable?: string): SchemaOperation | undefined {
  const args = namedArguments(source, call.paren, signature);
  const table = batchTable ?? literalIn(source, args.get(tableKey));
  const column = columnKey ? literalIn(source, args.get(columnKey)) : undefined;
  const to = toKey ? literalIn(source, args.get(toKey)) : undefined;
  if (table === undefined || (columnKey && column === undefined) || (toKey && to === undefined)) return undefined;
  return { kind, table, line, ...(column !== undefined ? { column } : {}), ...(to !== undefined ? { to } : {}) };
}

/** The `sa.Column("name", ...)` arguments of `op.create_table`; opaque when one has no literal name or columns are spread in. */
function tableColumns(source: RevisionSource, paren: number): { columns: string[]; isOpaque?: boolean } {
  const columns: string[] = [];
  let isOpaque = false;
  for (const arg of callArguments(source.masked.code, source.brackets, paren)) {
    const code = source.masked.code.slice(arg.start, arg.end);
    if (code.startsWith('*')) isOpaque = true;
    else if (COLUMN_CALL.test(code)) {
      const name = columnName(source, arg);
      if (name === undefined) isOpaque = true;
      else columns.push(name);
    }
  }
  return isOpaque ? { columns, isOpaque } : { columns };
}

/** `sa.Column("status", sa.String(20))` -> `status`. */
function columnName(source: RevisionSource, argument: Argument | undefined): string | undefined {
  if (!argument) return undefined;
  const code = source.masked.code.slice(argument.start, argument.end);
  const call = COLUMN_CALL.exec(code);
  if (!call) return undefined;
  return literalIn(source, namedArguments(source, argument.start + call[0].length - 1, ['name']).get('name'));
}

/** DDL in the string literals of `op.execute("ALTER TABLE ...")` / `op.execute(sa.text("..."))`. */
function executedDdl(source: RevisionSource, call: CallSite, line: number): SchemaOperation[] {
  const operations: SchemaOperation[] = [];
  const end = closeOf(source.brackets, call.paren);
  for (let index = firstStringFrom(source, call.paren); index < source.masked.stringStarts.length && (source.masked.stringStarts[index] as number) < end; index += 1) {
    for (const operation of parseSqlDdl(stringValue(source.masked, index))) operations.push({ ...operation, line });
  }
  return operations;
}
