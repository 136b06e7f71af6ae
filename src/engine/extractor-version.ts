import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { VERSION } from '../model/version.js';

/** The code that turns a file into facts: any change to it must invalidate cached facts. */
const EXTRACTOR_DIRECTORIES = ['../facts/', '../parsers/', '../discovery/', '../model/'];

let cached: string | undefined;
let cachedAnalysis: string | undefined;

/**
 * The facts cache key's version: liveready's version plus a hash of the extraction code as
 * installed (the compiled files next to this one), so an upgrade or a local change never reads
 * facts made by other code. Computed once per process (~100 small files).
 */
export function extractorVersion(): string {
  if (cached !== undefined) return cached;
  const hash = createHash('sha1');
  for (const directory of EXTRACTOR_DIRECTORIES) {
    for (const file of listCode(fileURLToPath(new URL(directory, import.meta.url)))) {
      hash.update(file).update(readFileSync(file));
    }
  }
  cached = `${VERSION}+${hash.digest('hex').slice(0, 16)}`;
  return cached;
}

/**
 * The version of everything that turns a tree into results (extraction, checks, the engine, report
 * sections): the key under which results that depend on the tree alone are remembered. Any change
 * to the installed code gives a new one. The extraction code is covered by extractorVersion (each
 * file is read once per process); this hashes the rest.
 */
export function analysisVersion(): string {
  if (cachedAnalysis !== undefined) return cachedAnalysis;
  const extraction = EXTRACTOR_DIRECTORIES.map((directory) => fileURLToPath(new URL(directory, import.meta.url)));
  const hash = createHash('sha1').update(extractorVersion());
  for (const file of listCode(fileURLToPath(new URL('../', import.meta.url)))) {
    if (!extraction.some((directory) => file.startsWith(directory))) hash.update(file).update(readFileSync(file));
  }
  cachedAnalysis = `${VERSION}+${hash.digest('hex').slice(0, 16)}`;
  return cachedAnalysis;
}

function listCode(directory: string): string[] {
  const files: string[] = [];
  const pending = [directory];
  while (pending.length > 0) {
    const current = pending.pop() as string;
    let entries;
    try {
      entries = readdirSync(current, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      const path = `${current}${current.endsWith('/') ? '' : '/'}${entry.name}`;
      if (entry.isDirectory() && entry.name !== 'fixtures') pending.push(path);
      else if (/\.(?:js|ts)$/.test(entry.name) && !/\.(?:test|d)\.ts$/.test(entry.name) && !entry.name.endsWith('.map')) files.push(path);
    }
  }
  return files.sort();
}
