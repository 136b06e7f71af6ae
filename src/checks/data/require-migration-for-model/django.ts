import { posix } from 'node:path';
import type { FindingInput } from '../../api.js';
import { isNonProductionPath } from '../../../facts/path-roles.js';
import type { Project } from '../../../facts/project.js';
import { type ReplayedTable, replayOperations, tableKey } from '../../../facts/schema/migration-replay.js';
import { type OrmModel, ormModels } from '../../../facts/schema/orm-models.js';
import type { MigrationFileFacts } from '../../../facts/schema-types.js';

interface DjangoMigration {
  path: string;
  name: string;
  migration: MigrationFileFacts;
}

/** Django models whose table or field no migration of their app creates, and apps with models but no migrations. */
export function djangoFindings(project: Project): FindingInput[] {
  if (movesMigrations(project)) return [];
  const migrations = djangoMigrations(project);
  const isDjangoProject = migrations.size > 0 || project.files.some((file) => file.path === 'manage.py' || file.path.endsWith('/manage.py'));
  const findings: FindingInput[] = [];
  for (const [app, models] of modelsByApp(project, migrations)) {
    const appMigrations = migrations.get(app) ?? [];
    if (appMigrations.length === 0) {
      if (isDjangoProject) findings.push(appWithoutMigrations(app, models));
      continue;
    }
    const schema = replayOperations(effectiveMigrations(appMigrations).flatMap((entry) => entry.migration.operations));
    if (schema.isOpaque || appMigrations.some((entry) => entry.migration.isOpaque)) continue;
    for (const model of models) findings.push(...modelFindings(app, model, schema.tables.get(tableKey(model.cls.name))));
  }
  return findings;
}

/** `MIGRATION_MODULES` in production settings puts migrations where liveready would have to guess (test settings that disable them do not count). */
function movesMigrations(project: Project): boolean {
  return project.factsOfKind('python').some((facts) => facts.source?.schema?.djangoSettings?.migrationModulesLine !== undefined && !isNonProductionPath(facts.path) && !/test/i.test(posix.basename(facts.path)));
}

/** Migration files of each app directory (`shop/orders/migrations/0002_order_status.py` -> `shop/orders`), by name. */
function djangoMigrations(project: Project): Map<string, DjangoMigration[]> {
  const byApp = new Map<string, DjangoMigration[]>();
  for (const facts of project.factsOfKind('python')) {
    const migration = facts.source?.schema?.migration;
    const match = /^(?:(.*)\/)?migrations\/([^/]+)\.py$/.exec(facts.path);
    if (migration?.tool !== 'django' || !match || isNonProductionPath(facts.path)) continue;
    const app = match[1] ?? '';
    byApp.set(app, [...(byApp.get(app) ?? []), { path: facts.path, name: match[2] as string, migration }]);
  }
  for (const list of byApp.values()) list.sort((a, b) => a.name.localeCompare(b.name));
  return byApp;
}

/** A squashed migration stands for the ones it `replaces`: those are left out when both are present. */
function effectiveMigrations(migrations: DjangoMigration[]): DjangoMigration[] {
  const replaced = new Set(migrations.flatMap((entry) => entry.migration.replaces ?? []));
  return migrations.filter((entry) => !replaced.has(entry.name));
}

/** Concrete, managed, non-proxy models in an app's `models.py` or `models/` package, by app directory. */
function modelsByApp(project: Project, migrations: Map<string, DjangoMigration[]>): Map<string, OrmModel[]> {
  const byApp = new Map<string, OrmModel[]>();
  for (const model of ormModels(project)) {
    if (model.flavor !== 'django' || !model.hasTable) continue;
    const app = appOf(model, migrations);
    if (app !== undefined) byApp.set(app, [...(byApp.get(app) ?? []), model]);
  }
  return byApp;
}

function appOf(model: OrmModel, migrations: Map<string, DjangoMigration[]>): string | undefined {
  const match = /^(?:(.*)\/)?models(?:\.py|\/[^/]+\.py)$/.exec(model.file);
  if (!match) return undefined;
  const directory = match[1] ?? '';
  const label = model.django?.appLabel;
  if (label === undefined || label === posix.basename(directory)) return directory;
  // `app_label` puts the model in another app: its migrations are that app's, when liveready can find them.
  const apps = [...migrations.keys()].filter((app) => posix.basename(app) === label);
  return apps.length === 1 ? apps[0] : undefined;
}

function appWithoutMigrations(app: string, models: OrmModel[]): FindingInput {
  const label = posix.basename(app) || 'app';
  const first = models[0] as OrmModel;
  const names = models.slice(0, 3).map((model) => model.cls.name).join(', ') + (models.length > 3 ? ', ...' : '');
  return {
    message: `App \`${label}\` defines ${models.length} model${models.length === 1 ? '' : 's'} (${names}) but has no migrations (no ${app ? `${app}/` : ''}migrations/ with a migration): \`migrate\` creates none of their tables, and the first query on them fails in production.`,
    remediation: `Run \`python manage.py makemigrations ${label}\`, review the generated migration and commit it.`,
    location: { file: first.file, line: first.cls.line, column: first.cls.column },
    fingerprintContent: `django-app:${app}`,
  };
}

function modelFindings(app: string, model: OrmModel, table: ReplayedTable | undefined): FindingInput[] {
  const label = posix.basename(app) || 'app';
  const remediation = `Run \`python manage.py makemigrations ${label}\`, review the generated migration and commit it.`;
  const where = `${app ? `${app}/` : ''}migrations/`;
  if (!table) {
    return [{
      message: `Model \`${model.cls.name}\` has no CreateModel in ${where}: \`migrate\` never creates its table, so every query on it fails in production ("no such table" / "relation does not exist").`,
      remediation,
      location: { file: model.file, line: model.cls.line, column: model.cls.column },
      fingerprintContent: `django-model:${app}:${model.cls.name}`,
    }];
  }
  if (table.isOpaque) return [];
  return model.columns
    .filter((column) => !table.columns.has(column.column.toLowerCase()))
    .map((column) => ({
      message: `Field \`${model.cls.name}.${column.column}\` is created by no migration in ${where} (no CreateModel field, AddField or RenameField gives it): the deployed table lacks its column, so queries on \`${model.cls.name}\` fail once this code ships.`,
      remediation,
      location: { file: column.file, line: column.attribute.line, column: column.attribute.column },
      fingerprintContent: `django-field:${app}:${model.cls.name}.${column.column}`,
    }));
}
