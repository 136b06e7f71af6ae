import { defineCheck } from '../../api.js';
import { commandText } from '../../../facts/extract/shell-script.js';
import { startScripts } from '../../../facts/script-roles.js';
import type { ShellCommandFact } from '../../../facts/types.js';

/** Programs that run a long-lived process: a server, a worker, a supervisor. */
const LONG_RUNNING = new Set([
  'node', 'nodemon', 'tsx', 'ts-node', 'deno', 'bun', 'npx', 'next', 'nuxt', 'uvicorn', 'gunicorn', 'hypercorn', 'daphne', 'waitress-serve',
  'uwsgi', 'flask', 'streamlit', 'celery', 'rq', 'dramatiq', 'huey_consumer', 'java', 'ruby', 'rails', 'puma', 'unicorn', 'php', 'php-fpm',
  'nginx', 'caddy', 'httpd', 'apache2', 'supervisord', 'pm2-runtime', 'serve', 'http-server', 'dotnet',
]);
const ONE_OFF_PYTHON = /^(?:-c|-V|--version)$|^(?:pip|venv|ensurepip|compileall|pytest|alembic)$|^(?:migrate|makemigrations|collectstatic|check|test|shell|createsuperuser|loaddata)$/;

export const requireExecForServer = defineCheck({
  meta: {
    id: 'shell/require-exec-for-server',
    stage: 'scan',
    description: 'Require a start script to hand its process over to the server (exec) so the platform\'s stop signal reaches it',
    severity: 'moderate',
    category: 'reliability',
  },
  run({ project, report }) {
    for (const [path, startedBy] of startScripts(project)) {
      const script = project.facts(path)?.source?.shell;
      if (!script) continue;
      const background = script.commands.filter((command) => command.isBackground && !command.inFunction && isLongRunning(command));
      for (const tail of script.commands.filter((command) => command.isTail)) {
        const location = { file: path, line: tail.line, column: tail.column };
        const how = startedBy === 'its name' ? `${path} (a start script, by its name)` : `${path}, which ${startedBy} runs,`;
        if (tail.program === 'wait' && background.length > 0 && !script.trapsTerm) {
          report({
            message: `${how} starts \`${commandText(background[0] as ShellCommandFact)}\` in the background and waits for it without a TERM trap: the platform's stop signal reaches only the shell, so the server never shuts down gracefully and is killed when the grace period ends.`,
            remediation: "Run the main process last with exec (exec gunicorn ...); if several must run, trap TERM and forward it: trap 'kill -TERM $pid' TERM INT, then wait \"$pid\".",
            location,
          });
        } else if (tail.isBackground && isLongRunning(tail)) {
          report({
            message: `${how} starts \`${commandText(tail)}\` in the background and then ends: the platform sees its start command exit, so it stops the app or restarts it in a loop.`,
            remediation: `Run it in the foreground as the script's last command: exec ${commandText(tail)}.`,
            location,
            severity: 'critical',
          });
        } else if (!tail.isExec && !tail.isBackground && isLongRunning(tail)) {
          report({
            message: `${how} runs \`${commandText(tail)}\` as its last command without exec: the shell stays in between as the main process and does not pass SIGTERM on, so at every deploy or restart the server is killed without a graceful shutdown when the grace period ends.`,
            remediation: `Write \`exec ${commandText(tail)}\` so the server replaces the shell and receives the platform's stop signal itself.`,
            location,
          });
        }
      }
    }
  },
});

function isLongRunning(command: ShellCommandFact): boolean {
  const { program, args } = command;
  if (program === '$@' || program === '$*' || program === '${@}') return true;
  if (/^python[\d.]*$/.test(program) || program === 'pypy3') {
    const first = args.find((arg) => !arg.startsWith('-') || arg === '-c' || arg === '-V' || arg === '--version');
    const module = args[args.indexOf('-m') + 1];
    if (args.includes('-m')) return module !== undefined && !ONE_OFF_PYTHON.test(module);
    return first !== undefined && !ONE_OFF_PYTHON.test(first) && !args.some((arg) => ONE_OFF_PYTHON.test(arg) && arg !== first);
  }
  if (program === 'npm' || program === 'yarn' || program === 'pnpm') return ['start', 'run', 'serve', 'exec', 'dlx'].includes(args[0] ?? '') && !/^(?:build|test|lint|migrate)/.test(args[1] ?? '');
  if (program === 'bundle') return args[0] === 'exec';
  return LONG_RUNNING.has(program);
}
