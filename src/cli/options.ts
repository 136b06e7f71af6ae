import { Option } from 'commander';

/** What every subcommand's action needs from the program. */
export interface CommandContext {
  setExitCode(code: number): void;
  /** The raw arguments (commander merges operands around `--`; `watch` needs the original split). */
  argv: readonly string[];
}

/** `-f, --format <format[=file]>`, repeatable: the same option for every command that renders a report. */
export function formatOption(): Option {
  return new Option('-f, --format <format[=file]>', 'terminal, markdown, json, sarif (2.1.0), junit (XML) or html (self-contained page); repeatable; =file writes that format to a file').argParser(collect).default([]);
}

export const CONFIG_FLAG = '-c, --config <file>';
export const CONFIG_HELP = 'config file (default: .liveready.yaml|.yml|.json at the root)';

/** Commander argParser for repeatable options. */
export function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}
