import { computeLineStarts } from './lexer/line-index.js';
import { positionAt } from './positioned.js';

export type DdlOperationKind = 'create-table' | 'drop-table' | 'rename-table' | 'add-column' | 'drop-column' | 'rename-column';

/** One table or column change a SQL script makes. Names are unquoted, as written. */
export interface DdlOperation {
  kind: DdlOperationKind;
  table: string;
  column?: string;
  /** create-table: its columns. */
  columns?: string[];
  /** rename-table / rename-column: the new name. */
  to?: string;
  line: number;
  /** The columns cannot be read (`CREATE TABLE x AS SELECT`, `LIKE other`). */
  isOpaque?: boolean;
}

interface SqlToken {
  kind: 'word' | 'ident' | 'punct' | 'string';
  value: string;
  offset: number;
}

const MAX_STATEMENTS = 5000;
const TABLE_ITEM_KEYWORDS = new Set(['CONSTRAINT', 'PRIMARY', 'UNIQUE', 'FOREIGN', 'CHECK', 'KEY', 'INDEX', 'EXCLUDE', 'FULLTEXT', 'SPATIAL', 'PERIOD']);

/**
 * The table and column changes of a SQL script (migration.sql, or a string a Python migration
 * executes): CREATE TABLE with its columns, DROP TABLE, ALTER TABLE ADD/DROP/RENAME COLUMN, RENAME
 * TO, MySQL CHANGE and RENAME TABLE. Everything else (indexes, data, functions) is ignored. Linear,
 * never throws; comments, strings and dollar-quoted bodies are skipped.
 */
export function parseSqlDdl(text: string): DdlOperation[] {
  const lineStarts = computeLineStarts(text);
  const operations: DdlOperation[] = [];
  let statements = 0;
  for (const statement of sqlStatements(text)) {
    if ((statements += 1) > MAX_STATEMENTS) break;
    const line = positionAt(lineStarts, statement[0]?.offset ?? 0).line;
    operations.push(...statementOperations(statement, line));
  }
  return operations;
}

/** Tokens of each statement (split at `;` outside strings and comments). */
function sqlStatements(text: string): SqlToken[][] {
  const statements: SqlToken[][] = [];
  let current: SqlToken[] = [];
  let pos = 0;
  while (pos < text.length) {
    const char = text[pos] as string;
    if (char === '-' && text[pos + 1] === '-') pos = endOf(text, '\n', pos);
    else if (char === '/' && text[pos + 1] === '*') pos = endOf(text, '*/', pos + 2);
    else if (char === '"' || char === '`' || char === '[') {
      const close = char === '[' ? ']' : char;
      const end = text.indexOf(close, pos + 1);
      const stop = end === -1 ? text.length : end;
      current.push({ kind: 'ident', value: text.slice(pos + 1, stop), offset: pos });
      pos = stop + 1;
    } else if (char === "'") {
      pos = endOfString(text, pos);
      current.push({ kind: 'string', value: '', offset: pos });
    } else if (char === '$' && /^\$\w*\$/.test(text.slice(pos, pos + 40))) {
      const tag = /^\$\w*\$/.exec(text.slice(pos, pos + 40))?.[0] as string;
      pos = endOf(text, tag, pos + tag.length);
    } else if (char === ';') {
      if (current.length > 0) statements.push(current);
      current = [];
      pos += 1;
    } else if (/[A-Za-z_]/.test(char)) {
      const match = /^[A-Za-z_][\w$]*/.exec(text.slice(pos, pos + 256))?.[0] as string;
      current.push({ kind: 'word', value: match, offset: pos });
      pos += match.length;
    } else {
      if (char === '(' || char === ')' || char === ',' || char === '.') current.push({ kind: 'punct', value: char, offset: pos });
      pos += 1;
    }
  }
  if (current.length > 0) statements.push(current);
  return statements;
}

function endOf(text: string, terminator: string, from: number): number {
  const at = text.indexOf(terminator, from);
  return at === -1 ? text.length : at + terminator.length;
}

function endOfString(text: string, quoteAt: number): number {
  let pos = quoteAt + 1;
  while (pos < text.length) {
    if (text[pos] === "'" && text[pos + 1] === "'") pos += 2;
    else if (text[pos] === "'") return pos + 1;
    else pos += 1;
  }
  return text.length;
}

function isWord(token: SqlToken | undefined, ...words: string[]): boolean {
  return token?.kind === 'word' && words.includes(token.value.toUpperCase());
}

function isName(token: SqlToken | undefined): token is SqlToken {
  return token !== undefined && (token.kind === 'word' || token.kind === 'ident');
}

/** A possibly schema-qualified name at `index` (`"public"."User"`): its last part and the index after it. */
function qualifiedName(tokens: SqlToken[], index: number): { name: string; next: number } | undefined {
  let at = index;
  if (!isName(tokens[at])) return undefined;
  while (tokens[at + 1]?.value === '.' && isName(tokens[at + 2])) at += 2;
  return { name: (tokens[at] as SqlToken).value, next: at + 1 };
}

function skipWords(tokens: SqlToken[], index: number, ...words: string[]): number {
  let at = index;
  while (isWord(tokens[at], ...words)) at += 1;
  return at;
}

function statementOperations(tokens: SqlToken[], line: number): DdlOperation[] {
  if (isWord(tokens[0], 'CREATE')) return createTable(tokens, line);
  if (isWord(tokens[0], 'DROP') && isWord(tokens[1], 'TABLE')) return dropTables(tokens, line);
  if (isWord(tokens[0], 'ALTER') && isWord(tokens[1], 'TABLE')) return alterTable(tokens, line);
  if (isWord(tokens[0], 'RENAME') && isWord(tokens[1], 'TABLE')) return renameTables(tokens, line);
  return [];
}

