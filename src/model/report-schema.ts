import { type Static, type TSchema, Type } from '@sinclair/typebox';
import { CATEGORIES, type Category } from './category.js';
import { LogsSectionSchema } from './logs-section-schema.js';
import { SEVERITIES, type Severity } from './severity.js';
import { SimulationSectionSchema, WatchSectionSchema } from './simulation-section-schema.js';
import { STAGES, type StageId, type StageStatus } from './stage.js';
import { EnvSectionSchema, StartSequenceSectionSchema } from './env-section-schema.js';
import { ModuleMapSectionSchema, RoutesSectionSchema } from './map-section-schema.js';
import { GoalStatusSchema } from './goal-tracker-schema.js';
import { GoalsSectionSchema } from './goals-section-schema.js';
import { VulnerabilitiesSectionSchema } from './vulnerabilities-section-schema.js';

/**
 * The JSON report contract, as one schema: the published `schemas/report.schema.json` is written
 * from it and the TypeScript types are derived from it. Other tools read these fields: extend,
 * never rename.
 */

function stringEnum<T extends string>(values: readonly T[], description?: string): TSchema & { static: T } {
  return Type.Unsafe<T>({ type: 'string', enum: [...values], ...(description ? { description } : {}) });
}

const SeverityEnum = stringEnum<Severity>(SEVERITIES);
const StageEnum = stringEnum<StageId>(STAGES);
const StageStatusEnum = stringEnum<StageStatus>(['passed', 'failed', 'skipped', 'errored']);

export const LocationSchema = Type.Object({
  file: Type.String({ description: 'Repo-relative POSIX path' }),
  line: Type.Integer({ minimum: 1 }),
  column: Type.Optional(Type.Integer({ minimum: 1 })),
});

export const FindingSchema = Type.Object({
  checkId: Type.String({ pattern: '^[a-z0-9-]+/[a-z0-9-]+$' }),
  stage: StageEnum,
  severity: SeverityEnum,
  category: stringEnum<Category>(CATEGORIES, 'Column of the priority matrix'),
  message: Type.String({ minLength: 1 }),
  remediation: Type.String({ minLength: 1 }),
  location: LocationSchema,
  evidence: Type.Optional(Type.String({ description: 'The flagged line, secrets redacted' })),
  fingerprint: Type.String({ minLength: 8, description: 'Stable across edits above the finding' }),
  experimental: Type.Optional(Type.Boolean()),
  related: Type.Optional(Type.Array(LocationSchema)),
});

export const SuppressedFindingSchema = Type.Object({
  checkId: Type.String(),
  fingerprint: Type.String(),
  location: LocationSchema,
  severity: SeverityEnum,
  by: stringEnum<'inline' | 'config' | 'baseline'>(['inline', 'config', 'baseline']),
  reason: Type.Optional(Type.String()),
});

export const VerdictSchema = Type.Object({
  liveReady: Type.Boolean(),
  basis: stringEnum<'static' | 'runtime'>(['static', 'runtime']),
  deathLoopCause: Type.Union([Type.Object({ checkId: Type.String(), summary: Type.String() }), Type.Null()]),
  runtimeVerified: Type.Boolean({ description: 'True only when the simulation started, probed and stopped the app' }),
  reasons: Type.Array(Type.String()),
  unmetGoals: Type.Optional(
    Type.Array(
      Type.Object({
        module: Type.String(),
        path: Type.String({ description: "The entry's resolved path as shown (app/auth/, app/main.py, the project)" }),
        measured: GoalStatusSchema,
        checkId: Type.String(),
        summary: Type.String(),
      }),
      { description: 'Goals in the goal tracker that name a core module and are not measured validated (present when the goals stage read a tracker)' },
    ),
  ),
});

export const GateSchema = Type.Object({
  failOn: SeverityEnum,
  passed: Type.Boolean(),
  summary: Type.String(),
});

export const StageResultSchema = Type.Object({
  id: StageEnum,
  status: StageStatusEnum,
  summary: Type.String(),
  durationMs: Type.Optional(Type.Number({ minimum: 0 })),
});

export const CheckRunSchema = Type.Object({
  id: Type.String(),
  stage: StageEnum,
  status: stringEnum<'passed' | 'failed' | 'skipped' | 'errored'>(['passed', 'failed', 'skipped', 'errored']),
  findings: Type.Integer({ minimum: 0 }),
  reason: Type.Optional(Type.String()),
  experimental: Type.Optional(Type.Boolean()),
  /** What the check requires (its `meta.description`): rule text for SARIF and JUnit consumers. */
  description: Type.Optional(Type.String()),
  /** The severity its findings get by default (after config overrides), and its category. */
  severity: Type.Optional(SeverityEnum),
  category: Type.Optional(stringEnum<Category>(CATEGORIES)),
  /** Milliseconds the check ran, including shared facts it was first to compute (the module graph, the route table). */
  durationMs: Type.Optional(Type.Number({ minimum: 0 })),
  /** True when its result was reused from the last audit of the same tree (no file changed, same options). */
  reused: Type.Optional(Type.Boolean()),
});

export const SkippedFileSchema = Type.Object({
  file: Type.String(),
  reason: Type.String(),
  code: Type.String(),
});

export const ReportSchema = Type.Object(
  {
    schemaVersion: Type.Literal(1),
    tool: Type.Object({ name: Type.Literal('liveready'), version: Type.String() }),
    root: Type.String({ description: 'The audited path' }),
    generatedAt: Type.String({ format: 'date-time' }),
    verdict: VerdictSchema,
    gate: GateSchema,
    stages: Type.Array(StageResultSchema),
    findings: Type.Array(FindingSchema),
    suppressed: Type.Array(SuppressedFindingSchema),
    checks: Type.Array(CheckRunSchema),
    // Each stage's section is an optional property; the TS type stays a record so builders stay independent.
    sections: Type.Unsafe<Record<string, unknown>>({
      type: 'object',
      description: 'Stage-level data (env contract, module map, simulation timeline...)',
      properties: { logs: LogsSectionSchema, env: EnvSectionSchema, startSequence: StartSequenceSectionSchema, simulation: SimulationSectionSchema, watch: WatchSectionSchema, moduleMap: ModuleMapSectionSchema, routes: RoutesSectionSchema, goals: GoalsSectionSchema, vulnerabilities: VulnerabilitiesSectionSchema }, // env, startSequence: config stage; simulation, watch: runtime stage; moduleMap, routes: map stage; goals: goals stage; vulnerabilities: schema stage
      patternProperties: { '^(.*)$': {} },
    }),
    stats: Type.Object({
      files: Type.Integer({ minimum: 0 }),
      bytes: Type.Integer({ minimum: 0 }),
      durationMs: Type.Number({ minimum: 0 }),
      skipped: Type.Array(SkippedFileSchema),
      listing: stringEnum<'git' | 'walk'>(['git', 'walk']),
      cache: Type.Optional(
        Type.Object({
          hits: Type.Integer({ minimum: 0 }),
          misses: Type.Integer({ minimum: 0 }),
          /** Check and section results taken from the last audit of the same tree (no file changed). */
          reused: Type.Optional(Type.Integer({ minimum: 0 })),
        }),
      ),
    }),
  },
  { $id: 'https://liveready.dev/schemas/report.schema.json', title: 'liveready JSON report (schemaVersion 1)' },
);

export type ReportFromSchema = Static<typeof ReportSchema>;
