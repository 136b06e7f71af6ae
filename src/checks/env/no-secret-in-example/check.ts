import { defineCheck } from '../../api.js';
import { isExampleEnvFile } from '../../../facts/env-files.js';
import { exampleFileSecrets } from '../../../facts/example-secrets.js';
import { passwordInUrl } from '../../../facts/secret-values.js';

export const noSecretInExample = defineCheck({
  meta: {
    id: 'env/no-secret-in-example',
    stage: 'config',
    description: 'Disallow real-looking secret values in .env.example files',
    severity: 'critical',
    category: 'security',
    appliesWhen: 'a .env.example (or .env.sample/.env.template) file',
  },
  appliesTo: (project) => project.manifests('dotenv').some(({ file }) => isExampleEnvFile(file.path)),
  run({ project, report }) {
    for (const { file, entries } of exampleFileSecrets(project)) {
      for (const entry of entries) {
        const secret = passwordInUrl(entry.value) ?? entry.value;
        report({
          message: `${file.path} gives ${entry.key} a real-looking secret value; the example file is committed and copied by everyone, so the secret is public.`,
          remediation: `Rotate this secret, and replace the value in ${file.path} with an empty placeholder (${entry.key}=).`,
          location: { file: file.path, line: entry.line, column: entry.valueColumn },
          fingerprintContent: entry.key,
          secrets: [secret],
        });
      }
    }
  },
});
