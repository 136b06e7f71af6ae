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
  if (!isObject(value) || typeof value.id !== 'string' || value.id === '') return undefined;
  const record: OsvRecord = {
    id: value.id,
    aliases: strings(value.aliases),
    affected: Array.isArray(value.affected) ? value.affected.map(readAffected).filter((entry) => entry !== undefined) : [],
  };
  if (typeof value.summary === 'string' && value.summary.trim() !== '') record.summary = value.summary.trim();
  if (typeof value.details === 'string') record.details = value.details;
  if (typeof value.withdrawn === 'string' && value.withdrawn !== '') record.withdrawn = value.withdrawn;
  const severity = isObject(value.database_specific) ? value.database_specific.severity : undefined;
  if (typeof severity === 'string' && severity !== '') record.severity = severity.toUpperCase();
  return record;
}

function readAffected(value: unknown): OsvAffected | undefined {
  if (!isObject(value) || !isObject(value.package)) return undefined;
  const { ecosystem, name } = value.package;
  if (typeof ecosystem !== 'string' || typeof name !== 'string') return undefined;
  const ranges = Array.isArray(value.ranges) ? value.ranges.map(readRange).filter((range) => range !== undefined) : [];
  return { package: { ecosystem, name }, ranges, versions: strings(value.versions) };
}

function readRange(value: unknown): OsvRange | undefined {
  if (!isObject(value) || (value.type !== 'SEMVER' && value.type !== 'ECOSYSTEM' && value.type !== 'GIT') || !Array.isArray(value.events)) return undefined;
  const events: OsvEvent[] = [];
  for (const raw of value.events) {
    if (!isObject(raw)) continue;
    const key = EVENT_KEYS.find((candidate) => typeof raw[candidate] === 'string');
    if (key) events.push({ [key]: raw[key] as string });
  }
  return { type: value.type, events };
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
