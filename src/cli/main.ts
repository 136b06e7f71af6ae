import { Command, CommanderError, Option } from 'commander';
import { LivereadyError } from '../model/errors.js';
import { VERSION } from '../model/version.js';
import { EXIT } from './exit-codes.js';

// Each command's code (and what it pulls in: the engine, every check, the runtime, the schema
// validator) is imported when that command runs, so `--version`, `--help` and one command never pay
// for the others' module loading.

/** argv -> exit code. Prints only messages, never stack traces (set LIVEREADY_DEBUG=1 for those). */
export async function runCli(argv: readonly string[]): Promise<number> {
  let exitCode: number = EXIT.gatePassed;
  const program = buildProgram((code) => {
    exitCode = code;
  }, argv);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    return handleError(error);
  }
}

function buildProgram(setExitCode: (code: number) => void, argv: readonly string[]): Command {
  const program = new Command('liveready')
    .description('Is this ready to go live? Audits a Python or Node app for deployment readiness and gives one honest verdict.')
    .version(VERSION, '-v, --version')
    .exitOverride()
    .showHelpAfterError('(run liveready --help for usage)')
    .configureOutput({ writeErr: (text) => process.stderr.write(text), writeOut: (text) => process.stdout.write(text) });

  program
    .command('audit')
    .description('Audit a project: static checks, then (unless --static) the app started in a sandbox; ends with the verdict')
    .argument('[path]', 'project root', '.')
    .option('--static', 'do not execute the audited code (the verdict cannot be LIVE_READY=true)')
    .addOption(new Option('-f, --format <format[=file]>', 'terminal, markdown or json; repeatable; =file writes that format to a file').argParser(collect).default([]))
    .option('-o, --output <file>', 'write the (single) chosen format to a file')
    .option('--fail-on <severity>', 'fail the gate on findings at or above: critical (default), moderate, low, info')
    .option('--baseline <report.json>', 'report only findings that are not in this saved JSON report')
    .option('--no-suppressions', 'ignore inline comments, config ignores and the baseline')
    .option('-c, --config <file>', 'config file (default: .liveready.yaml|.yml|.json at the root)')
    .option('--no-color', 'plain terminal output')
    .option('--max-findings <n>', 'findings shown in full in the terminal summary (default 10)')
    .option('--no-install', 'simulation: skip the install step and use what the machine has')
    .option('--python <interpreter>', 'simulation: the Python for virtualenvs and for python/python3 in the app\'s PATH')
    .addOption(new Option('--logs <path>', 'a log file or folder to read (repeatable; default: logs/, log/, *.log)').argParser(collect).default([]))
    .option('--cache-dir <dir>', 'facts cache directory (default: $LIVEREADY_CACHE_DIR, else $XDG_CACHE_HOME/liveready or ~/.cache/liveready)')
    .option('--no-cache', 'do not read or write the facts cache')
    .exitOverride()
    .action(async (path: string, options) => {
      const { runAuditCommand } = await import('./commands/audit.js');
      setExitCode(await runAuditCommand(path, options));
    });

  addLogsCommand(program, setExitCode);

  program
    .command('checks')
    .description('List every check with its stage, default severity and description')
    .exitOverride()
    .action(async () => {
      const { runChecksCommand } = await import('./commands/checks.js');
      setExitCode(runChecksCommand());
    });

  // config stage (issue 3)
  program
    .command('env')
    .description('Print the environment contract: every variable the code reads, where it is provided and documented')
    .argument('[path]', 'project root', '.')
    .option('--format <format>', 'terminal (default) or json')
    .option('--example', 'print a complete .env.example (placeholders, never real values)')
    .option('--write', 'write the .env.example into the project (implies --example; never overwrites)')
    .option('--force', 'with --write: append the missing variables to an existing example file, keeping every line')
    .option('-c, --config <file>', 'config file (default: .liveready.yaml|.yml|.json at the root)')
    .exitOverride()
    .action(async (path: string, options) => {
      const { runEnvCommand } = await import('./commands/env.js');
      setExitCode(runEnvCommand(path, options));
    });

  // simulate and watch stages (issue 6)
  program
    .command('watch')
    .description('Run a command and report the files it creates, modifies and deletes under path (config files rewritten at runtime are flagged)')
    .usage('[path] -- <command> [args...]')
    .argument('[path]', 'the tree to watch', '.')
    .argument('[command...]', 'the command to run, after --')
    .allowUnknownOption()
    .exitOverride()
    .action(async () => {
      // commander merges operands around `--`; the raw argv says which is the path and which the command.
      const { runWatchCommand } = await import('./commands/watch.js');
      setExitCode(await runWatchCommand(argv.slice(argv.indexOf('watch') + 1)));
    });

  return program;
}

/** `liveready logs <path...>`: the log stage alone. */
function addLogsCommand(program: Command, setExitCode: (code: number) => void): void {
  program
    .command('logs')
    .description('Read logs alone: group errors by module and fingerprint, flag modules over the failure threshold (exit 1) and resource failures')
    .argument('<path...>', 'log files or folders (gzip-rotated files included)')
    .option('--root <dir>', 'the project the logs belong to: stack frames are matched against its files (default: the current directory)')
    .addOption(new Option('-f, --format <format[=file]>', 'terminal, markdown or json; repeatable; =file writes that format to a file').argParser(collect).default([]))
    .option('-o, --output <file>', 'write the (single) chosen format to a file')
    .option('--threshold <n>', 'a module with more failures than this in the window is critical (default 2)')
    .option('--window-hours <h>', 'the recent window: the last h hours of the newest log (default 24)')
    .option('-c, --config <file>', 'config file (default: .liveready.yaml|.yml|.json at the root)')
    .option('--no-color', 'plain terminal output')
    .exitOverride()
    .action(async (paths: string[], options) => {
      const { runLogsCommand } = await import('./commands/logs.js');
      setExitCode(await runLogsCommand(paths, options));
    });
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
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
