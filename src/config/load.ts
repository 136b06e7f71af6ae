import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { parseJson } from '../parsers/json.js';
import { ConfigError } from '../model/errors.js';
import { type LivereadyConfig, ConfigSchema } from './schema.js';
import { validateAgainst } from './validate.js';
import { CONFIG_FILE_NAMES } from './config-files.js';

export { CONFIG_FILE_NAMES, parseSize } from './config-files.js';

export interface LoadedConfig {
  config: LivereadyConfig;
  /** Repo-relative name of the file it came from; undefined when there is none. */
  file?: string;
  /** 1-based line of a key path in the file (for findings about the config itself). */
  lineOf(path: ReadonlyArray<string | number>): number | undefined;
}

const NO_LINES = (): undefined => undefined;

/**
 * Loads `.liveready.yaml|yml|json` from the root (or an explicit file). An invalid file is a
 * ConfigError naming the file and the key path of each problem; a missing one is an empty config.
 */
export function loadConfig(root: string, explicitPath?: string): LoadedConfig {
  const candidates = explicitPath ? [explicitPath] : CONFIG_FILE_NAMES.filter((name) => existsSync(join(root, name)));
  if (candidates.length === 0) return { config: {}, lineOf: NO_LINES };
  if (candidates.length > 1) throw new ConfigError(`both ${candidates.join(' and ')} exist in ${root}; keep one`);
  const name = candidates[0] as string;
  const path = explicitPath ?? join(root, name);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError(`cannot read config file ${name}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  const parsed = name.endsWith('.json') ? parseJsonConfig(name, text) : parseYamlConfig(name, text);
  const data = parsed.data ?? {};
  const errors = validateAgainst(ConfigSchema, data);
  if (errors.length > 0) throw new ConfigError(`invalid ${name}:\n${errors.map((error) => `  - ${error}`).join('\n')}`);
  return { config: data as LivereadyConfig, file: name, lineOf: parsed.lineOf };
}

interface ParsedConfig {
  data: unknown;
  lineOf(path: ReadonlyArray<string | number>): number | undefined;
}

function parseYamlConfig(name: string, text: string): ParsedConfig {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { prettyErrors: true, uniqueKeys: true, lineCounter });
  const error = document.errors[0];
  if (error) {
    const line = error.linePos?.[0];
    throw new ConfigError(`invalid ${name}: YAML syntax error${line ? ` at line ${line.line}, column ${line.col}` : ''}: ${error.message.split('\n')[0]}`);
  }
  return {
    data: document.toJS({ maxAliasCount: 100 }),
    lineOf(path) {
      const node = document.getIn([...path], true) as { range?: [number, number, number] } | undefined;
      return node?.range ? lineCounter.linePos(node.range[0]).line : undefined;
    },
  };
}

function parseJsonConfig(name: string, text: string): ParsedConfig {
  const document = parseJson(text);
  const problem = document.problems[0];
  if (problem) throw new ConfigError(`invalid ${name}: ${problem.message} at line ${problem.line}, column ${problem.column ?? 1}`);
  return { data: document.data, lineOf: (path) => document.positionOf(path)?.line };
}
