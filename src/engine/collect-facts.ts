import { realpathSync } from 'node:fs';
import { type ListedFile, listFiles } from '../discovery/list-files.js';
import { kindFromName } from '../discovery/file-kind.js';
import { needsNoRead, readText } from '../discovery/read-text.js';
import type { FileFacts } from '../facts/types.js';
import type { DiscoveredFile } from '../model/file-kind.js';
import type { SkippedFile } from '../model/skipped-file.js';
import { type FileJob, type FileOutcome, extractFile } from './extract-file.js';
import { extractorVersion } from './extractor-version.js';
import { FactsCache } from './facts-cache.js';
import type { ProgressListener } from './progress.js';
import { extractInWorkers, threadsFor } from './worker-pool.js';

export interface CollectedFacts {
  files: DiscoveredFile[];
  facts: FileFacts[];
  skipped: SkippedFile[];
  bytes: number;
  listing: 'git' | 'walk';
  /** Present when the facts cache was used. */
  cache?: { hits: number; misses: number };
}

export interface CollectOptions {
  maxFileSize: number;
  isIgnoredPath: (path: string) => boolean;
  onProgress?: ProgressListener;
  /** Directory of the facts cache (outside the audited tree); undefined: no cache. */
  cacheDir?: string;
  /** Threads for reading and extracting: 'auto' (default) uses them for big trees only; 0 never. */
  threads?: number | 'auto';
}

/** What each listed file turned into, by listing index. */
type Slot = { facts?: FileFacts; skipped?: SkippedFile; bytes: number };

/**
 * Discovery and per-file facts: list the tree, take unchanged files' facts from the cache, read and
 * extract the rest on this thread, keep facts and drop the text.
 */
export function collectFacts(root: string, options: CollectOptions): CollectedFacts {
  const plan = planCollection(root, options);
  const outcomes = plan.jobs.map((entry, index) => {
    if ((index + 1) % 500 === 0) plan.progress(index + 1);
    return extractFile(entry.job, options.maxFileSize);
  });
  return finishCollection(plan, outcomes, options);
}

/** collectFacts with the reading and extraction spread over worker threads when the tree is big enough. */
export async function collectFactsInParallel(root: string, options: CollectOptions): Promise<CollectedFacts> {
  const plan = planCollection(root, options);
  const jobs = plan.jobs.map((entry) => entry.job);
  const threads = threadsFor(jobs, options.threads ?? 'auto');
  if (threads > 0) {
    try {
      return finishCollection(plan, await extractInWorkers(jobs, threads, options.maxFileSize, plan.progress), options);
    } catch {
      // Threads failed (or are not built): the same work on this thread.
    }
  }
  return finishCollection(plan, jobs.map((job) => extractFile(job, options.maxFileSize)), options);
}

interface CollectionPlan {
  listing: ReturnType<typeof listFiles>;
  files: DiscoveredFile[];
  slots: Slot[];
  /** Files to read and extract (not decided by name/size, not unchanged in the cache). */
  jobs: Array<{ index: number; job: FileJob; listed: ListedFile }>;
  cache: FactsCache | undefined;
  progress: (done: number) => void;
}

function planCollection(root: string, options: CollectOptions): CollectionPlan {
  const listing = listFiles(root, { isIgnoredPath: options.isIgnoredPath });
  options.onProgress?.({ type: 'discovered', files: listing.files.length });
  const cache = options.cacheDir ? openCache(options.cacheDir, root) : undefined;
  const files: DiscoveredFile[] = [];
  const slots: Slot[] = new Array(listing.files.length);
  const jobs: CollectionPlan['jobs'] = [];
  listing.files.forEach((listed, index) => {
    const file: DiscoveredFile = { path: listed.path, size: listed.size, kind: kindFromName(listed.path) };
    if (listed.tracked !== undefined) file.tracked = listed.tracked;
    files.push(file);
    // Logs are the logs stage's to read (streamed, any size); no per-file fact needs their text.
    if (file.kind === 'log') {
      slots[index] = { bytes: 0 };
      return;
    }
    if (needsNoRead(listed.path, listed.size, options.maxFileSize)) {
      const outcome = readText(listed.absolutePath, listed.path, listed.size, options.maxFileSize);
      slots[index] = 'skipped' in outcome ? { skipped: outcome.skipped, bytes: 0 } : { bytes: 0 };
      return;
    }
    const known = cache?.byStat(listed);
    if (known) {
      slots[index] = { ...known, bytes: known.facts?.bytes ?? 0 };
      return;
    }
    jobs.push({ index, listed, job: { path: listed.path, absolutePath: listed.absolutePath, size: listed.size, kind: file.kind, ...hashHint(cache, listed) } });
  });
  const alreadyDone = listing.files.length - jobs.length;
  const progress = (done: number): void => options.onProgress?.({ type: 'files-read', done: alreadyDone + done, total: listing.files.length });
  return { listing, files, slots, jobs, cache, progress };
}

function finishCollection(plan: CollectionPlan, outcomes: FileOutcome[], options: CollectOptions): CollectedFacts {
  plan.progress(plan.jobs.length);
  plan.jobs.forEach(({ index, listed, job }, position) => {
    plan.slots[index] = settle(plan.cache, listed, outcomes[position] as FileOutcome, () => extractFile({ ...job, knownHash: undefined }, options.maxFileSize));
  });
  plan.cache?.save();
  return assemble(plan.files, plan.slots, plan.listing, plan.cache);
}

function openCache(directory: string, root: string): FactsCache | undefined {
  try {
    return new FactsCache(directory, realpathSync(root), extractorVersion());
  } catch {
    return undefined;
  }
}

function hashHint(cache: FactsCache | undefined, listed: ListedFile): { knownHash?: string } {
  const knownHash = cache?.knownHash(listed.path);
  return knownHash ? { knownHash } : {};
}

function settle(cache: FactsCache | undefined, listed: ListedFile, result: FileOutcome, extractAgain: () => FileOutcome): Slot {
  // A hash match whose cached facts are gone (should not happen) is extracted after all.
  const outcome = result.isUnchanged && !cache?.knownHash(listed.path) ? extractAgain() : result;
  if (outcome.skipped) {
    cache?.store(listed, '', { skipped: outcome.skipped });
    cache?.miss();
    return { skipped: outcome.skipped, bytes: 0 };
  }
  const facts = outcome.isUnchanged ? cache?.byHash(listed, outcome.hash) : outcome.facts;
  if (!facts) return { bytes: outcome.bytes };
  if (!outcome.isUnchanged) {
    cache?.store(listed, outcome.hash, { facts });
    cache?.miss();
  }
  return { facts, bytes: outcome.bytes };
}

function assemble(files: DiscoveredFile[], slots: Slot[], listing: ReturnType<typeof listFiles>, cache: FactsCache | undefined): CollectedFacts {
  const facts: FileFacts[] = [];
  const skipped = [...listing.skipped];
  let bytes = 0;
  slots.forEach((slot, index) => {
    if (slot.skipped) skipped.push(slot.skipped);
    if (!slot.facts) return;
    const file = files[index] as DiscoveredFile;
    file.kind = slot.facts.kind;
    facts.push(slot.facts);
    bytes += slot.bytes;
  });
  skipped.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const collected: CollectedFacts = { files, facts, skipped, bytes, listing: listing.source };
  if (cache) collected.cache = { hits: cache.hits, misses: cache.misses };
  return collected;
}
