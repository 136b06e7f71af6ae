import { type Static, Type } from '@sinclair/typebox';

/** What a goal's status can be: declared by people in the tracker, measured by liveready. */
export const GOAL_STATUSES = ['validated', 'failing', 'untested', 'unknown'] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];

export const GoalStatusSchema = Type.Unsafe<GoalStatus>({
  type: 'string',
  enum: [...GOAL_STATUSES],
  description: 'validated: exercised and nothing fails; failing: critical findings, log failures over the threshold or a simulation failure in it; untested: no evidence either way; unknown: not judged',
});

/**
 * One entry of `goal_tracker.json`. Other keys (owner, notes...) are allowed and kept by
 * `liveready goals --update`.
 */
export const GoalEntrySchema = Type.Object(
  {
    module: Type.String({ minLength: 1, description: 'A name for the module, unique in the tracker (auth_service)' }),
    path: Type.Optional(Type.String({ minLength: 1, description: 'Repo-relative file or directory the module is (app/auth/); when absent the module name is tried as a path' })),
    goal: Type.String({ description: 'What the module is for, in one sentence (authenticate users via OAuth2)' }),
    status: Type.Optional(GoalStatusSchema),
  },
  { additionalProperties: true },
);

/** The published schema of `goal_tracker.json`: an array of entries, or an object with a `modules` array. */
export const GoalTrackerSchema = Type.Union(
  [Type.Array(GoalEntrySchema), Type.Object({ modules: Type.Array(GoalEntrySchema) }, { additionalProperties: true })],
  { $id: 'https://liveready.dev/schemas/goal-tracker.schema.json', title: 'liveready goal tracker (goal_tracker.json)' },
);

export type GoalEntryFromSchema = Static<typeof GoalEntrySchema>;
