import { defineCheck } from '../../api.js';
import { envContract } from '../../../facts/env-contract.js';
import { exampleFiles, isProvided, readNeedingValue } from '../../../facts/env-judgement.js';

export const requireDocumented = defineCheck({
  meta: {
    id: 'env/require-documented',
    stage: 'config',
    description: 'Require every variable the app needs without a default to be listed in the .env.example file',
    severity: 'moderate',
    category: 'configuration',
    appliesWhen: 'a .env.example (or .env.sample/.env.template) file',
  },
  appliesTo: (project) => exampleFiles(project).length > 0,
  run({ project, report }) {
    const example = exampleFiles(project)[0] as string;
    for (const variable of envContract(project).variables) {
      // Nothing provides it either: env/require-provided-variable reports it, once.
      if (variable.platform || variable.documented.length > 0 || !isProvided(variable)) continue;
      const needing = readNeedingValue(variable);
      if (!needing) continue;
      const providers = [...new Set(variable.provided.filter((provision) => !provision.isForwarded).map((provision) => provision.file))];
      report({
        message: `${variable.name} is required here (${needing.via}, no default) but missing from ${example}; only ${providers.join(', ')} set${providers.length === 1 ? 's' : ''} it, so a deploy anywhere else starts without it and nobody is told.`,
        remediation: `Add \`${variable.name}=\`${variable.secret ? ' (empty: it is a secret)' : ' with a placeholder'} to ${example}.`,
        location: { file: needing.file, line: needing.line, column: needing.column },
        fingerprintContent: `${variable.name}:${example}`,
      });
    }
  },
});
