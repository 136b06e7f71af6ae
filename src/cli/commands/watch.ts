import type { Command } from 'commander';
import type { CommandContext } from '../options.js';
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { redactChangeLine } from '../../facts/evidence/redact-change.js';
import { UsageError } from '../../model/errors.js';
import { watchCommand } from '../../runtime/watch/watch-command.js';

/**
 * `liveready watch [path] -- <command...>`: runs the command, prints the files it changes under
 * `path` as they change (stderr, so the command's own stdout stays clean), then a summary.
 * Returns the command's exit code.
 */
export async function runWatchCommand(argv: readonly string[]): Promise<number> {
  const separator = argv.indexOf('--');
  if (separator === -1 || separator === argv.length - 1) throw new UsageError('usage: liveready watch [path] -- <command> [args...] (the command goes after --)');
  const operands = argv.slice(0, separator);
  if (operands.length > 1) throw new UsageError(`watch takes one path before --, got: ${operands.join(' ')}`);
  const root = resolve(operands[0] ?? '.');
  assertDirectory(root);
  const command = argv.slice(separator + 1);
  const out = (line: string): void => {
    process.stderr.write(`liveready watch: ${line}\n`);
  };
  out(`watching ${root} while \`${command.join(' ')}\` runs`);
  const result = await watchCommand({
    root,
    command,
    cwd: process.cwd(),
    onChange: (change, elapsedMs) => out(`${(elapsedMs / 1000).toFixed(1).padStart(6)} s  ${change.change.padEnd(8)} ${change.path}`),
  });
  if (result.error) out(`could not run ${command[0]}: ${result.error}`);
  const configs = result.changes.filter((change) => change.isConfig);
  out(`${result.changes.length} file${result.changes.length === 1 ? '' : 's'} changed (${result.filesBefore} compared before and after); exit code ${result.exitCode}${result.truncated ? `; snapshot ${result.truncated}` : ''}`);
  for (const change of result.changes) {
    const lines = change.linesAdded === undefined ? '' : `  +${change.linesAdded} -${change.linesRemoved ?? 0}`;
    out(`  ${change.change.padEnd(8)} ${change.path}${lines}${change.isConfig ? '  <- config file changed at runtime' : ''}`);
    if (change.isConfig) for (const line of change.excerpt ?? []) out(`      ${redactChangeLine(line)}`);
  }
  if (configs.length > 0) out(`${configs.length} config file${configs.length === 1 ? ' was' : 's were'} rewritten: an app must not change its own configuration at runtime`);
  return result.exitCode;
}

function assertDirectory(root: string): void {
  let isDirectory = false;
  try {
    isDirectory = statSync(root).isDirectory();
  } catch {
    throw new UsageError(`cannot watch ${root}: no such directory`);
  }
  if (!isDirectory) throw new UsageError(`cannot watch ${root}: not a directory`);
}

/** `liveready watch [path] -- <command>`. */
export function registerWatchCommand(program: Command, context: CommandContext): void {
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
      context.setExitCode(await runWatchCommand(context.argv.slice(context.argv.indexOf('watch') + 1)));
    });
}
