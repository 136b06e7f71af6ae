import type { DotenvEntry } from '../parsers/dotenv.js';
import { isExampleEnvFile } from './env-files.js';
import type { Project } from './project.js';
import { isRealSecret } from './secret-values.js';
import type { FileFacts } from './types.js';

/** A `.env` file a deployment (or a clone) gets, with the entries that hold real secrets. */
export interface CommittedDotenv {
  file: FileFacts;
  /** true: tracked in git; undefined: the tree is not under git and no .gitignore excludes it. */
  tracked: true | undefined;
  secrets: DotenvEntry[];
}

/**
 * The `.env` files (not examples) that are committed, or outside git, with their real secrets: the
 * selection env/no-committed-dotenv reports (same predicates: isExampleEnvFile, tracked, isRealSecret),
 * so the secrets checks never report the same value twice. That check can move onto this function.
 */
export function committedDotenvFiles(project: Project): CommittedDotenv[] {
  return project.derive('committed-dotenv', () =>
    project.manifests('dotenv').flatMap(({ file, manifest }) => {
      const tracked = project.file(file.path)?.tracked;
      if (isExampleEnvFile(file.path) || tracked === false) return [];
      return [{ file, tracked: tracked === true ? true : undefined, secrets: manifest.entries.filter((entry) => isRealSecret(entry.key, entry.value)) }];
    }),
  );
}

/** A `.env` that exists only on this machine: untracked in a git work tree (and not ignored). */
export function isLocalDotenv(project: Project, facts: FileFacts): boolean {
  return facts.kind === 'dotenv' && !isExampleEnvFile(facts.path) && project.file(facts.path)?.tracked === false;
}
