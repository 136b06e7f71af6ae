import { defineCheck } from '../../api.js';
import { DOCKERFILE_APPLIES, productionDockerfiles } from '../dockerfiles.js';

const REMOTE = /^(?:https?:\/\/|git@|git:\/\/)/;
const ARCHIVE = /\.(?:tar|tar\.gz|tgz|tar\.bz2|tbz2?|tar\.xz|txz|tar\.zst)$/i;

export const noAddLocalFiles = defineCheck({
  meta: {
    id: 'container/no-add-local-files',
    stage: 'config',
    description: 'Prefer COPY over ADD for local files and directories',
    severity: 'low',
    category: 'maintainability',
    appliesWhen: DOCKERFILE_APPLIES,
  },
  appliesTo: (project) => productionDockerfiles(project).length > 0,
  run({ project, report }) {
    for (const { file, facts } of productionDockerfiles(project)) {
      for (const copy of facts.copies) {
        if (copy.instruction !== 'ADD' || copy.from !== undefined) continue;
        const local = copy.sources.filter((source) => !REMOTE.test(source) && !ARCHIVE.test(source));
        if (local.length === 0) continue;
        report({
          message: `\`ADD ${local.join(' ')}\` copies local files with an instruction that also unpacks archives and downloads URLs: a future \`.tar.gz\` in that path is silently extracted, and readers cannot tell what the step does.`,
          remediation: `Use \`COPY ${[...local, copy.destination].join(' ')}\`; keep ADD for the archive you mean to unpack (or use \`curl\`/\`ADD --checksum\` for downloads).`,
          location: { file, line: copy.line },
          fingerprintContent: `ADD ${local.join(' ')}`,
        });
      }
    }
  },
});
