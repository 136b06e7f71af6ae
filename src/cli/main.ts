import { Command, CommanderError } from 'commander';
import { LivereadyError } from '../model/errors.js';
import { VERSION } from '../model/version.js';
import { EXIT } from './exit-codes.js';
import type { CommandContext } from './options.js';

/** argv -> exit code. Prints only messages, never stack traces (set LIVEREADY_DEBUG=1 for those). */
export async function runCli(argv: readonly string[]): Promise<number> {
  let exitCode: number = EXIT.gatePassed;
  const program = await buildProgram({
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

type Registration = (program: Command, context: CommandContext) => void;

/**
 * Each subcommand registers itself (its options and action live in src/cli/commands/<name>.ts).
 * A command's module pulls in what it runs (the engine, every check, the runtime, the schema
 * validator), so only the command being run is imported: `--version` and one command never pay
 * for the others' module loading.
 */
const COMMANDS: ReadonlyArray<readonly [string, () => Promise<Registration>]> = [
  ['audit', async () => (await import('./commands/audit.js')).registerAuditCommand],
  ['logs', async () => (await import('./commands/logs.js')).registerLogsCommand],
  ['checks', async () => (await import('./commands/checks.js')).registerChecksCommand],
  ['env', async () => (await import('./commands/env.js')).registerEnvCommand],
  ['watch', async () => (await import('./commands/watch.js')).registerWatchCommand],
  ['goals', async () => (await import('./commands/goals.js')).registerGoalsCommand],
];

/** The commands `argv` needs: the one it names, none for `--version` alone, all for help or an unknown word. */
function commandsFor(argv: readonly string[]): ReadonlyArray<readonly [string, () => Promise<Registration>]> {
  const word = argv.find((arg) => !arg.startsWith('-'));
  const named = COMMANDS.filter(([name]) => name === word);
  if (named.length > 0) return named;
  if (word === undefined && argv.length > 0 && argv.every((arg) => arg === '-v' || arg === '--version')) return [];
  return COMMANDS;
}

async function buildProgram(context: CommandContext): Promise<Command> {
  const program = new Command('liveready')
    .description('Is this ready to go live? Audits a Python or Node app for deployment readiness and gives one honest verdict.')
    .version(VERSION, '-v, --version')
    .exitOverride()
    .showHelpAfterError('(run liveready --help for usage)')
    .configureOutput({ writeErr: (text) => process.stderr.write(text), writeOut: (text) => process.stdout.write(text) });
  for (const [, load] of commandsFor(context.argv)) (await load())(program, context);
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
