import { defineCheck } from '../../api.js';
import { isNonProductionPath } from '../../../facts/path-roles.js';

export const noCreateAllAtImport = defineCheck({
  meta: {
    id: 'data/no-create-all-at-import',
    stage: 'scan',
    description: 'Disallow creating database tables (create_all) when a module is imported',
    severity: 'moderate',
    category: 'correctness',
  },
  run({ project, report }) {
    for (const facts of project.allFacts()) {
      if (isNonProductionPath(facts.path)) continue;
      for (const create of facts.source?.service?.schemaCreates ?? []) {
        if (create.scope !== 'import') continue;
        report({
          message: `\`create_all()\` runs when this module is imported: every worker of every instance connects to the database before serving anything (a database outage means the app cannot even start), they race to create the same tables, and existing tables are never altered, so new columns and constraints silently never reach production.`,
          remediation: 'Manage the schema with migrations (`alembic upgrade head` in a release step); if you must create tables from code, do it in a startup hook or a one-off command, not at import.',
          location: { file: facts.path, line: create.line, column: create.column },
        });
      }
    }
  },
});
