import { commandString } from './extract/command-string.js';
import type { ShellCommandFact, ShellScriptFacts } from './types.js';

/** `export NAME=value` at the top level of a script: the program it then starts inherits NAME. */
export function scriptExports(script: ShellScriptFacts): Array<{ name: string; value: string; line: number }> {
  return script.commands
    .filter((command) => command.program === 'export' && command.depth === 0)
    .flatMap((command) =>
      command.args.flatMap((arg) => {
        const match = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(arg);
        return match ? [{ name: match[1] as string, value: match[2] as string, line: command.line }] : [];
      }),
    );
}

const CHAINED = new Set(['&&', ';']);

/**
 * The command line that starts the app: the last command of the script's main flow that
 * `isStart` accepts (a server or a file runner), with the `cd dir &&` chained before it.
 */
export function scriptStartCommand(script: ShellScriptFacts, isStart: (command: string) => boolean): { text: string; line: number } | undefined {
  const commands = script.commands;
  for (let index = commands.length - 1; index >= 0; index -= 1) {
    const command = commands[index] as ShellCommandFact;
    if (command.depth > 0 && !command.isTail) continue;
    const text = asLine(command);
    if (!isStart(text)) continue;
    const chain = [text];
    for (let previous = index - 1; previous >= 0; previous -= 1) {
      const before = commands[previous] as ShellCommandFact;
      if (before.line !== command.line || !CHAINED.has(before.terminator)) break;
      chain.unshift(`${asLine(before)} ${before.terminator}`);
    }
    return { text: chain.join(' '), line: command.line };
  }
  return undefined;
}

function asLine(command: ShellCommandFact): string {
  return commandString([command.program, ...command.args]) ?? command.program;
}
