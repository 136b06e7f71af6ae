import { posix } from 'node:path';
import type { FindingInput } from '../../api.js';
import { isNonProductionPath } from '../../../facts/path-roles.js';
import type { Project } from '../../../facts/project.js';
import { type ReplayedSchema, replayOperations, tableKey } from '../../../facts/schema/migration-replay.js';
import { type OrmModel, ormModels } from '../../../facts/schema/orm-models.js';
import type { MigrationFileFacts } from '../../../facts/schema-types.js';

interface Revision {
  path: string;
  migration: MigrationFileFacts;
}

/** An Alembic script directory (`migrations/`, `alembic/`, `db/migrations/`) and the tree it serves. */
interface AlembicSet {
  directory: string;
  /** The directory's parent: models under it belong to this set. */
  root: string;
  schema: ReplayedSchema;
  isOpaque: boolean;
}

/** SQLAlchemy, Flask-SQLAlchemy and SQLModel models whose table or column no Alembic revision creates. */
export function alembicFindings(project: Project): FindingInput[] {
  const sets = alembicSets(project);
  if (sets.length === 0) return [];
  const findings: FindingInput[] = [];
  for (const model of ormModels(project)) {
    if (model.orm !== 'sqlalchemy' || !model.hasTable || model.tableName === undefined) continue;
    const set = setOf(sets, model.file);
    if (!set || set.isOpaque) continue;
    findings.push(...modelFindings(set, model));
  }
  return findings;
}

/** Directories with an `env.py` and revisions in `versions/`, each replayed in revision order. */
function alembicSets(project: Project): AlembicSet[] {
  const byDirectory = new Map<string, Revision[]>();
  for (const facts of project.factsOfKind('python')) {
    const migration = facts.source?.schema?.migration;
    const match = /^(?:(.*)\/)?versions\/[^/]+\.py$/.exec(facts.path);
    if (migration?.tool !== 'alembic' || !match || isNonProductionPath(facts.path)) continue;
    const directory = match[1] ?? '';
    if (!project.hasFile(directory ? `${directory}/env.py` : 'env.py')) continue;
    byDirectory.set(directory, [...(byDirectory.get(directory) ?? []), { path: facts.path, migration }]);
  }
  return [...byDirectory].map(([directory, revisions]) => {
    const ordered = revisionOrder(revisions);
    const parent = posix.dirname(directory);
    return { directory, root: parent === '.' || directory === '' ? '' : parent, schema: replayOperations(ordered.flatMap((revision) => revision.migration.operations)), isOpaque: revisions.some((revision) => revision.migration.isOpaque) };
  });
}

/** Revisions parents first (following `down_revision`), ties and revisions without ids in file-name order. */
function revisionOrder(revisions: Revision[]): Revision[] {
  const sorted = [...revisions].sort((a, b) => a.path.localeCompare(b.path));
  const byId = new Map(sorted.filter((revision) => revision.migration.revision !== undefined).map((revision) => [revision.migration.revision as string, revision]));
  const ordered: Revision[] = [];
  const done = new Set<Revision>();
  let progress = true;
  while (ordered.length < sorted.length && progress) {
    progress = false;
    for (const revision of sorted) {
      if (done.has(revision)) continue;
      const parents = (revision.migration.downRevisions ?? []).map((id) => byId.get(id)).filter((parent): parent is Revision => parent !== undefined);
      if (parents.some((parent) => !done.has(parent))) continue;
      done.add(revision);
      ordered.push(revision);
      progress = true;
    }
  }
  // A cycle in down_revision: the rest in file order.
  return [...ordered, ...sorted.filter((revision) => !done.has(revision))];
}

/** The set whose tree holds the model's file (the deepest, when sets nest). */
function setOf(sets: AlembicSet[], file: string): AlembicSet | undefined {
  let best: AlembicSet | undefined;
  for (const set of sets) {
    if (set.root !== '' && !file.startsWith(`${set.root}/`)) continue;
    if (!best || set.root.length > best.root.length) best = set;
  }
  return best;
}

function modelFindings(set: AlembicSet, model: OrmModel): FindingInput[] {
  const table = set.schema.tables.get(tableKey(model.tableName as string));
  const versions = `${set.directory ? `${set.directory}/` : ''}versions/`;
  const remediation = `Run \`alembic revision --autogenerate -m "${model.tableName}"\` (\`flask db migrate\` with Flask-Migrate), review the revision and commit it.`;
  if (!table) {
    return [{
      message: `Model \`${model.cls.name}\` maps table \`${model.tableName}\`, but no Alembic revision in ${versions} creates it: \`alembic upgrade head\` leaves the database without the table, so every query on it fails in production.`,
      remediation,
      location: { file: model.file, line: model.cls.line, column: model.cls.column },
      fingerprintContent: `alembic-table:${model.tableName}`,
    }];
  }
  if (table.isOpaque) return [];
  return model.columns
    .filter((column) => !table.columns.has(column.column.toLowerCase()))
    .map((column) => ({
      message: `Column \`${model.tableName}.${column.column}\` (\`${model.cls.name}.${column.attribute.name}\`) is added by no Alembic revision in ${versions}: after \`alembic upgrade head\` the table still lacks it, so every query that loads \`${model.cls.name}\` fails.`,
      remediation,
      location: { file: column.file, line: column.attribute.line, column: column.attribute.column },
      fingerprintContent: `alembic-column:${model.tableName}.${column.column}`,
    }));
}
