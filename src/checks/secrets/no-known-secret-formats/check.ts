import { defineCheck } from '../../api.js';
import { ASSIGNMENT_RULE, describeSecretRule } from '../../../facts/secrets/scan.js';
import { reportableSecrets } from '../../../facts/secrets/reportable.js';

export const noKnownSecretFormats = defineCheck({
  meta: {
    id: 'secrets/no-known-secret-formats',
    stage: 'scan',
    description: 'Disallow committed credentials of known formats (cloud and API keys, tokens, private keys, JWTs, passwords in URLs, webhook URLs)',
    severity: 'critical',
    category: 'security',
  },
  run({ project, report }) {
    for (const { file, secret, isNonProduction } of reportableSecrets(project)) {
      if (secret.rule === ASSIGNMENT_RULE) continue;
      const { title, revoke } = describeSecretRule(secret.rule);
      const where = isNonProduction ? ' (in a test or documentation file, so it does not gate the deploy; a real key there is leaked all the same)' : '';
      report({
        message: `${withArticle(title)} is committed in ${file.path}: anyone who can read the repository, or its history, can use it${where}.`,
        remediation: `Revoke it in ${revoke}; then read the new value from an environment variable set in the platform's secret store (git history keeps the old one, so revoking is the fix).`,
        location: { file: file.path, line: secret.line, column: secret.column },
        severity: isNonProduction && secret.severity === 'critical' ? 'moderate' : isNonProduction ? 'low' : secret.severity,
      });
    }
  },
});

function withArticle(title: string): string {
  const article = /^(?:[aeiou]|npm\b)/i.test(title) ? 'An' : 'A';
  return `${article} ${title}`;
}
