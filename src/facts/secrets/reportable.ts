import { committedDotenvFiles, isLocalDotenv } from '../committed-dotenv.js';
import { isNonProductionPath } from '../path-roles.js';
import type { Project } from '../project.js';
import type { FileFacts, SecretFact } from '../types.js';

export interface ReportableSecret {
  file: FileFacts;
  secret: SecretFact;
  /** In tests, docs or examples: reported a step lower, so a realistic fake there does not gate a deploy. */
  isNonProduction: boolean;
}

/**
 * Secret facts worth a finding, once: not in a `.env` that exists only on this machine, and not a
 * `.env` value env/no-committed-dotenv already reports (its secret-named entries and passwords).
 */
export function reportableSecrets(project: Project): ReportableSecret[] {
  return project.derive('reportable-secrets', () => {
    const reportedByDotenv = new Map<string, Set<number>>();
    for (const { file, secrets } of committedDotenvFiles(project)) reportedByDotenv.set(file.path, new Set(secrets.map((entry) => entry.line)));
    const found: ReportableSecret[] = [];
    for (const file of project.allFacts()) {
      if (!file.secrets || isLocalDotenv(project, file)) continue;
      const isNonProduction = isNonProductionPath(file.path);
      for (const secret of file.secrets) {
        if (reportedByDotenv.get(file.path)?.has(secret.line)) continue;
        found.push({ file, secret, isNonProduction });
      }
    }
    return found;
  });
}
