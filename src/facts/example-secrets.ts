import type { DotenvEntry } from '../parsers/dotenv.js';
import { redact } from '../util/redact.js';
import { isExampleEnvFile } from './env-files.js';
import type { Project } from './project.js';
import { isPlaceholderValue, isRealSecret } from './secret-values.js';
import type { FileFacts } from './types.js';

/**
 * Entries of `.env.example`-family files that hold a real-looking secret: a secret-named variable
 * with a real value, a URL with a real password, or a known token shape under any name. The
 * selection env/no-secret-in-example reports, so the secrets checks skip these lines.
 */
export function exampleFileSecrets(project: Project): Array<{ file: FileFacts; entries: DotenvEntry[] }> {
  return project.derive('example-file-secrets', () =>
    project.manifests('dotenv').flatMap(({ file, manifest }) => {
      if (!isExampleEnvFile(file.path)) return [];
      const entries = manifest.entries.filter((entry) => isRealSecret(entry.key, entry.value) || (!isPlaceholderValue(entry.value) && redact(entry.value) !== entry.value));
      return entries.length > 0 ? [{ file, entries }] : [];
    }),
  );
}
