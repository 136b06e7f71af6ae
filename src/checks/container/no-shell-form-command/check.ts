import { defineCheck } from '../../api.js';
import type { DockerCommandFacts } from '../../../facts/deployment-manifest-types.js';
import { finalStageChain } from '../../../facts/dockerfile-image.js';
import type { Severity } from '../../../model/severity.js';
import { DOCKERFILE_APPLIES, productionDockerfiles } from '../dockerfiles.js';

const COMPOUND = /&&|\|\||;|\||\n|\$\(|`/;
const SHELLS = /^(?:\/bin\/|\/usr\/bin\/)?(?:sh|bash|dash|ash|zsh)$/;
const GROUP_INIT = /\bdumb-init\b|\btini\b.*\s-g\b/;

export const noShellFormCommand = defineCheck({
  meta: {
    id: 'container/no-shell-form-command',
    stage: 'config',
    description: 'Disallow shell-form CMD/ENTRYPOINT (or `sh -c` without exec) that keeps the app from receiving SIGTERM',
    severity: 'moderate',
    category: 'reliability',
    appliesWhen: DOCKERFILE_APPLIES,
  },
  appliesTo: (project) => productionDockerfiles(project).length > 0,
  run({ project, report }) {
    for (const { file, facts } of productionDockerfiles(project)) {
      const chain = finalStageChain(facts);
      const inChain = facts.commands.filter((command) => chain.includes(command.stage));
      const entrypoint = inChain.filter((command) => command.instruction === 'ENTRYPOINT').at(-1);
      const cmd = inChain.filter((command) => command.instruction === 'CMD').at(-1);
      if (entrypoint && GROUP_INIT.test(entrypoint.command)) continue;
      for (const command of [entrypoint, cmd]) {
        const verdict = command ? judge(command) : undefined;
        if (!command || !verdict) continue;
        const effect = verdict.severity === 'moderate' ? 'the shell stays PID 1 and does not pass SIGTERM on' : "whether the app receives SIGTERM depends on the image's /bin/sh (some replace themselves with a lone command, others stay PID 1 and do not pass the signal on)";
        report({
          message: `${command.instruction} runs \`${shorten(command.command)}\` through a shell (${verdict.why}): ${effect}, so at a stop or redeploy the app may get no chance to finish its requests and is SIGKILLed after the grace period.`,
          remediation: `Use the exec form (\`${command.instruction} ["gunicorn", "app:app"]\`); when you need the shell for variables or several steps, end with \`exec\` (\`sh -c "... && exec gunicorn app:app"\`) or move the steps into a script whose last line uses \`exec\`.`,
          location: { file, line: command.line, column: command.column },
          severity: verdict.severity,
          fingerprintContent: `${command.instruction}:${command.command}`,
        });
      }
    }
  },
});

function judge(command: DockerCommandFacts): { severity: Severity; why: string } | undefined {
  if (command.form === 'shell') return shellVerdict(command.command, 'shell form');
  const [program = '', flag, script] = command.argv;
  if (SHELLS.test(program) && flag === '-c' && script !== undefined) {
    const verdict = shellVerdict(script, '`sh -c`');
    return verdict && verdict.severity === 'moderate' ? verdict : undefined;
  }
  return undefined;
}

/** A compound command keeps the shell in front; a lone command may be exec'd by some shells (dash, bash), not all. */
function shellVerdict(script: string, form: string): { severity: Severity; why: string } | undefined {
  const last = script.split(/&&|\|\||;|\n/).at(-1)?.trim() ?? '';
  if (/^exec\s/.test(script.trim()) || /^exec\s/.test(last)) return undefined;
  return COMPOUND.test(script) ? { severity: 'moderate', why: `${form}, several commands, no \`exec\`` } : { severity: 'low', why: form };
}

function shorten(command: string): string {
  return command.length > 80 ? `${command.slice(0, 77)}...` : command;
}
