import { defineCheck } from '../../api.js';
import { finalStageChain } from '../../../facts/dockerfile-image.js';
import type { Project } from '../../../facts/project.js';
import { startScripts } from '../../../facts/script-roles.js';
import { DOCKERFILE_APPLIES, productionDockerfiles } from '../dockerfiles.js';

/** Base images that already run as an unprivileged user. */
const NON_ROOT_BASE = /(?:distroless.*[:-]nonroot|[:-]nonroot\b|^cgr\.dev\/|chainguard\/|^bitnami\/)/;
/** Tools that drop privileges at start (from the command or the start script). */
const PRIVILEGE_DROP = /^(?:gosu|su-exec|setpriv|runuser|chpst|s6-setuidgid|setuidgid)$/;

export const noRootUser = defineCheck({
  meta: {
    id: 'container/no-root-user',
    stage: 'config',
    description: 'Disallow images whose process runs as root (no USER, or USER root, in the final stage)',
    severity: 'moderate',
    category: 'security',
    appliesWhen: DOCKERFILE_APPLIES,
  },
  appliesTo: (project) => productionDockerfiles(project).length > 0,
  run({ project, report }) {
    const dropsInScript = dropsPrivileges(project);
    for (const { file, facts } of productionDockerfiles(project)) {
      const chain = finalStageChain(facts);
      const base = facts.stages[chain[0] ?? -1];
      const final = facts.stages[chain.at(-1) ?? -1];
      if (!final || NON_ROOT_BASE.test(base?.image ?? '')) continue;
      const user = facts.users.filter((candidate) => chain.includes(candidate.stage)).at(-1);
      if (user && !/^(?:root|0)(?::|$)/.test(user.user)) continue;
      const commands = facts.commands.filter((command) => chain.includes(command.stage));
      if (dropsInScript || commands.some((command) => command.argv.some((word) => PRIVILEGE_DROP.test(word.split('/').pop() ?? '')))) continue;
      report({
        message: user
          ? `The image switches back to \`USER ${user.user}\`, so the app runs as root: a code-execution bug (a deserialization flaw, a dependency's RCE) gets root inside the container, can rewrite the app and its dependencies, and is one kernel or runtime escape away from the host.`
          : `No \`USER\` in the final stage: the app runs as root, so a code-execution bug gets root inside the container, can rewrite the app and its dependencies, and is one kernel or runtime escape away from the host.`,
        remediation: 'Create an unprivileged user and switch to it before CMD (`RUN useradd --create-home --uid 10001 app` then `USER app`), giving it ownership only of what it must write.',
        location: { file, line: user?.line ?? final.line },
        fingerprintContent: user ? `USER ${user.user}` : `no USER:${final.image}`,
      });
    }
  },
});

function dropsPrivileges(project: Project): boolean {
  return [...startScripts(project).keys()].some((path) => (project.facts(path)?.source?.shell?.commands ?? []).some((command) => PRIVILEGE_DROP.test(command.program)));
}
