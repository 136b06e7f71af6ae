import type { SchemaOperation } from '../schema-types.js';

/** A table as the migrations leave it. */
export interface ReplayedTable {
  /** The name as the last operation wrote it. */
  name: string;
  /** Lower-cased column names. */
  columns: Set<string>;
  /** A create or add could not be read: the column list is incomplete. */
  isOpaque: boolean;
}

/** The tables (by `tableKey`) that a sequence of migrations leaves behind. */
export interface ReplayedSchema {
  tables: Map<string, ReplayedTable>;
  /** Some operation's table could not be read: any table might exist. */
  isOpaque: boolean;
}

/**
 * Table names compared the way the databases and ORMs make them collide: case-insensitively, and
 * without underscores (Flask-SQLAlchemy versions split `APIKey` differently; Django model names are
 * case-insensitive in migrations).
 */
export function tableKey(name: string): string {
  return name.toLowerCase().replace(/_/g, '');
}

/** Applies the operations in order: creates, drops and renames of tables and columns. */
export function replayOperations(operations: Iterable<SchemaOperation>): ReplayedSchema {
  const schema: ReplayedSchema = { tables: new Map(), isOpaque: false };
  for (const operation of operations) applyOperation(schema, operation);
  return schema;
}

function applyOperation(schema: ReplayedSchema, operation: SchemaOperation): void {
  const { tables } = schema;
  const key = tableKey(operation.table);
  if (operation.table === '') {
    schema.isOpaque = true;
    return;
  }
  const table = tables.get(key);
  switch (operation.kind) {
    case 'create-table': {
      const created = table ?? { name: operation.table, columns: new Set<string>(), isOpaque: false };
      for (const column of operation.columns ?? []) created.columns.add(column.toLowerCase());
      if (operation.isOpaque) created.isOpaque = true;
      tables.set(key, created);
      return;
    }
    case 'drop-table':
      tables.delete(key);
      return;
    case 'rename-table':
      if (table && operation.to !== undefined) {
        tables.delete(key);
        tables.set(tableKey(operation.to), { ...table, name: operation.to });
      }
      return;
    default:
      applyColumnOperation(schema, key, operation);
  }
}

function applyColumnOperation(schema: ReplayedSchema, key: string, operation: SchemaOperation): void {
  // A column added to a table no migration created: the table exists (made some way liveready does not see).
  const table = schema.tables.get(key) ?? { name: operation.table, columns: new Set<string>(), isOpaque: true };
  schema.tables.set(key, table);
  const column = (operation.column ?? '').toLowerCase();
  if (operation.isOpaque || column === '') table.isOpaque = true;
  else if (operation.kind === 'add-column') table.columns.add(column);
  else if (operation.kind === 'drop-column') table.columns.delete(column);
  else if (operation.kind === 'rename-column' && operation.to !== undefined) {
    table.columns.delete(column);
    table.columns.add(operation.to.toLowerCase());
  }
}
