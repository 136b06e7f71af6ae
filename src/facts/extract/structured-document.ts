import { parseJson } from '../../parsers/json.js';
import type { ParseProblem } from '../../parsers/positioned.js';
import { parseToml } from '../../parsers/toml.js';
import { parseYaml } from '../../parsers/yaml.js';
import type { DeclaredCommand } from '../manifest-types.js';
import { commandString } from './command-string.js';
import type { ManifestEnvEntry } from '../deployment-manifest-types.js';

export type DocumentPath = ReadonlyArray<string | number>;

/** A parsed JSON, TOML or YAML manifest, read the same way whatever its syntax. */
export interface StructuredDocument {
  data: unknown;
  problems: ParseProblem[];
  /** The line of the value at `path`, or of its nearest written ancestor (1 when nothing is). */
  lineNear(path: DocumentPath): number;
  /** The text of a 1-based line. */
  lineText(line: number): string;
  /** Lines the facts point at (for evidence snippets). */
  lines: Set<number>;
}

export function parseStructured(format: 'json' | 'toml' | 'yaml', text: string): StructuredDocument {
  const textLines = text.split(/\r?\n/);
  let data: unknown;
  let problems: ParseProblem[];
  let exact: (path: DocumentPath) => number | undefined;
  if (format === 'json') {
    const document = parseJson(text);
    ({ data, problems } = document);
    exact = (path) => document.positionOf(path)?.line;
  } else if (format === 'yaml') {
    const document = parseYaml(text);
    ({ data, problems } = document);
    exact = (path) => document.positionOf(path)?.line;
  } else {
    const document = parseToml(text);
    ({ data, problems } = document);
    exact = (path) => document.lineOf(path.map(String));
  }
  const lines = new Set<number>();
  return {
    data,
    problems,
    lines,
    lineNear(path) {
      for (let length = path.length; length > 0; length -= 1) {
        const line = exact(path.slice(0, length));
        if (line !== undefined) {
          lines.add(line);
          return line;
        }
      }
      return 1;
    },
    lineText: (line) => textLines[line - 1] ?? '',
  };
}

export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** Strings, numbers and booleans as text (manifests write `PORT = 8080` and `PORT: "8080"` alike). */
export function asText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

export function asPort(value: unknown): number | undefined {
  const text = asText(value)?.trim();
  if (text === undefined || !/^\d{1,5}$/.test(text)) return undefined;
  const port = Number(text);
  return port > 0 && port <= 65535 ? port : undefined;
}

/** 1-based column of `needle` on the line, else of its first non-blank character. */
export function columnOn(lineText: string, needle: string): number {
  const found = needle === '' ? -1 : lineText.indexOf(needle);
  if (found !== -1) return found + 1;
  const first = lineText.search(/\S/);
  return first === -1 ? 1 : first + 1;
}

/** A command (string or argv array) at `path`, with where it is written. */
export function commandAt(document: StructuredDocument, path: DocumentPath, value: unknown): DeclaredCommand | undefined {
  const command = commandString(value);
  if (command === undefined || command.trim() === '') return undefined;
  const line = document.lineNear(path);
  const firstWord = Array.isArray(value) ? String(value[0] ?? '') : command.trim().split(/\s+/)[0] ?? '';
  return { command, line, column: columnOn(document.lineText(line), firstWord) };
}

/** `{ NAME: value }` tables (fly [env], nixpacks [variables], vercel env, railway variables). */
export function envTable(document: StructuredDocument, path: DocumentPath, table: unknown): ManifestEnvEntry[] {
  const record = asRecord(table);
  if (!record) return [];
  const entries: ManifestEnvEntry[] = [];
  for (const [name, value] of Object.entries(record)) {
    const text = asText(value);
    if (text === undefined || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) continue;
    entries.push({ name, value: text, line: document.lineNear([...path, name]) });
  }
  return entries;
}
