import { defineCheck } from '../../api.js';
import { envContract } from '../../../facts/env-contract.js';
import { isNonProductionPath } from '../../../facts/path-roles.js';

/** Settings meant for development or tests only (`settings/dev.py`, `config/local.py`). */
const DEVELOPMENT_SETTINGS = /(?:^|\/)(?:dev|development|local|test|testing)(?:_settings|_config)?\.py$|(?:^|\/)settings_(?:dev|local|test)\.py$/;

export const noSqliteFallback = defineCheck({
  meta: {
    id: 'data/no-sqlite-fallback',
    stage: 'scan',
    description: 'Disallow a database URL that falls back to SQLite or a local file when the variable is unset',
    severity: 'moderate',
    category: 'reliability',
  },
  run({ project, report }) {
    const provided = new Set(envContract(project).variables.filter((variable) => variable.provided.some((provision) => !provision.isForwarded)).map((variable) => variable.name));
    for (const facts of project.allFacts()) {
      if (isNonProductionPath(facts.path) || DEVELOPMENT_SETTINGS.test(facts.path)) continue;
      for (const fallback of facts.source?.service?.databaseFallbacks ?? []) {
        if (fallback.guardLine !== undefined) continue;
        const isProvided = provided.has(fallback.variable);
        report({
          message: `\`${fallback.variable}\` falls back to \`${fallback.fallback}\` when it is unset${isProvided ? ' (a deployment manifest sets it, but any environment that misses it' : ': a deploy that forgets the variable'} starts without an error and writes to a SQLite file on the instance's disk${isProvided ? ')' : ''}, which is lost at the next restart or redeploy and not shared between instances: silent data loss.`,
          remediation: `Read ${fallback.variable} without a default in production (fail at start when it is missing), and keep SQLite behind an explicit development setting.`,
          location: { file: facts.path, line: fallback.line, column: fallback.column },
          severity: isProvided ? 'low' : 'moderate',
          fingerprintContent: `${fallback.variable}:${fallback.fallback}`,
        });
      }
    }
  },
});
