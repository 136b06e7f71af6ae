import { posix } from 'node:path';
import { isNonProductionPath } from '../../../facts/path-roles.js';
import type { Project } from '../../../facts/project.js';

/** Migrations of one tool in one folder, and the commands that apply them. */
export interface MigrationSet {
  tool: string;
  directory: string;
  files: string[];
  applies: RegExp;
  /** The command to suggest. */
  command: string;
}

interface Tool {
  tool: string;
  file: RegExp;
  /** The folder the set lives in, from a file's path. */
  directory(path: string): string;
  applies: RegExp;
  command: string;
}

const TOOLS: Tool[] = [
  { tool: 'Alembic', file: /(?:^|\/)(?:alembic|migrations)\/versions\/[^/]+\.py$/, directory: (path) => posix.dirname(posix.dirname(path)), applies: /\balembic\b.*\bupgrade\b|\bflask\s+db\s+upgrade\b/, command: 'alembic upgrade head' },
  { tool: 'Django', file: /(?:^|\/)migrations\/\d{4}_[^/]+\.py$/, directory: (path) => posix.dirname(path), applies: /\bmanage\.py\s+migrate\b|\bdjango-admin\s+migrate\b/, command: 'python manage.py migrate --noinput' },
  { tool: 'Prisma', file: /(?:^|\/)prisma\/migrations\/[^/]+\/migration\.sql$/, directory: (path) => posix.dirname(posix.dirname(path)), applies: /\bprisma\s+(?:migrate\s+deploy|db\s+push)\b/, command: 'npx prisma migrate deploy' },
  { tool: 'Drizzle', file: /(?:^|\/)meta\/_journal\.json$/, directory: (path) => posix.dirname(posix.dirname(path)), applies: /\bdrizzle-kit\s+(?:migrate|push)\b/, command: 'npx drizzle-kit migrate' },
  { tool: 'knex/Sequelize/TypeORM', file: /(?:^|\/)migrations\/[^/]+\.(?:js|cjs|mjs|ts)$/, directory: (path) => posix.dirname(path), applies: /\bknex\b.*\bmigrate:latest\b|\bsequelize(?:-cli)?\b.*\bdb:migrate\b|\btypeorm\b.*\bmigration:run\b|\bnode-pg-migrate\b.*\bup\b|\bdb-migrate\s+up\b/, command: 'npx knex migrate:latest (or sequelize db:migrate, typeorm migration:run)' },
];

/** Any deployment command that plainly runs migrations (`npm run migrate`, `make migrate`, `python migrate.py`). */
export const ANY_MIGRATION = /\bmigrat(?:e|ions?)\b/;

/** The project's migration sets, outside tests and examples (Django's `migrations/__init__.py` alone is not a migration). */
export function migrationSets(project: Project): MigrationSet[] {
  const sets = new Map<string, MigrationSet>();
  for (const file of project.files) {
    if (isNonProductionPath(file.path) || /(?:^|\/)node_modules\//.test(file.path)) continue;
    const tool = TOOLS.find((candidate) => candidate.file.test(file.path));
    if (!tool) continue;
    const directory = tool.directory(file.path);
    const key = `${tool.tool}:${directory}`;
    const set = sets.get(key) ?? { tool: tool.tool, directory, files: [], applies: tool.applies, command: tool.command };
    set.files.push(file.path);
    sets.set(key, set);
  }
  return [...sets.values()].map((set) => ({ ...set, files: set.files.sort() }));
}
