import { Command, CommanderError } from 'commander';
import { LivereadyError } from '../model/errors.js';
import { VERSION } from '../model/version.js';
import { registerAuditCommand } from './commands/audit.js';
import { registerChecksCommand } from './commands/checks.js';
import { registerEnvCommand } from './commands/env.js';
import { registerLogsCommand } from './commands/logs.js';
import { registerWatchCommand } from './commands/watch.js';
import { registerGoalsCommand } from './commands/goals.js';
import { EXIT } from './exit-codes.js';
import type { CommandContext } from './options.js';

/** argv -> exit code. Prints only messages, never stack traces (set LIVEREADY_DEBUG=1 for those). */
export async function runCli(argv: readonly string[]): Promise<number> {
  let exitCode: number = EXIT.gatePassed;
  const program = buildProgram({
    setExitCode: (code) => {
      exitCode = code;
    },
    argv,
  });
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    return handleError(error);
  }
}

/** Each subcommand registers itself (its options and action live in src/cli/commands/<name>.ts). */
const REGISTRATIONS = [registerAuditCommand, registerLogsCommand, registerChecksCommand, registerEnvCommand, registerWatchCommand, registerGoalsCommand];

function buildProgram(context: CommandContext): Command {
  const program = new Command('liveready')
    .description('Is this ready to go live? Audits a Python or Node app for deployment readiness and gives one honest verdict.')
    .version(VERSION, '-v, --version')
    .exitOverride()
    .showHelpAfterError('(run liveready --help for usage)')
    .configureOutput({ writeErr: (text) => process.stderr.write(text), writeOut: (text) => process.stdout.write(text) });
  for (const register of REGISTRATIONS) register(program, context);
  return program;
}

function handleError(error: unknown): number {
  if (error instanceof CommanderError) {
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return 0;
    return EXIT.usage;
  }
  if (error instanceof LivereadyError) {
    process.stderr.write(`liveready: ${error.message}\n`);
    return error.exitCode;
  }
  process.stderr.write(`liveready: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
  if (process.env.LIVEREADY_DEBUG && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  else process.stderr.write('(set LIVEREADY_DEBUG=1 for the stack trace, and please report it)\n');
  return EXIT.internal;
}
