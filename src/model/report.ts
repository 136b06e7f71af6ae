import type { Static } from '@sinclair/typebox';
import type { CheckRunSchema, GateSchema, ReportSchema, StageResultSchema, VerdictSchema } from './report-schema.js';

export type Verdict = Static<typeof VerdictSchema>;
export type DeathLoopCause = NonNullable<Verdict['deathLoopCause']>;
export type Gate = Static<typeof GateSchema>;
export type StageResult = Static<typeof StageResultSchema>;
export type CheckRun = Static<typeof CheckRunSchema>;
export type CheckStatus = CheckRun['status'];
/** The JSON report. Field names are a contract other tools read: extend, never rename. */
export type Report = Static<typeof ReportSchema>;
