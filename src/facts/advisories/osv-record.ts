import { asArray, asRecord } from '../extract/structured-document.js';

/**
 * OSV schema 1.x records (https://ossf.github.io/osv-schema/), reduced to what matching and
 * reporting need. Records come from files and the network: `readOsvRecord` validates the shape and
 * drops what is malformed instead of trusting it.
 */

export type OsvRangeType = 'SEMVER' | 'ECOSYSTEM' | 'GIT';

/** One event of a range; exactly one key is set. `introduced: "0"` means "from the first version". */
export interface OsvEvent {
  introduced?: string;
  fixed?: string;
  last_affected?: string;
  limit?: string;
}

export interface OsvRange {
  type: OsvRangeType;
  events: OsvEvent[];
}

export interface OsvAffected {
  package: { ecosystem: string; name: string };
  ranges: OsvRange[];
  /** Exact affected versions (PYSEC records enumerate them). */
  versions: string[];
}

export interface OsvRecord {
  id: string;
  aliases: string[];
  summary?: string;
  details?: string;
  /** Set when the advisory was withdrawn: it no longer applies. */
  withdrawn?: string;
  /** `database_specific.severity` (GHSA: CRITICAL, HIGH, MODERATE, LOW). */
  severity?: string;
  affected: OsvAffected[];
}

const EVENT_KEYS = ['introduced', 'fixed', 'last_affected', 'limit'] as const;

/** A record from parsed JSON, or undefined when it is not an OSV record (no id, no affected list). */
export function readOsvRecord(value: unknown): OsvRecord | undefined {
  const raw = asRecord(value);
  if (!raw || typeof raw.id !== 'string' || raw.id === '') return undefined;
  const record: OsvRecord = {
    id: raw.id,
    aliases: strings(raw.aliases),
    affected: asArray(raw.affected).map(readAffected).filter((entry) => entry !== undefined),
  };
  if (typeof raw.summary === 'string' && raw.summary.trim() !== '') record.summary = raw.summary.trim();
  if (typeof raw.details === 'string') record.details = raw.details;
  if (typeof raw.withdrawn === 'string' && raw.withdrawn !== '') record.withdrawn = raw.withdrawn;
  const severity = asRecord(raw.database_specific)?.severity;
  if (typeof severity === 'string' && severity !== '') record.severity = severity.toUpperCase();
  return record;
}

function readAffected(value: unknown): OsvAffected | undefined {
  const raw = asRecord(value);
  const affectedPackage = asRecord(raw?.package);
  if (!raw || !affectedPackage) return undefined;
  const { ecosystem, name } = affectedPackage;
  if (typeof ecosystem !== 'string' || typeof name !== 'string') return undefined;
  const ranges = asArray(raw.ranges).map(readRange).filter((range) => range !== undefined);
  return { package: { ecosystem, name }, ranges, versions: strings(raw.versions) };
}

function readRange(value: unknown): OsvRange | undefined {
  const raw = asRecord(value);
  if (!raw || (raw.type !== 'SEMVER' && raw.type !== 'ECOSYSTEM' && raw.type !== 'GIT') || !Array.isArray(raw.events)) return undefined;
  const events: OsvEvent[] = [];
  for (const item of raw.events) {
    const event = asRecord(item);
    const key = event && EVENT_KEYS.find((candidate) => typeof event[candidate] === 'string');
    if (event && key) events.push({ [key]: event[key] as string });
  }
  return { type: raw.type, events };
}

function strings(value: unknown): string[] {
  return asArray(value).filter((item): item is string => typeof item === 'string');
}
