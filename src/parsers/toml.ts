import { TomlError, parse } from 'smol-toml';
import type { ParseProblem } from './positioned.js';

export interface TomlDocument {
  data: Record<string, unknown>;
  problems: ParseProblem[];
  /** 1-based line where a dotted key path is defined (tables and keys), or undefined. */
  lineOf(path: readonly string[]): number | undefined;
}

/**
 * Parses TOML with smol-toml and indexes where each table and key is written, so findings can point
 * at lines. A malformed document gives empty data and a problem with the parser's line/column.
 */
export function parseToml(text: string): TomlDocument {
  let data: Record<string, unknown> = {};
  const problems: ParseProblem[] = [];
  try {
    data = parse(text) as Record<string, unknown>;
  } catch (error) {
    if (error instanceof TomlError) {
      problems.push({ message: `TOML syntax error: ${firstLine(error.message).replace(/^Invalid TOML document:\s*/, '')}`, line: error.line, column: error.column });
    } else {
      problems.push({ message: `cannot parse TOML: ${String(error)}`, line: 1 });
    }
  }
  const lines = indexKeyLines(text);
  return { data, problems, lineOf: (path) => lines.get(path.join('\u0000')) };
}

/** Map from dotted key path (NUL-joined) to its line; array tables get their index appended. */
function indexKeyLines(text: string): Map<string, number> {
  const result = new Map<string, number>();
  const arrayCounts = new Map<string, number>();
  let table: string[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const arrayHeader = /^\[\[\s*([^\]]+?)\s*\]\]/.exec(line);
    if (arrayHeader) {
      const name = splitKey(arrayHeader[1] as string);
      const key = name.join('\u0000');
      const count = arrayCounts.get(key) ?? 0;
      arrayCounts.set(key, count + 1);
      table = [...name, String(count)];
      if (!result.has(key)) result.set(key, index + 1);
      result.set(table.join('\u0000'), index + 1);
      return;
    }
    const header = /^\[\s*([^\]]+?)\s*\]/.exec(line);
    if (header) {
      table = splitKey(header[1] as string);
      result.set(table.join('\u0000'), index + 1);
      return;
    }
    const assignment = /^((?:"[^"]*"|'[^']*'|[A-Za-z0-9_-]+)(?:\s*\.\s*(?:"[^"]*"|'[^']*'|[A-Za-z0-9_-]+))*)\s*=/.exec(line);
    if (assignment) {
      const key = [...table, ...splitKey(assignment[1] as string)].join('\u0000');
      if (!result.has(key)) result.set(key, index + 1);
    }
  });
  return result;
}

function splitKey(dotted: string): string[] {
  const parts: string[] = [];
  const pattern = /\s*("([^"]*)"|'([^']*)'|([^.\s]+))\s*(?:\.|$)/g;
  for (let match = pattern.exec(dotted); match && match[0] !== ''; match = pattern.exec(dotted)) {
    parts.push(match[2] ?? match[3] ?? match[4] ?? '');
  }
  return parts;
}

function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).trim();
}
