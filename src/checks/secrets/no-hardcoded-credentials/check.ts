import { defineCheck } from '../../api.js';
import { ASSIGNMENT_RULE } from '../../../facts/secrets/scan.js';
import { reportableSecrets } from '../../../facts/secrets/reportable.js';

export const noHardcodedCredentials = defineCheck({
  meta: {
    id: 'secrets/no-hardcoded-credentials',
    stage: 'scan',
    description: 'Disallow real-looking values assigned to secret-named variables and keys (passwords, secret keys, tokens) in code and configuration',
    severity: 'moderate',
    category: 'security',
  },
  run({ project, report }) {
    for (const { file, secret, isNonProduction } of reportableSecrets(project)) {
      if (secret.rule !== ASSIGNMENT_RULE) continue;
      const name = secret.name ?? 'this value';
      const isCode = file.kind === 'python' || file.kind === 'javascript' || file.kind === 'typescript';
      const read = file.kind === 'python' ? `os.environ["${envName(name)}"]` : `process.env.${envName(name)}`;
      report({
        message: `${name} is set to a hardcoded value that looks like a real credential: whoever reads the repository has it, and changing it takes a commit and a redeploy.`,
        remediation: isCode
          ? `Read it from the environment (${read}), set the value in the platform's secret store, and rotate the committed one.`
          : `Replace the value with a reference to an environment variable or the platform's secret store, and rotate the committed one.`,
        location: { file: file.path, line: secret.line, column: secret.column },
        ...(isNonProduction ? { severity: 'low' as const } : {}),
      });
    }
  },
});

/** `jwtSecret`, `app.config.secret_key` -> `JWT_SECRET`, `SECRET_KEY`. */
function envName(name: string): string {
  const last = name.split('.').pop() ?? name;
  return last.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/[^A-Za-z0-9]+/g, '_').toUpperCase();
}
