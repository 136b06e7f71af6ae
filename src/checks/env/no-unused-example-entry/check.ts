import { defineCheck } from '../../api.js';
import { envContract } from '../../../facts/env-contract.js';
import { isExampleEnvFile } from '../../../facts/env-files.js';
import { isImplicitlyRead } from '../../../facts/env-judgement.js';

export const noUnusedExampleEntry = defineCheck({
  meta: {
    id: 'env/no-unused-example-entry',
    stage: 'config',
    description: 'Disallow .env.example entries that no code, script or manifest reads',
    severity: 'low',
    category: 'maintainability',
    appliesWhen: 'a .env.example (or .env.sample/.env.template) file',
  },
  appliesTo: (project) => project.manifests('dotenv').some(({ file }) => isExampleEnvFile(file.path)),
  run({ project, report }) {
    for (const variable of envContract(project).variables) {
      if (variable.reads.length > 0 || variable.platform || isImplicitlyRead(variable.name)) continue;
      for (const documentation of variable.documented.filter((entry) => isExampleEnvFile(entry.file))) {
        report({
          message: `${documentation.file} lists ${variable.name}, but no code, script or manifest in the repository reads it, so whoever deploys sets a value nothing uses (or the code that used it was renamed).`,
          remediation: `Remove ${variable.name} from ${documentation.file}, or fix the name where the code reads it.`,
          location: { file: documentation.file, line: documentation.line, column: 1 },
          fingerprintContent: variable.name,
          ...(variable.secret && documentation.value.length >= 4 ? { secrets: [documentation.value] } : {}),
        });
      }
    }
  },
});
