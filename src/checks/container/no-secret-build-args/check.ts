import { defineCheck } from '../../api.js';
import { isSecretName } from '../../../facts/secret-values.js';
import { DOCKERFILE_APPLIES, productionDockerfiles } from '../dockerfiles.js';

export const noSecretBuildArgs = defineCheck({
  meta: {
    id: 'container/no-secret-build-args',
    stage: 'config',
    description: 'Disallow secrets passed to the image as build arguments or baked into ENV from them',
    severity: 'moderate',
    category: 'security',
    appliesWhen: DOCKERFILE_APPLIES,
  },
  appliesTo: (project) => productionDockerfiles(project).length > 0,
  run({ project, report }) {
    for (const { file, facts } of productionDockerfiles(project)) {
      for (const arg of facts.args) {
        if (!isSecretName(arg.name)) continue;
        report({
          message: `\`ARG ${arg.name}\` passes a secret as a build argument: build arguments are recorded in the image's history and metadata (\`docker history\`, \`docker inspect\`), so anyone who can pull the image can read ${arg.name}${arg.defaultValue !== undefined && arg.defaultValue !== '' ? ', and its default is committed here too' : ''}.`,
          remediation: `Use a BuildKit secret instead: \`RUN --mount=type=secret,id=${arg.name.toLowerCase()} ...\` with \`docker build --secret id=${arg.name.toLowerCase()},env=${arg.name}\`; give runtime secrets to the container at run time, never to the build.`,
          location: { file, line: arg.line },
          fingerprintContent: `ARG ${arg.name}`,
        });
      }
      for (const entry of facts.env) {
        if (!isSecretName(entry.name) || entry.value === undefined || !/\$\{?[A-Za-z_]/.test(entry.value)) continue;
        report({
          message: `\`ENV ${entry.name}\` copies a build-time value into the image's environment: every container started from the image (and anyone who pulls it) has ${entry.name} in plain text, whatever secret the runtime is given later.`,
          remediation: `Do not bake ${entry.name} into the image: set it when the container runs (platform secrets, \`docker run -e\`, compose \`environment\`), or use a BuildKit secret mount for build steps that need it.`,
          location: { file, line: entry.line },
          fingerprintContent: `ENV ${entry.name}`,
        });
      }
    }
  },
});
