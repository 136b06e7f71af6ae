import { parsePrismaSchema } from '../../../parsers/prisma-schema.js';
import { parseSqlDdl } from '../../../parsers/sql-ddl.js';
import type { SchemaFacts } from '../../schema-types.js';

export interface SchemaFileExtraction {
  schema?: SchemaFacts;
  lines: number[];
}

const PRISMA_SCHEMA = /\.prisma$/;
const PRISMA_MIGRATION = /(?:^|\/)migrations\/[^/]+\/migration\.sql$/;

/**
 * Schema facts of a file that is not source code: a Prisma schema (`*.prisma`) or a Prisma
 * migration (`migrations/<name>/migration.sql`). Every other file gives nothing after two regex tests
 * on its path.
 */
export function extractSchemaFileFacts(path: string, text: string): SchemaFileExtraction {
  if (PRISMA_SCHEMA.test(path)) {
    const prisma = parsePrismaSchema(text);
    if (prisma.models.length === 0 && prisma.provider === undefined) return { lines: [] };
    const lines = prisma.models.flatMap((model) => [model.line, ...model.fields.map((field) => field.line)]);
    return { schema: { prisma }, lines };
  }
  if (PRISMA_MIGRATION.test(path)) {
    const operations = parseSqlDdl(text);
    return { schema: { migration: { tool: 'sql', operations } }, lines: operations.map((operation) => operation.line) };
  }
  return { lines: [] };
}
