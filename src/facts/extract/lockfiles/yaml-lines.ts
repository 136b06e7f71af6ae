import type { ParseProblem } from '../../../parsers/positioned.js';
import { addProblem } from './lockfile-parse.js';
import { decodeJsonString } from '../../../parsers/json-string.js';

/** One `key: value` (or `key:`) line of a block-style YAML file, with its indentation. */
export interface YamlLine {
  line: number;
  indent: number;
  key: string;
  /** The value as text, unquoted; '' when the line opens a block (`key:`). */
  value: string;
}

/**
 * The `key: value` lines of a generated block-style YAML file (pnpm-lock.yaml), in order, without
 * building a document: the yaml package takes seconds on a 30,000-entry lockfile. Comments,
 * blank lines and list items are skipped; a tab, an unterminated quote or a line that is not
 * `key:` becomes a problem.
 */
export function readYamlLines(text: string, problems: ParseProblem[]): YamlLine[] {
  const result: YamlLine[] = [];
  let lineStart = 0;
  for (let number = 1; lineStart <= text.length; number += 1) {
    const newline = text.indexOf('\n', lineStart);
    const end = newline === -1 ? text.length : newline;
    const raw = text.slice(lineStart, end > lineStart && text.charCodeAt(end - 1) === 13 ? end - 1 : end);
    lineStart = end + 1;
    const content = raw.trimStart();
    if (content === '' || content.startsWith('#') || content.startsWith('- ') || content === '-') continue;
    const indent = raw.length - content.length;
    if (raw.slice(0, indent).includes('\t')) {
      addProblem(problems, { message: 'tab indentation', line: number });
      continue;
    }
    const entry = splitKey(content);
    if (entry) result.push({ line: number, indent, ...entry });
    else addProblem(problems, { message: `not a YAML key: ${content.slice(0, 80)}`, line: number });
  }
  return result;
}

/** `'@babel/core@7.24.0':`, `/express@4.18.2:`, `version: 4.18.2(react@18.2.0)`, `resolution: {integrity: sha512-...}`. */
function splitKey(content: string): { key: string; value: string } | undefined {
  let keyEnd: number;
  let key: string | undefined;
  const quote = content.charAt(0);
  if (quote === "'" || quote === '"') {
    keyEnd = closingQuote(content, 0);
    if (keyEnd === -1) return undefined;
    key = yamlScalar(content.slice(0, keyEnd + 1));
    keyEnd += 1;
  } else {
    keyEnd = content.search(/:(?:\s|$)/);
    if (keyEnd <= 0) return undefined;
    key = content.slice(0, keyEnd);
  }
  if (key === undefined || !/^:(?:\s|$)/.test(content.slice(keyEnd))) return undefined;
  const rest = content.slice(keyEnd + 1).trim();
  const value = yamlScalar(/^['"]/.test(rest) ? rest : rest.replace(/\s+#.*$/, ''));
  return value === undefined ? undefined : { key, value };
}

/** A plain, single- or double-quoted scalar's text; undefined for an unterminated quote. Flow collections stay as written. */
function yamlScalar(text: string): string | undefined {
  const quote = text.charAt(0);
  if (quote !== "'" && quote !== '"') return text;
  if (closingQuote(text, 0) !== text.length - 1) return undefined;
  return quote === "'" ? text.slice(1, -1).replace(/''/g, "'") : decodeJsonString(text.slice(1, -1));
}

function closingQuote(text: string, open: number): number {
  const quote = text.charAt(open);
  for (let index = open + 1; index < text.length; index += 1) {
    const char = text.charAt(index);
    if (quote === '"' && char === '\\') index += 1;
    else if (char === quote) {
      if (quote === "'" && text.charAt(index + 1) === "'") index += 1;
      else return index;
    }
  }
  return -1;
}
