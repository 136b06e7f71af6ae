import { type Dirent, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { OsvRecord } from '../facts/advisories/osv-record.js';
import { type WantedPackages, readWantedRecord } from '../facts/advisories/record-filter.js';
import { type DatabaseResult, MAX_RECORD_BYTES } from './database-result.js';
import { readZipRecords } from './zip-database.js';

/**
 * Reads the records of a local OSV database that name a wanted package: a directory of OSV JSON
 * files at any depth (osv.dev's all.zip unpacked) or the zip itself. One file at a time, so a
 * database of hundreds of megabytes never sits in memory. Throws when the path cannot be read.
 */
export async function loadDatabase(path: string, wanted: WantedPackages, signal: AbortSignal, cacheDir?: string): Promise<DatabaseResult> {
  const stats = statSync(path);
  if (stats.isDirectory()) return readDirectoryRecords(path, wanted, signal);
  if (stats.isFile() && /\.zip$/i.test(path)) return readZipRecords(path, wanted, signal, cacheDir);
  throw new Error('not a directory or a .zip file');
}

function readDirectoryRecords(root: string, wanted: WantedPackages, signal: AbortSignal): DatabaseResult {
  const records: OsvRecord[] = [];
  let scanned = 0;
  // An explicit stack: no recursion on the tree's depth; symlinked directories are not followed (no loops).
  const pending = [root];
  for (let directory = pending.pop(); directory !== undefined && !signal.aborted; directory = pending.pop()) {
    for (const entry of listDirectory(directory)) {
      const path = join(directory, entry.name);
      if (entry.isDirectory()) pending.push(path);
      else if (entry.isFile() && entry.name.endsWith('.json')) {
        scanned += 1;
        const text = readSmallFile(path);
        const record = text === undefined ? undefined : readWantedRecord(text, wanted);
        if (record) records.push(record);
      }
    }
  }
  return { records, scanned };
}

function listDirectory(directory: string): Dirent[] {
  try {
    return readdirSync(directory, { withFileTypes: true });
  } catch {
    return [];
  }
}

function readSmallFile(path: string): string | undefined {
  try {
    return statSync(path).size > MAX_RECORD_BYTES ? undefined : readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
