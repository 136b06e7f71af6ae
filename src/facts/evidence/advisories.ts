import type { OsvRecord } from '../advisories/osv-record.js';

/** One advisory source that answered. */
export interface AdvisorySource {
  kind: 'database' | 'api';
  /** The database path as given, or the API base URL. */
  location: string;
  /** Records it gave for the locked packages. */
  records: number;
}

/** A source that could not be read or reached (offline, timeout, 5xx, invalid JSON, unreadable zip). */
export interface AdvisorySourceError {
  kind: 'database' | 'api';
  location: string;
  message: string;
}

/**
 * Set by the advisories collector (schema stage) when the project locks packages: the OSV records
 * that name those packages, and where they came from. The check matches versions itself (pure).
 */
export interface AdvisoriesEvidence {
  sources: AdvisorySource[];
  errors: AdvisorySourceError[];
  /** Distinct (ecosystem, name, version) looked up. */
  packagesChecked: number;
  records: OsvRecord[];
  /** Why no source was consulted at all (offline and no database). */
  note?: string;
}
