import { listFiles } from '../discovery/list-files.js';
import { kindFromName, kindFromShebang } from '../discovery/file-kind.js';
import { readText } from '../discovery/read-text.js';
import { extractFileFacts } from '../facts/extract/file-facts.js';
import type { FileFacts } from '../facts/types.js';
import type { DiscoveredFile } from '../model/file-kind.js';
import type { SkippedFile } from '../model/skipped-file.js';
import type { ProgressListener } from './progress.js';

export interface CollectedFacts {
  files: DiscoveredFile[];
  facts: FileFacts[];
  skipped: SkippedFile[];
  bytes: number;
  listing: 'git' | 'walk';
}

export interface CollectOptions {
  maxFileSize: number;
  isIgnoredPath: (path: string) => boolean;
  onProgress?: ProgressListener;
}

/** Discovery and per-file facts: list the tree, read each file behind the guards, extract its facts. */
export function collectFacts(root: string, options: CollectOptions): CollectedFacts {
  const listing = listFiles(root, { isIgnoredPath: options.isIgnoredPath });
  options.onProgress?.({ type: 'discovered', files: listing.files.length });
  const files: DiscoveredFile[] = [];
  const facts: FileFacts[] = [];
  const skipped = [...listing.skipped];
  let bytes = 0;
  listing.files.forEach((listed, index) => {
    let kind = kindFromName(listed.path);
    const file: DiscoveredFile = { path: listed.path, size: listed.size, kind };
    if (listed.tracked !== undefined) file.tracked = listed.tracked;
    files.push(file);
    const outcome = readText(listed.absolutePath, listed.path, listed.size, options.maxFileSize);
    if ('skipped' in outcome) {
      skipped.push(outcome.skipped);
      return;
    }
    if (kind === 'other' || kind === 'text') {
      const newline = outcome.text.indexOf('\n');
      kind = kindFromShebang(outcome.text.slice(0, newline === -1 ? 200 : newline)) ?? kind;
      file.kind = kind;
    }
    bytes += outcome.bytes;
    facts.push(extractFileFacts({ path: listed.path, kind, text: outcome.text, bytes: outcome.bytes, hash: outcome.hash }));
    if (options.onProgress && (index + 1) % 500 === 0) options.onProgress({ type: 'files-read', done: index + 1, total: listing.files.length });
  });
  options.onProgress?.({ type: 'files-read', done: listing.files.length, total: listing.files.length });
  skipped.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { files, facts, skipped, bytes, listing: listing.source };
}
