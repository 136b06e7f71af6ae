import type { ParseProblem } from './positioned.js';

export interface DotenvEntry {
  key: string;
  value: string;
  line: number;
  /** Column of the value's first character (after any opening quote). */
  valueColumn: number;
  quote: 'none' | 'single' | 'double' | 'backtick';
  isExported: boolean;
  /** `KEY = value`: accepted by python-dotenv and node's dotenv, not by `docker --env-file`. */
  hasSpaceAroundEquals: boolean;
}

export interface DotenvFile {
  entries: DotenvEntry[];
  problems: ParseProblem[];
}

const NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
const PORTABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Parses dotenv syntax as python-dotenv and node's dotenv read it: `export`, quotes, multi-line
 * double/single-quoted values, inline comments after unquoted values. Never throws.
 */
export function parseDotenv(text: string): DotenvFile {
  const lines = text.split(/\r?\n/);
  const entries: DotenvEntry[] = [];
  const problems: ParseProblem[] = [];
  for (let index = 0; index < lines.length; index += 1) {
    const raw = lines[index] as string;
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const lineNumber = index + 1;
    const match = /^(\s*)(export\s+)?([^=\s]+)(\s*)=(\s*)/.exec(raw);
    if (!match) {
      problems.push({ message: `line is not KEY=value: ${JSON.stringify(truncate(trimmed))}`, line: lineNumber, column: 1 });
      continue;
    }
    const [whole, indent = '', exported, key = '', before = '', after = ''] = match;
    if (!NAME.test(key)) {
      problems.push({ message: `invalid variable name ${JSON.stringify(key)}`, line: lineNumber, column: indent.length + (exported?.length ?? 0) + 1 });
      continue;
    }
    if (!PORTABLE_NAME.test(key)) {
      problems.push({ message: `variable name ${JSON.stringify(key)} contains '.' or '-', which shells cannot export`, line: lineNumber, column: indent.length + 1 });
    }
    const valueStart = whole.length;
    const parsed = readValue(lines, index, valueStart);
    if (parsed.problem) problems.push({ message: parsed.problem, line: lineNumber, column: valueStart + 1 });
    entries.push({
      key,
      value: parsed.value,
      line: lineNumber,
      valueColumn: valueStart + (parsed.quote === 'none' ? 1 : 2),
      quote: parsed.quote,
      isExported: exported !== undefined,
      hasSpaceAroundEquals: before.length > 0 || after.length > 0,
    });
    index = parsed.lastLine;
  }
  return { entries, problems };
}

interface ValueRead {
  value: string;
  quote: DotenvEntry['quote'];
  lastLine: number;
  problem?: string;
}

function readValue(lines: string[], index: number, start: number): ValueRead {
  const line = lines[index] as string;
  const first = line.charAt(start);
  const quote = first === '"' ? 'double' : first === "'" ? 'single' : first === '`' ? 'backtick' : 'none';
  if (quote === 'none') {
    const rest = line.slice(start);
    const comment = rest.search(/\s#/);
    return { value: (comment === -1 ? rest : rest.slice(0, comment)).trim(), quote, lastLine: index };
  }
  // Quoted: the value may continue over several lines until the closing quote.
  const parts: string[] = [];
  let lineIndex = index;
  let text = line.slice(start + 1);
  for (;;) {
    const close = findClose(text, first, quote === 'double');
    if (close !== -1) {
      parts.push(text.slice(0, close));
      break;
    }
    parts.push(text);
    if (lineIndex + 1 >= lines.length) {
      return { value: unescape(parts.join('\n'), quote), quote, lastLine: index, problem: `unterminated ${quote}-quoted value` };
    }
    lineIndex += 1;
    text = lines[lineIndex] as string;
  }
  return { value: unescape(parts.join('\n'), quote), quote, lastLine: lineIndex };
}

function findClose(text: string, quote: string, hasEscapes: boolean): number {
  for (let index = 0; index < text.length; index += 1) {
    const char = text.charAt(index);
    if (hasEscapes && char === '\\') index += 1;
    else if (char === quote) return index;
  }
  return -1;
}

function unescape(value: string, quote: DotenvEntry['quote']): string {
  if (quote !== 'double') return value;
  return value.replace(/\\([nrt"\\])/g, (_match, char: string) =>
    char === 'n' ? '\n' : char === 'r' ? '\r' : char === 't' ? '\t' : char,
  );
}

function truncate(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
