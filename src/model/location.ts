import type { Static } from '@sinclair/typebox';
import type { LocationSchema } from './report-schema.js';

/** A place in the audited tree. `file` is repo-relative POSIX; `line` and `column` are 1-based. */
export type Location = Static<typeof LocationSchema>;

export function formatLocation(location: Location): string {
  return location.column === undefined ? `${location.file}:${location.line}` : `${location.file}:${location.line}:${location.column}`;
}
