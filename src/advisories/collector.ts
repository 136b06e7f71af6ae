import type { Collector, CollectorContext } from '../engine/collectors.js';
import { lockedPackagesOf } from '../facts/locked-packages.js';
import type { OsvRecord } from '../facts/advisories/osv-record.js';
import { wantedPackages } from '../facts/advisories/record-filter.js';
import { packageKey } from '../facts/advisories/version-order.js';
import type { AdvisoriesEvidence } from '../facts/evidence/advisories.js';
import { type PackageQuery, queryOsvApi } from './osv-api.js';
import { type AdvisoriesCollectorOptions, type AdvisorySettings, resolveAdvisorySettings } from './settings.js';

/**
 * The schema stage's I/O for dependency advisories: loads the OSV records that name the packages
 * the project locks, from a local OSV database and/or the OSV API, onto `project.evidence.advisories`.
 * Never fails the audit: an unreachable or unreadable source is recorded as a source error.
 */
export const advisoriesCollector: Collector = {
  id: 'advisories',
  stage: 'schema',
  executesCode: false,
  phase: 1,
  async collect(context) {
    const locked = lockedPackagesOf(context.project);
    if (locked.length === 0) return;
    const settings = resolveAdvisorySettings(context.root, context.config.vulnerabilities, advisoriesOptions(context), process.env);
    const queries = distinctQueries(locked.map((entry) => entry.package));
    const evidence: AdvisoriesEvidence = { sources: [], errors: [], packagesChecked: queries.length, records: [] };
    const records = new Map<string, OsvRecord>();
    if (settings.database) await readDatabase(context, settings, queries, evidence, records, advisoriesOptions(context).cacheDir);
    if (settings.api) await readApi(context, settings.api, settings.apiBudgetMs, queries, evidence, records);
    if (!settings.database && !settings.api) evidence.note = 'no advisory source: the OSV API is off (--offline or LIVEREADY_OSV_API=off) and no OSV database is given (--osv-db or vulnerabilities.database)';
    evidence.records = [...records.values()];
    context.project.evidence.advisories = evidence;
  },
};

async function readDatabase(context: CollectorContext, settings: AdvisorySettings, queries: readonly PackageQuery[], evidence: AdvisoriesEvidence, records: Map<string, OsvRecord>, cacheDir: string | undefined): Promise<void> {
  const location = settings.databaseShown ?? settings.database ?? '';
  context.onProgress?.({ type: 'message', text: `reading OSV database ${location}` });
  try {
    // The zip reader is loaded only when there is a database to read.
    const { loadDatabase } = await import('./local-database.js');
    const result = await loadDatabase(settings.database ?? '', wantedPackages(queries), context.signal, cacheDir);
    for (const record of result.records) records.set(record.id, record);
    evidence.sources.push({ kind: 'database', location, records: result.records.length });
  } catch (error) {
    evidence.errors.push({ kind: 'database', location, message: describeError(error) });
  }
}

async function readApi(context: CollectorContext, api: string, budgetMs: number, queries: readonly PackageQuery[], evidence: AdvisoriesEvidence, records: Map<string, OsvRecord>): Promise<void> {
  context.onProgress?.({ type: 'message', text: `asking ${api} about ${queries.length} packages` });
  const result = await queryOsvApi(api, queries, { budgetMs, signal: context.signal });
  // The API is fresher than a downloaded export: its copy of a record wins.
  for (const record of result.records) records.set(record.id, record);
  const answered = result.errors.length === 0 || result.records.length > 0;
  if (answered) evidence.sources.push({ kind: 'api', location: api, records: result.records.length });
  for (const message of result.errors) evidence.errors.push({ kind: 'api', location: api, message });
}

function distinctQueries(packages: ReadonlyArray<{ ecosystem: PackageQuery['ecosystem']; name: string; version: string }>): PackageQuery[] {
  const seen = new Map<string, PackageQuery>();
  for (const locked of packages) {
    const key = `${packageKey(locked.ecosystem, locked.name)}@${locked.version}`;
    if (!seen.has(key)) seen.set(key, { ecosystem: locked.ecosystem, name: locked.name, version: locked.version });
  }
  return [...seen.values()];
}

function advisoriesOptions(context: CollectorContext): AdvisoriesCollectorOptions {
  const raw = context.options.advisories;
  return typeof raw === 'object' && raw !== null ? (raw as AdvisoriesCollectorOptions) : {};
}

function describeError(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}
