import { defineCheck } from '../../api.js';
import { type EnvRead, envContract } from '../../../facts/env-contract.js';
import { deployedReads } from '../../../facts/env-judgement.js';

export const noConflictingDefaults = defineCheck({
  meta: {
    id: 'env/no-conflicting-defaults',
    stage: 'config',
    description: 'Disallow the same variable having different default values in different places',
    severity: 'moderate',
    category: 'correctness',
  },
  run({ project, report }) {
    for (const variable of envContract(project).variables) {
      if (variable.platform) continue;
      const withDefaults = deployedReads(variable).filter((envRead) => literalDefault(envRead) !== undefined);
      const first = withDefaults[0];
      if (!first) continue;
      const differing = withDefaults.find((envRead) => normalized(envRead) !== normalized(first));
      if (!differing) continue;
      report({
        message: `${variable.name} defaults to ${JSON.stringify(literalDefault(differing))} here but to ${JSON.stringify(literalDefault(first))} at ${first.file}:${first.line}, so a deploy that does not set it behaves differently in each place.`,
        remediation: `Pick one default for ${variable.name} (or set it explicitly in the deployment) and use it everywhere it is read.`,
        location: { file: differing.file, line: differing.line, column: differing.column },
        related: [{ file: first.file, line: first.line, column: first.column }],
        fingerprintContent: `${variable.name}:${[normalized(first), normalized(differing)].sort().join('|')}`,
        ...(variable.secret ? { secrets: [literalDefault(first) ?? '', literalDefault(differing) ?? ''] } : {}),
      });
    }
  },
});

function literalDefault(envRead: EnvRead): string | undefined {
  const value = envRead.defaultValue;
  return value === undefined || value.startsWith('<') ? undefined : value;
}

/** `"8000"` and `8000`, `False` and `"false"`, `1.0` and `1` are the same default. */
function normalized(envRead: EnvRead): string {
  const value = (literalDefault(envRead) ?? '').trim();
  const lower = value.toLowerCase();
  if (['true', 'yes', 'on'].includes(lower)) return 'true';
  if (['false', 'no', 'off'].includes(lower)) return 'false';
  return value !== '' && Number.isFinite(Number(value)) ? String(Number(value)) : value;
}
