import { defineCheck } from '../../api.js';
import type { CallFact } from '../../../facts/code-types.js';

/** Files a deployment ships as configuration: rewriting them at run time is state drift. */
const CONFIG_FILE = /(?:^|[\\/])(?:\.env(?:\.[\w.-]+)?|\.replit|Procfile|(?:config|settings|app|application|appsettings|secrets?|credentials|env)(?:\.[\w-]+)?\.(?:json|ya?ml|toml|ini|cfg|conf|env|py|js)|[\w.-]+\.(?:ini|cfg|conf|toml)|(?:docker-)?compose\.ya?ml|package\.json|tsconfig\.json)$/i;
/** Where writing config is the job (setup and maintenance scripts, tests), not the running app. */
const TOOLING = /(?:^|\/)(?:scripts?|tools|bin|tests?|__tests__|migrations|setup\.py|conftest\.py|noxfile\.py|fabfile\.py)(?:\/|$)|\.(?:test|spec)\.[jt]sx?$/;

export const noRuntimeConfigWrite = defineCheck({
  meta: {
    id: 'resilience/no-runtime-config-write',
    stage: 'scan',
    description: 'Disallow the app writing its own configuration files (.env, config.json, settings.yaml...) at run time',
    severity: 'moderate',
    category: 'reliability',
  },
  run({ project, report }) {
    for (const facts of project.allFacts()) {
      if (TOOLING.test(facts.path)) continue;
      for (const call of facts.source?.code?.calls ?? []) {
        const target = configTarget(call);
        if (!target) continue;
        report({
          message: `${call.callee}() writes ${target} while the app runs${call.functionName ? ` (in ${call.functionName}())` : ''}: on a platform the file system is reset on every deploy or restart (or read-only), each instance gets its own copy, and the change silently disappears or diverges.`,
          remediation: 'Keep configuration read-only at run time: put changing settings in a database or a key-value store, and secrets in the platform\'s environment variables.',
          location: { file: facts.path, line: call.line, column: call.column },
          fingerprintContent: `${call.callee}:${target}`,
        });
      }
    }
  },
});

function configTarget(call: CallFact): string | undefined {
  if (call.category !== 'file-write') return undefined;
  if (/(?:^|\.)(?:set_key|unset_key)$/.test(call.callee)) return call.target ?? '.env';
  return call.target !== undefined && CONFIG_FILE.test(call.target) ? call.target : undefined;
}
