import { resolve } from 'node:path';
import picomatch from 'picomatch';
import { type LoadedConfig, loadConfig, parseSize } from '../config/load.js';
import { Project } from '../facts/project.js';
import { DEFAULT_MAX_FILE_SIZE, assertDirectory } from './audit.js';
import { collectFacts } from './collect-facts.js';
import { expandDirectoryPattern } from './suppress.js';

/**
 * The project model without running any check: config, discovery and facts, for commands that
 * only read facts (`liveready env`). Honours `ignorePaths` and `maxFileSize` like an audit.
 */
export function loadProject(root: string, options: { configPath?: string } = {}): { project: Project; config: LoadedConfig } {
  const absolute = resolve(root);
  assertDirectory(absolute);
  const config = loadConfig(absolute, options.configPath);
  const patterns = (config.config.ignorePaths ?? []).flatMap(expandDirectoryPattern);
  const isIgnoredPath = patterns.length > 0 ? picomatch(patterns, { dot: true }) : () => false;
  const collected = collectFacts(absolute, { maxFileSize: parseSize(config.config.maxFileSize, DEFAULT_MAX_FILE_SIZE), isIgnoredPath });
  return { project: new Project(absolute, collected.files, collected.facts, collected.listing === 'git'), config };
}
