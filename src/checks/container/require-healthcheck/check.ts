import { posix } from 'node:path';
import { defineCheck } from '../../api.js';
import { finalStageChain } from '../../../facts/dockerfile-image.js';
import { isNonProductionPath } from '../../../facts/path-roles.js';
import type { Project } from '../../../facts/project.js';
import type { ComposeService } from '../../../facts/deployment-manifest-types.js';

export const requireHealthcheck = defineCheck({
  meta: {
    id: 'container/require-healthcheck',
    stage: 'config',
    description: 'Require a HEALTHCHECK (in the Dockerfile or the compose service) for web containers run by Docker Compose',
    severity: 'low',
    category: 'operations',
    appliesWhen: 'a compose file that builds a web service from a Dockerfile of the project',
  },
  appliesTo: (project) => builtWebServices(project).length > 0,
  run({ project, report }) {
    for (const { composeFile, service, dockerfile, dependents } of builtWebServices(project)) {
      if (service.healthcheck && !service.healthcheck.isDisabled) continue;
      const facts = project.facts(dockerfile)?.manifest;
      if (facts?.type !== 'dockerfile') continue;
      const chain = finalStageChain(facts);
      if (facts.healthchecks.some((check) => chain.includes(check.stage) && !check.isDisabled)) continue;
      report({
        message: `Compose runs \`${service.name}\` from ${dockerfile} with no health check (none in the service, no HEALTHCHECK in the image): Docker only knows whether the process exists, so ${dependents.length > 0 ? `${dependents.join(', ')} cannot wait for it to be ready (\`condition: service_healthy\`) and ` : ''}a hung or broken server stays "running" and keeps its traffic.`,
        remediation: `Add a healthcheck to the service (\`healthcheck: { test: ["CMD", "curl", "-f", "http://localhost:<port>/health"], interval: 30s }\`) or a \`HEALTHCHECK CMD ...\` to ${dockerfile}.`,
        location: { file: composeFile, line: service.line },
        related: [{ file: dockerfile, line: 1 }],
        fingerprintContent: `${service.name}:${dockerfile}`,
      });
    }
  },
});

/** Compose services that build a Dockerfile of the project and publish ports (web containers). */
function builtWebServices(project: Project): Array<{ composeFile: string; service: ComposeService; dockerfile: string; dependents: string[] }> {
  const found: Array<{ composeFile: string; service: ComposeService; dockerfile: string; dependents: string[] }> = [];
  for (const { file, manifest } of project.manifests('compose')) {
    if (isNonProductionPath(file.path)) continue;
    const dir = posix.dirname(file.path) === '.' ? '' : posix.dirname(file.path);
    for (const service of manifest.services) {
      if (!service.build || service.ports.length === 0) continue;
      const dockerfile = posix.normalize(posix.join(dir, service.build.context, service.build.dockerfile ?? 'Dockerfile')).replace(/^\.\//, '');
      if (!project.hasFile(dockerfile)) continue;
      const dependents = manifest.services.filter((other) => other.dependsOn.includes(service.name)).map((other) => other.name);
      found.push({ composeFile: file.path, service, dockerfile, dependents });
    }
  }
  return found;
}