function createTable(tokens: SqlToken[], line: number): DdlOperation[] {
  let at = skipWords(tokens, 1, 'OR', 'REPLACE', 'TEMP', 'TEMPORARY', 'UNLOGGED', 'GLOBAL', 'LOCAL');
  if (!isWord(tokens[at], 'TABLE')) return [];
  at = skipWords(tokens, at + 1, 'IF', 'NOT', 'EXISTS');
  const name = qualifiedName(tokens, at);
  if (!name) return [];
  if (tokens[name.next]?.value !== '(') return [{ kind: 'create-table', table: name.name, columns: [], line, isOpaque: true }];
  const columns: string[] = [];
  let isOpaque = false;
  for (const item of listItems(tokens, name.next)) {
    const first = tokens[item];
    if (isWord(first, 'LIKE')) isOpaque = true;
    else if (isName(first) && !(first.kind === 'word' && TABLE_ITEM_KEYWORDS.has(first.value.toUpperCase()))) columns.push(first.value);
  }
  return [{ kind: 'create-table', table: name.name, columns, line, ...(isOpaque ? { isOpaque } : {}) }];
}

/** Index of the first token of each top-level item of the list opened at `open`. */
function listItems(tokens: SqlToken[], open: number): number[] {
  const items: number[] = [open + 1];
  let depth = 0;
  for (let at = open; at < tokens.length; at += 1) {
    const value = (tokens[at] as SqlToken).value;
    const isPunct = (tokens[at] as SqlToken).kind === 'punct';
    if (isPunct && value === '(') depth += 1;
    else if (isPunct && value === ')' && (depth -= 1) === 0) break;
    else if (isPunct && value === ',' && depth === 1) items.push(at + 1);
  }
  return items;
}

function dropTables(tokens: SqlToken[], line: number): DdlOperation[] {
  const operations: DdlOperation[] = [];
  let at = skipWords(tokens, 2, 'IF', 'EXISTS');
  for (let name = qualifiedName(tokens, at); name; name = qualifiedName(tokens, at)) {
    operations.push({ kind: 'drop-table', table: name.name, line });
    if (tokens[name.next]?.value !== ',') break;
    at = name.next + 1;
  }
  return operations;
}

function renameTables(tokens: SqlToken[], line: number): DdlOperation[] {
  const operations: DdlOperation[] = [];
  let at = 2;
  for (let from = qualifiedName(tokens, at); from && isWord(tokens[from.next], 'TO'); from = qualifiedName(tokens, at)) {
    const to = qualifiedName(tokens, from.next + 1);
    if (!to) break;
    operations.push({ kind: 'rename-table', table: from.name, to: to.name, line });
    if (tokens[to.next]?.value !== ',') break;
    at = to.next + 1;
  }
  return operations;
}

function alterTable(tokens: SqlToken[], line: number): DdlOperation[] {
  const name = qualifiedName(tokens, skipWords(tokens, 2, 'IF', 'EXISTS', 'ONLY'));
  if (!name) return [];
  const operations: DdlOperation[] = [];
  let depth = 0;
  let actionStart = name.next;
  for (let at = name.next; at <= tokens.length; at += 1) {
    const token = tokens[at];
    if (token?.kind === 'punct' && token.value === '(') depth += 1;
    else if (token?.kind === 'punct' && token.value === ')') depth -= 1;
    else if (token === undefined || (token.kind === 'punct' && token.value === ',' && depth === 0)) {
      const operation = alterAction(tokens, actionStart, name.name, line);
      if (operation) operations.push(operation);
      actionStart = at + 1;
    }
  }
  return operations;
}

function alterAction(tokens: SqlToken[], at: number, table: string, line: number): DdlOperation | undefined {
  const verb = tokens[at];
  if (isWord(verb, 'ADD')) {
    const column = columnAfter(tokens, skipWords(tokens, at + 1, 'COLUMN', 'IF', 'NOT', 'EXISTS'));
    return column === undefined ? undefined : { kind: 'add-column', table, column, line };
  }
  if (isWord(verb, 'DROP')) {
    const column = columnAfter(tokens, skipWords(tokens, at + 1, 'COLUMN', 'IF', 'EXISTS'));
    return column === undefined ? undefined : { kind: 'drop-column', table, column, line };
  }
  if (isWord(verb, 'RENAME')) {
    if (isWord(tokens[at + 1], 'TO', 'AS')) {
      const to = qualifiedName(tokens, at + 2);
      return to ? { kind: 'rename-table', table, to: to.name, line } : undefined;
    }
    const from = columnAfter(tokens, skipWords(tokens, at + 1, 'COLUMN'));
    const to = tokens[skipWords(tokens, at + 1, 'COLUMN') + 2];
    return from !== undefined && isWord(tokens[skipWords(tokens, at + 1, 'COLUMN') + 1], 'TO') && isName(to) ? { kind: 'rename-column', table, column: from, to: to.value, line } : undefined;
  }
  if (isWord(verb, 'CHANGE')) {
    const start = skipWords(tokens, at + 1, 'COLUMN');
    const from = tokens[start];
    const to = tokens[start + 1];
    return isName(from) && isName(to) ? { kind: 'rename-column', table, column: from.value, to: to.value, line } : undefined;
  }
  return undefined;
}

/** The column name at `at`, unless the clause is about a constraint, index or key. */
function columnAfter(tokens: SqlToken[], at: number): string | undefined {
  const token = tokens[at];
  if (!isName(token)) return undefined;
  if (token.kind === 'word' && (TABLE_ITEM_KEYWORDS.has(token.value.toUpperCase()) || isWord(token, 'DEFAULT', 'NOT', 'PARTITION', 'COLUMNS'))) return undefined;
  return token.value;
}
