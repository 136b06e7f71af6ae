import { defineCheck } from '../../api.js';
import { DOCKERFILE_APPLIES, productionDockerfiles } from '../dockerfiles.js';

export const noUnpinnedBaseImage = defineCheck({
  meta: {
    id: 'container/no-unpinned-base-image',
    stage: 'config',
    description: 'Disallow base images without a tag or with the :latest tag',
    severity: 'moderate',
    category: 'reliability',
    appliesWhen: DOCKERFILE_APPLIES,
  },
  appliesTo: (project) => productionDockerfiles(project).length > 0,
  run({ project, report }) {
    for (const { file, facts } of productionDockerfiles(project)) {
      facts.stages.forEach((stage, index) => {
        const image = stage.image;
        const earlierNames = facts.stages.slice(0, index).map((candidate) => candidate.name?.toLowerCase());
        if (!image || image === 'scratch' || image.includes('$') || image.includes('@') || earlierNames.includes(image.toLowerCase())) return;
        const tag = tagOf(image);
        if (tag !== undefined && tag !== 'latest') return;
        report({
          message: `\`FROM ${image}\` ${tag === 'latest' ? 'uses the moving `latest` tag' : 'has no tag, so it means `latest`'}: every build pulls whatever that is today, so a new major version of the OS or runtime (Python, Node) arrives unannounced, and the image that passed CI is not the one that ships.`,
          remediation: `Pin a version tag (\`FROM ${image.replace(/:latest$/, '')}:<version>\`, e.g. \`python:3.12-slim\`, \`node:20-alpine\`), or a digest for fully reproducible builds.`,
          location: { file, line: stage.line },
          fingerprintContent: image,
        });
      });
    }
  },
});

/** The tag of `registry:5000/team/image:tag` (the part after a colon that follows the last slash). */
function tagOf(image: string): string | undefined {
  const name = image.slice(image.lastIndexOf('/') + 1);
  const colon = name.indexOf(':');
  return colon === -1 ? undefined : name.slice(colon + 1);
}
