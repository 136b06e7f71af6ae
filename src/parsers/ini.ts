import type { ParseProblem } from './positioned.js';

export interface IniEntry {
  /** As written (python dialect: lower-cased, as configparser does). */
  key: string;
  value: string;
  line: number;
  /** Column of the value's first character on `line`. */
  valueColumn: number;
}

export interface IniSection {
  name: string;
  line: number;
  entries: IniEntry[];
}

export interface IniDocument {
  sections: IniSection[];
  problems: ParseProblem[];
}

/**
 * python: configparser as supervisord uses it (`key = value` or `key: value`, indented lines
 * continue a value, ` ;`/` #` start an inline comment, duplicate sections and keys are errors).
 * systemd: unit files (`Key=Value`, a trailing backslash continues, keys may repeat).
 */
export type IniDialect = 'python' | 'systemd';

/**
 * Parses INI-style files with positions. Hand-written because the npm INI parsers keep no line
 * numbers and know neither configparser continuations nor systemd's repeated keys. Never throws.
 */
export function parseIni(text: string, dialect: IniDialect): IniDocument {
  const lines = text.split(/\r?\n/);
  const sections: IniSection[] = [];
  const problems: ParseProblem[] = [];
  let current: IniSection | undefined;
  let last: IniEntry | undefined;
  // After a broken header, its entries are not reported again one by one.
  let isInBrokenSection = false;
  for (let index = 0; index < lines.length; index += 1) {
    const raw = lines[index] as string;
    const lineNumber = index + 1;
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#') || trimmed.startsWith(';')) {
      if (dialect === 'systemd' || trimmed !== '') continue;
      last = undefined; // configparser: an empty line ends a continued value
      continue;
    }
    if (dialect === 'python' && last && /^\s/.test(raw)) {
      last.value = `${last.value}\n${stripInlineComment(trimmed)}`;
      continue;
    }
    if (trimmed.startsWith('[')) {
      last = undefined;
      const header = /^\[([^\]]+)\]\s*(?:[#;].*)?$/.exec(trimmed);
      if (!header) {
        problems.push({ message: `section header is not closed: ${JSON.stringify(truncate(trimmed))}`, line: lineNumber, column: 1 });
        current = undefined;
        isInBrokenSection = true;
        continue;
      }
      const name = (header[1] as string).trim();
      if (dialect === 'python' && sections.some((section) => section.name === name)) {
        problems.push({ message: `section [${name}] is declared twice`, line: lineNumber, column: 1 });
      }
      current = { name, line: lineNumber, entries: [] };
      isInBrokenSection = false;
      sections.push(current);
      continue;
    }
    const entry = readEntry(lines, index, dialect);
    if (!entry) {
      problems.push({ message: `line is not key=value: ${JSON.stringify(truncate(trimmed))}`, line: lineNumber, column: 1 });
      continue;
    }
    index = entry.lastLine;
    if (!current) {
      if (!isInBrokenSection) problems.push({ message: `${entry.entry.key} is outside any [section]`, line: lineNumber, column: 1 });
      continue;
    }
    if (dialect === 'python' && current.entries.some((existing) => existing.key === entry.entry.key)) {
      problems.push({ message: `${entry.entry.key} is set twice in [${current.name}]`, line: lineNumber, column: 1 });
    }
    current.entries.push(entry.entry);
    last = dialect === 'python' ? entry.entry : undefined;
  }
  return { sections, problems };
}

function readEntry(lines: readonly string[], index: number, dialect: IniDialect): { entry: IniEntry; lastLine: number } | undefined {
  const raw = lines[index] as string;
  const match = dialect === 'python' ? /^(\s*)([^=:\s][^=:]*?)\s*[=:]\s*/.exec(raw) : /^(\s*)([A-Za-z0-9_.-]+)\s*=\s*/.exec(raw);
  if (!match) return undefined;
  const key = dialect === 'python' ? (match[2] as string).toLowerCase() : (match[2] as string);
  const valueStart = match[0].length;
  if (dialect === 'python') {
    return { entry: { key, value: stripInlineComment(raw.slice(valueStart).trim()), line: index + 1, valueColumn: valueStart + 1 }, lastLine: index };
  }
  // systemd: a trailing backslash joins the next line (with a space).
  const parts: string[] = [];
  let lineIndex = index;
  let text = raw.slice(valueStart);
  while (/\\\s*$/.test(text) && lineIndex + 1 < lines.length) {
    parts.push(text.replace(/\\\s*$/, '').trim());
    lineIndex += 1;
    text = lines[lineIndex] as string;
  }
  parts.push(text.trim());
  return { entry: { key, value: parts.filter((part) => part !== '').join(' '), line: index + 1, valueColumn: valueStart + 1 }, lastLine: lineIndex };
}

/** configparser with inline comment prefixes: ` ;` or ` #` after whitespace starts a comment. */
function stripInlineComment(value: string): string {
  const comment = value.search(/\s[;#]/);
  return comment === -1 ? value : value.slice(0, comment).trimEnd();
}

function truncate(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
