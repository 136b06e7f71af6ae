import type { Static } from '@sinclair/typebox';
import type { FindingSchema, SuppressedFindingSchema } from './report-schema.js';

/** One claim the audit makes, with where, why and what to do. Field names are part of the JSON contract. */
export type Finding = Static<typeof FindingSchema>;

/** A finding that was silenced, kept so reports can say how much was hidden and by what. */
export type SuppressedFinding = Static<typeof SuppressedFindingSchema>;
export type SuppressionSource = SuppressedFinding['by'];
