import type { OsvRecord } from '../facts/advisories/osv-record.js';

/** One OSV record is a few kilobytes; a file far bigger is not one. */
export const MAX_RECORD_BYTES = 8 * 1024 * 1024;

export interface DatabaseResult {
  records: OsvRecord[];
  /** JSON files (or zip entries) looked at. */
  scanned: number;
}
