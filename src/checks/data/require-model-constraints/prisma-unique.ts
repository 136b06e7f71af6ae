import type { FindingInput } from '../../api.js';
import { isNonProductionPath } from '../../../facts/path-roles.js';
import type { Project } from '../../../facts/project.js';

/** Prisma models with no `@id`, `@@id`, `@unique` or `@@unique`: `prisma validate` (and generate, migrate) reject the schema. */
export function prismaUniqueFindings(project: Project): FindingInput[] {
  const findings: FindingInput[] = [];
  for (const facts of project.allFacts()) {
    if (!facts.schema?.prisma || isNonProductionPath(facts.path)) continue;
    for (const model of facts.schema.prisma.models) {
      if (model.hasUniqueCriterion || model.isIgnored) continue;
      findings.push({
        message: `Prisma model \`${model.name}\` has no unique criterion (no \`@id\`, \`@@id\`, \`@unique\` or \`@@unique\`): \`prisma generate\` and \`prisma migrate\` reject the schema, so the build fails.`,
        remediation: `Mark the field that identifies a \`${model.name}\` with \`@id\` (\`id Int @id @default(autoincrement())\`), add \`@@id([a, b])\` for a composite key, or \`@@ignore\` the model if the client must not use it.`,
        location: { file: facts.path, line: model.line, column: model.column },
        severity: 'moderate',
        fingerprintContent: `prisma-unique:${model.name}`,
      });
    }
  }
  return findings;
}
