import { describe, expect, it } from 'vitest';
import { parseSqlDdl } from './sql-ddl.js';

describe('parseSqlDdl', () => {
  it('reads CREATE TABLE columns and skips constraints, comments and strings', () => {
    const sql = `-- CreateTable\nCREATE TABLE "public"."users" (\n  "id" SERIAL NOT NULL,\n  "note" TEXT DEFAULT 'a;b',\n  CONSTRAINT "users_pkey" PRIMARY KEY ("id")\n);\n/* CREATE TABLE ghost (x int); */`;
    expect(parseSqlDdl(sql)).toEqual([{ kind: 'create-table', table: 'users', columns: ['id', 'note'], line: 2 }]);
  });

  it('reads ALTER TABLE clauses, SQLite table redefinition and MySQL renames', () => {
    const sql = [
      'ALTER TABLE "Post" ADD COLUMN "slug" TEXT NOT NULL, ADD COLUMN "views" INT, DROP COLUMN "legacy", ADD CONSTRAINT "p_fk" FOREIGN KEY ("a") REFERENCES "b"("id");',
      'CREATE TABLE "new_User" ("id" INTEGER NOT NULL PRIMARY KEY, "name" TEXT);',
      'DROP TABLE "User";',
      'ALTER TABLE "new_User" RENAME TO "User";',
      'ALTER TABLE `orders` CHANGE `total` `amount` DECIMAL(10,2), RENAME COLUMN `a` TO `b`;',
    ].join('\n');
    expect(parseSqlDdl(sql).map(({ kind, table, column, to }) => [kind, table, column ?? to ?? ''])).toEqual([
      ['add-column', 'Post', 'slug'],
      ['add-column', 'Post', 'views'],
      ['drop-column', 'Post', 'legacy'],
      ['create-table', 'new_User', ''],
      ['drop-table', 'User', ''],
      ['rename-table', 'new_User', 'User'],
      ['rename-column', 'orders', 'total'],
      ['rename-column', 'orders', 'a'],
    ]);
  });

  it('marks CREATE TABLE ... AS SELECT as opaque and survives unterminated input', () => {
    expect(parseSqlDdl('CREATE TABLE report AS SELECT * FROM orders;')[0]?.isOpaque).toBe(true);
    expect(parseSqlDdl('CREATE TABLE "x" ("a" TEXT, \'unterminated')).toEqual([{ kind: 'create-table', table: 'x', columns: ['a'], line: 1 }]);
  });
});
