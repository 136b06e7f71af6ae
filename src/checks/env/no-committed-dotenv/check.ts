import { defineCheck } from '../../api.js';
import { isExampleEnvFile } from '../../../facts/env-files.js';
import { isRealSecret, passwordInUrl } from '../../../facts/secret-values.js';


export const noCommittedDotenv = defineCheck({
  meta: {
    id: 'env/no-committed-dotenv',
    stage: 'config',
    description: 'Disallow .env files with real secret values in version control',
    severity: 'critical',
    category: 'security',
    appliesWhen: 'a .env file in the tree',
  },
  appliesTo: (project) => project.manifests('dotenv').some(({ file }) => !isExampleEnvFile(file.path)),
  run({ project, report }) {
    for (const { file, manifest } of project.manifests('dotenv')) {
      if (isExampleEnvFile(file.path)) continue;
      const tracked = project.file(file.path)?.tracked;
      if (tracked === false) continue; // untracked and not ignored: a local file, not yet committed
      const secrets = manifest.entries.filter((entry) => isRealSecret(entry.key, entry.value));
      const first = secrets[0];
      if (!first) continue;
      const names = secrets.map((entry) => entry.key);
      const where = tracked === true ? 'is tracked in git' : 'is in the tree and no .gitignore excludes it';
      report({
        message: `${file.path} ${where} with ${secrets.length === 1 ? 'a real-looking secret' : `${secrets.length} real-looking secrets`} (${names.join(', ')}); anyone with the repository can read ${secrets.length === 1 ? 'it' : 'them'}.`,
        remediation: `Rotate ${names.length === 1 ? 'this secret' : 'these secrets'}, remove the file from git (git rm --cached ${file.path}), add it to .gitignore, and set the values in the platform's secret store.`,
        location: { file: file.path, line: first.line, column: 1 },
        fingerprintContent: names.slice().sort().join(','),
        // A connection string keeps its host and user visible; only the password is masked.
        secrets: secrets.map((entry) => passwordInUrl(entry.value) ?? entry.value),
      });
    }
  },
});
