import { posix } from 'node:path';
import type { FindingInput } from '../../api.js';
import { isNonProductionPath } from '../../../facts/path-roles.js';
import type { Project } from '../../../facts/project.js';
import { type ReplayedSchema, replayOperations, tableKey } from '../../../facts/schema/migration-replay.js';
import type { PrismaModelFact, PrismaSchemaFacts } from '../../../facts/schema-types.js';

const SCALARS = new Set(['String', 'Boolean', 'Int', 'BigInt', 'Float', 'Decimal', 'DateTime', 'Json', 'Bytes', 'Unsupported']);

/** Prisma models whose table or scalar column no `migration.sql` creates. */
export function prismaFindings(project: Project): FindingInput[] {
  const schemas = project.allFacts().filter((facts) => facts.schema?.prisma && !isNonProductionPath(facts.path));
  const modelNames = new Set(schemas.flatMap((facts) => [...(facts.schema?.prisma?.models ?? []).map((model) => model.name), ...(facts.schema?.prisma?.types ?? [])]));
  const enums = new Set(schemas.flatMap((facts) => facts.schema?.prisma?.enums ?? []));
  const findings: FindingInput[] = [];
  for (const facts of schemas) {
    const prisma = facts.schema?.prisma as PrismaSchemaFacts;
    if (prisma.provider === 'mongodb') continue;
    const migrations = migrationsFor(project, facts.path);
    if (!migrations) continue;
    const schema = replayOperations(migrations.files.flatMap((path) => project.facts(path)?.schema?.migration?.operations ?? []));
    if (schema.isOpaque) continue;
    for (const model of prisma.models) {
      if (model.isIgnored) continue;
      findings.push(...modelFindings(facts.path, migrations.directory, model, schema, (type) => !modelNames.has(type) && (SCALARS.has(type) || enums.has(type))));
    }
  }
  return findings;
}

/** `prisma/migrations/*\/migration.sql` next to the schema (or next to its `schema/` folder), in name order. */
function migrationsFor(project: Project, schemaPath: string): { directory: string; files: string[] } | undefined {
  const directory = posix.dirname(schemaPath);
  for (const candidate of [directory, posix.dirname(directory)]) {
    const prefix = candidate === '.' ? 'migrations/' : `${candidate}/migrations/`;
    const files = project.files.map((file) => file.path).filter((path) => path.startsWith(prefix) && /^[^/]+\/migration\.sql$/.test(path.slice(prefix.length))).sort();
    if (files.length > 0) return { directory: prefix, files };
  }
  return undefined;
}

function modelFindings(file: string, directory: string, model: PrismaModelFact, schema: ReplayedSchema, isScalar: (type: string) => boolean): FindingInput[] {
  const tableName = model.map ?? model.name;
  const table = schema.tables.get(tableKey(tableName));
  const remediation = `Run \`npx prisma migrate dev --name <change>\` against a development database and commit the new folder in ${directory}.`;
  if (!table) {
    return [{
      message: `Model \`${model.name}\` (table \`${tableName}\`) is created by no migration.sql in ${directory}: \`prisma migrate deploy\` leaves the database without it, so every query on \`${model.name}\` fails in production.`,
      remediation,
      location: { file, line: model.line, column: model.column },
      fingerprintContent: `prisma-model:${tableName}`,
    }];
  }
  if (table.isOpaque) return [];
  return model.fields
    .filter((field) => !field.isIgnored && !field.hasRelation && isScalar(field.type) && !table.columns.has((field.map ?? field.name).toLowerCase()))
    .map((field) => ({
      message: `Field \`${model.name}.${field.name}\` has no column in any migration.sql in ${directory} (no CREATE TABLE or ALTER TABLE ... ADD COLUMN gives \`${field.map ?? field.name}\`): after \`prisma migrate deploy\` every query that selects \`${model.name}\` fails.`,
      remediation,
      location: { file, line: field.line, column: field.column },
      fingerprintContent: `prisma-field:${tableName}.${field.map ?? field.name}`,
    }));
}
