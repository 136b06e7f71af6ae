import { redact } from '../../util/redact.js';
import { type EnvContract, envContract } from '../env-contract.js';
import type { Project } from '../project.js';
import { isRealSecret, isSecretName } from '../secret-values.js';

const ASSIGNMENT = /^([+-]?\s*["']?)([A-Za-z_][\w.-]*)(["']?\s*[:=]\s*)(.+)$/;

/** A changed config line for printing: secret-named keys keep their name, never their value. */
export function redactChangeLine(line: string): string {
  const match = ASSIGNMENT.exec(line);
  if (match && isSecretName(match[2] ?? '')) return `${match[1]}${match[2]}${match[3]}********`;
  return redact(line);
}

/** Real secret values the project itself carries (committed env files, manifests): masked wherever the app prints them. */
export function projectSecretValues(contract: EnvContract): string[] {
  const values = new Set<string>();
  for (const variable of contract.variables) {
    for (const provision of variable.provided) {
      if (provision.value !== undefined && isRealSecret(variable.name, provision.value)) values.add(provision.value);
    }
  }
  return [...values];
}

/** projectSecretValues of the project's own env contract, computed once per audit. */
export function projectSecrets(project: Project): string[] {
  return project.derive('project-secret-values', () => projectSecretValues(envContract(project)));
}
