import { defineCheck } from '../../api.js';
import { type EnvRead, envContract } from '../../../facts/env-contract.js';
import { deployedReads, isProvided, readNeedingValue } from '../../../facts/env-judgement.js';

export const requireProvidedVariable = defineCheck({
  meta: {
    id: 'env/require-provided-variable',
    stage: 'config',
    description: 'Require every variable the app needs without a default to be provided or documented somewhere a deploy can see',
    severity: 'critical',
    category: 'configuration',
  },
  run({ project, report }) {
    for (const variable of envContract(project).variables) {
      if (variable.platform || variable.documented.length > 0 || isProvided(variable)) continue;
      const needing = readNeedingValue(variable);
      if (!needing) continue;
      const others = deployedReads(variable).filter((envRead) => envRead !== needing);
      report({
        message: `${variable.name} is read here (${describeRead(needing)}, no default), but nothing provides it (no .env, manifest or platform setting) or documents it (no .env.example entry), so ${consequence(needing)}.`,
        remediation: `Set ${variable.name} where the app is deployed (platform variables or secrets) and add \`${variable.name}=\` to .env.example${variable.secret ? ' with an empty value' : ''}, or give the read a default.`,
        location: { file: needing.file, line: needing.line, column: needing.column },
        severity: needing.strict ? 'critical' : 'moderate',
        fingerprintContent: `${variable.name}:${needing.via}`,
        ...(others.length > 0 ? { related: others.slice(0, 5).map((envRead) => ({ file: envRead.file, line: envRead.line, column: envRead.column })) } : {}),
      });
    }
  },
});

function describeRead(envRead: EnvRead): string {
  return envRead.via.replace(' (shell expansion)', ' expands it');
}

/** What happens at start when the variable is missing, by how it is read. */
function consequence(envRead: EnvRead): string {
  const via = envRead.via;
  if (via === 'os.environ[]') return 'the app raises KeyError when this line runs (at import: the process dies at start)';
  if (via.startsWith('pydantic ')) return 'creating the settings fails validation and the app dies at start';
  if (via.startsWith('django-environ')) return 'django-environ raises ImproperlyConfigured and the app dies at start';
  if (via.startsWith('decouple')) return 'python-decouple raises UndefinedValueError and the app dies at start';
  if (via.startsWith('supervisord')) return 'supervisord refuses to load its configuration, so nothing it manages starts';
  if (via === 'compose interpolation') return envRead.strict ? 'docker compose refuses to start' : 'docker compose substitutes an empty string';
  if (envRead.strict && via.includes('shell')) return 'the script stops with "parameter not set" at start';
  // `if not key: raise ...`, `if (!key) throw ...`, `hosts.split(",")` at import (guarded-reads.ts).
  if (envRead.strict) return 'the app stops without it: the code raises, exits or fails on the missing value there (at import: the process dies at start)';
  return 'the app gets an empty value (undefined/None) and fails where it uses it';
}
