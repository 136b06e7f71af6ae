import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { LoadedConfig } from './load.js';

export const CONFIG_FILE_NAMES = ['.liveready.yaml', '.liveready.yml', '.liveready.json'] as const;

/**
 * loadConfig without its cost when there is nothing to load: the YAML parser and the schema
 * validator (~150 ms of module loading) are imported only when a config file exists.
 */
export async function loadConfigWhenPresent(root: string, explicitPath?: string): Promise<LoadedConfig> {
  if (!explicitPath && !CONFIG_FILE_NAMES.some((name) => existsSync(join(root, name)))) return { config: {}, lineOf: () => undefined };
  const { loadConfig } = await import('./load.js');
  return loadConfig(root, explicitPath);
}

/** Parses a size like `2MB` or a byte count into bytes. */
export function parseSize(value: string | number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value === 'number') return value;
  const match = /^\s*(\d+(?:\.\d+)?)\s*(B|KB|MB|GB)\s*$/.exec(value);
  if (!match) return fallback;
  const units: Record<string, number> = { B: 1, KB: 1024, MB: 1024 ** 2, GB: 1024 ** 3 };
  return Math.round(Number(match[1]) * (units[match[2] as string] ?? 1));
}
