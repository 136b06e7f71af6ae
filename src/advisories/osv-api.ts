import type { LockEcosystem } from '../facts/manifest-types.js';
import { type OsvRecord, readOsvRecord } from '../facts/advisories/osv-record.js';
import { asArray, asRecord } from '../facts/extract/structured-document.js';

/** The API's limit of queries per querybatch request. */
const BATCH_SIZE = 1000;
/** Rounds of `next_page_token` follow-ups before giving up on the rest. */
const MAX_PAGE_ROUNDS = 20;
const FETCH_CONCURRENCY = 8;

export interface PackageQuery {
  ecosystem: LockEcosystem;
  name: string;
  version: string;
}

export interface ApiResult {
  records: OsvRecord[];
  /** What went wrong, as one line each (empty when everything answered). */
  errors: string[];
}

interface BatchQuery {
  package: { name: string; ecosystem: string };
  version: string;
  page_token?: string;
}

/**
 * Asks the OSV API which advisories affect each package version (POST /v1/querybatch, following
 * `next_page_token`), then fetches each distinct advisory (GET /v1/vulns/{id}, 8 at a time). The
 * whole exchange ends within `budgetMs`; failures are returned as errors, never thrown.
 */
export async function queryOsvApi(base: string, packages: readonly PackageQuery[], options: { budgetMs: number; signal: AbortSignal }): Promise<ApiResult> {
  const deadline = AbortSignal.any([options.signal, AbortSignal.timeout(options.budgetMs)]);
  const explain = (error: unknown): string => describeFailure(error, deadline, options.budgetMs);
  let ids: string[];
  try {
    ids = await queryBatches(base, packages, deadline);
  } catch (error) {
    return { records: [], errors: [`querybatch: ${explain(error)}`] };
  }
  const records: OsvRecord[] = [];
  const failures: string[] = [];
  await forEachLimited(ids, FETCH_CONCURRENCY, async (id) => {
    try {
      const record = readOsvRecord(await requestJson(`${base}/v1/vulns/${encodeURIComponent(id)}`, deadline));
      if (record) records.push(record);
      else failures.push(`${id}: not an OSV record`);
    } catch (error) {
      failures.push(`${id}: ${explain(error)}`);
    }
  });
  const errors = failures.length === 0 ? [] : [`${failures.length} of ${ids.length} advisories could not be fetched (${failures[0]}${failures.length > 1 ? ', ...' : ''})`];
  return { records, errors };
}

async function queryBatches(base: string, packages: readonly PackageQuery[], signal: AbortSignal): Promise<string[]> {
  const ids = new Set<string>();
  let pending: BatchQuery[] = packages.map((query) => ({ package: { name: query.name, ecosystem: query.ecosystem }, version: query.version }));
  for (let round = 0; pending.length > 0 && round < MAX_PAGE_ROUNDS; round += 1) {
    const next: BatchQuery[] = [];
    for (let start = 0; start < pending.length; start += BATCH_SIZE) {
      const queries = pending.slice(start, start + BATCH_SIZE);
      const results = readBatchResults(await requestJson(`${base}/v1/querybatch`, signal, { queries }), queries.length);
      results.forEach((result, index) => {
        for (const id of result.ids) ids.add(id);
        const query = queries[index];
        if (result.nextPageToken && query) next.push({ ...query, page_token: result.nextPageToken });
      });
    }
    pending = next;
  }
  return [...ids];
}

function readBatchResults(body: unknown, expected: number): Array<{ ids: string[]; nextPageToken?: string }> {
  const results = asRecord(body)?.results;
  if (!Array.isArray(results) || results.length !== expected) throw new Error(`unexpected answer (${expected} results expected)`);
  return results.map((result: unknown) => {
    const entry = asRecord(result) ?? {};
    const ids = asArray(entry.vulns).flatMap((vuln) => {
      const id = asRecord(vuln)?.id;
      return typeof id === 'string' ? [id] : [];
    });
    return typeof entry.next_page_token === 'string' && entry.next_page_token !== '' ? { ids, nextPageToken: entry.next_page_token } : { ids };
  });
}

async function requestJson(url: string, signal: AbortSignal, body?: unknown): Promise<unknown> {
  const response = await fetch(url, { signal, ...(body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }) });
  const text = await response.text();
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  try {
    return JSON.parse(text);
  } catch {
    throw new Error('the answer is not valid JSON');
  }
}

function describeFailure(error: unknown, deadline: AbortSignal, budgetMs: number): string {
  if (deadline.aborted) return deadline.reason instanceof Error && deadline.reason.name === 'TimeoutError' ? `timed out after ${budgetMs / 1000} s` : 'aborted';
  if (!(error instanceof Error)) return String(error);
  const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause;
  if (error.message === 'fetch failed' && cause) return `cannot connect (${String(cause.code ?? cause.message)})`;
  return error.message;
}

async function forEachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let index = next++; index < items.length; index = next++) await work(items[index] as T);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
