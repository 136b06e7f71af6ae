import type { ParseProblem } from './positioned.js';

export interface ProcfileEntry {
  process: string;
  command: string;
  line: number;
  commandColumn: number;
}

export interface Procfile {
  entries: ProcfileEntry[];
  problems: ParseProblem[];
}

/** Parses a Heroku-style Procfile (`<process type>: <command>` per line). Never throws. */
export function parseProcfile(text: string): Procfile {
  const entries: ProcfileEntry[] = [];
  const problems: ParseProblem[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, index) => {
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    const match = /^([A-Za-z0-9_-]+)\s*:\s*(.*)$/.exec(raw);
    if (!match) {
      problems.push({ message: 'line is not "<process type>: <command>"', line: index + 1, column: 1 });
      return;
    }
    const [, process = '', command = ''] = match;
    if (command.trim() === '') {
      problems.push({ message: `process type "${process}" has no command`, line: index + 1, column: 1 });
      return;
    }
    const commandColumn = raw.indexOf(command) + 1;
    if (entries.some((entry) => entry.process === process)) {
      problems.push({ message: `process type "${process}" is declared twice; the platform uses one of them`, line: index + 1, column: 1 });
    }
    entries.push({ process, command: command.trim(), line: index + 1, commandColumn });
  });
  return { entries, problems };
}
