import type { Command } from 'commander';
import type { CommandContext } from '../options.js';
import { ALL_CHECKS } from '../../checks/registry.js';

/** `liveready checks`: every check with its stage, default severity and description. */
export function runChecksCommand(): number {
  const rows = [...ALL_CHECKS].sort((a, b) => a.meta.stage.localeCompare(b.meta.stage) || a.meta.id.localeCompare(b.meta.id));
  const width = Math.max(...rows.map((check) => check.meta.id.length));
  for (const { meta } of rows) {
    process.stdout.write(`${meta.id.padEnd(width)}  ${meta.stage.padEnd(8)}  ${meta.severity.padEnd(8)}  ${meta.description}${meta.experimental ? ' (experimental)' : ''}\n`);
  }
  return 0;
}

/** `liveready checks`. */
export function registerChecksCommand(program: Command, context: CommandContext): void {
  program
    .command('checks')
    .description('List every check with its stage, default severity and description')
    .exitOverride()
    .action(() => {
      context.setExitCode(runChecksCommand());
    });
}
