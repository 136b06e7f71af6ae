import { type Static, Type } from '@sinclair/typebox';
import { GoalStatusSchema } from './goal-tracker-schema.js';

/**
 * `report.sections.goals`: each tracker entry with its declared and measured status and the
 * evidence behind the measurement. Part of the JSON contract: extend, never rename.
 */
export const GoalRowSchema = Type.Object({
  module: Type.String(),
  path: Type.String({ description: 'The path the entry resolved to, as shown (app/auth/, app/main.py, the project); as written when it matches nothing' }),
  goal: Type.String(),
  declared: Type.Union([GoalStatusSchema, Type.Null()], { description: 'The status written in the tracker (null when absent or invalid)' }),
  measured: GoalStatusSchema,
  basis: Type.Optional(Type.Unsafe<'runtime' | 'static'>({ type: 'string', enum: ['runtime', 'static'], description: 'For validated: exercised by the running app, or only scanned by the static checks' })),
  isCore: Type.Boolean({ description: 'The entry names a core module (it holds code the service runs at start or that declares routes, apps or workers)' }),
  evidence: Type.Array(Type.String(), { description: 'Short sentences behind the measured status' }),
  line: Type.Integer({ minimum: 1, description: 'Line of the entry in the tracker' }),
  index: Type.Integer({ minimum: 0, description: 'Index of the entry in the tracker\'s entries array' }),
});

export const GoalsSectionSchema = Type.Object({
  tracker: Type.String({ description: 'Repo-relative path of the tracker file' }),
  goals: Type.Array(GoalRowSchema),
  /** Core modules no entry covers. */
  uncovered: Type.Array(Type.String()),
  problems: Type.Array(Type.Object({ line: Type.Integer({ minimum: 1 }), message: Type.String() })),
});

export type GoalRow = Static<typeof GoalRowSchema>;
export type GoalsSection = Static<typeof GoalsSectionSchema>;
