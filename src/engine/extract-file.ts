import { kindFromShebang } from '../discovery/file-kind.js';
import { readText } from '../discovery/read-text.js';
import { extractFileFacts } from '../facts/extract/file-facts.js';
import type { FileFacts } from '../facts/types.js';
import type { FileKind } from '../model/file-kind.js';
import type { SkippedFile } from '../model/skipped-file.js';

/** One file to read and turn into facts (plain data: it crosses to worker threads). */
export interface FileJob {
  path: string;
  absolutePath: string;
  size: number;
  kind: FileKind;
  /** The content hash the cache knows for this path: when the file still hashes to it, facts are not extracted again. */
  knownHash?: string;
}

export interface FileOutcome {
  facts?: FileFacts;
  skipped?: SkippedFile;
  hash: string;
  bytes: number;
  /** The file still has `knownHash`: reuse the cached facts. */
  isUnchanged?: boolean;
}

/** Reads one file behind the guards and extracts its facts. Never throws. */
export function extractFile(job: FileJob, maxFileSize: number): FileOutcome {
  const outcome = readText(job.absolutePath, job.path, job.size, maxFileSize);
  if ('skipped' in outcome) return { skipped: outcome.skipped, hash: '', bytes: 0 };
  if (job.knownHash !== undefined && outcome.hash === job.knownHash) return { hash: outcome.hash, bytes: outcome.bytes, isUnchanged: true };
  let kind = job.kind;
  if (kind === 'other' || kind === 'text') {
    const newline = outcome.text.indexOf('\n');
    kind = kindFromShebang(outcome.text.slice(0, newline === -1 ? 200 : newline)) ?? kind;
  }
  const facts = extractFileFacts({ path: job.path, kind, text: outcome.text, bytes: outcome.bytes, hash: outcome.hash });
  return { facts, hash: outcome.hash, bytes: outcome.bytes };
}
