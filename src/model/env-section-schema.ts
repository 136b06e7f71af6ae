import { type Static, type TSchema, Type } from '@sinclair/typebox';

/**
 * `report.sections.env` and `report.sections.startSequence` (config stage). Values of variables
 * never appear here: only names, places and, for non-secrets, literal defaults written in code.
 */

function stringEnum<T extends string>(values: readonly T[]): TSchema & { static: T } {
  return Type.Unsafe<T>({ type: 'string', enum: [...values] });
}

const Place = Type.Object({ file: Type.String(), line: Type.Integer({ minimum: 1 }) });

export const ENV_STATUSES = ['missing', 'documented', 'provided', 'optional', 'platform', 'unused'] as const;
export type EnvStatus = (typeof ENV_STATUSES)[number];

export const EnvVariableRowSchema = Type.Object({
  name: Type.String(),
  /** missing: required and nothing provides or documents it; documented: someone must set it; provided; optional (defaults); platform; unused (nothing reads it). */
  status: stringEnum<EnvStatus>(ENV_STATUSES),
  required: Type.Boolean({ description: 'A read outside tests has no default' }),
  strict: Type.Boolean({ description: 'A read fails at once when it is unset' }),
  secret: Type.Boolean(),
  platform: Type.Boolean({ description: 'Set by the hosting platform (PORT, REPL_*, RAILWAY_*...)' }),
  readCount: Type.Integer({ minimum: 0, description: 'Every place the code reads it; readAt lists the first 20' }),
  readAt: Type.Array(Type.Object({ file: Type.String(), line: Type.Integer({ minimum: 1 }), via: Type.String(), default: Type.Optional(Type.String({ description: 'Literal default (never for secrets)' })) })),
  providedBy: Type.Array(Type.Object({ file: Type.String(), line: Type.Integer({ minimum: 1 }), source: Type.String(), forwarded: Type.Optional(Type.Boolean()) })),
  documentedIn: Type.Array(Place),
});

export const EnvSectionSchema = Type.Object(
  {
    variables: Type.Array(EnvVariableRowSchema),
    exampleFiles: Type.Array(Type.String()),
  },
  { description: 'The environment contract: every variable read, provided or documented' },
);

export const StartSequenceSectionSchema = Type.Object(
  {
    command: Type.String(),
    cwd: Type.String({ description: "Repo-relative directory ('' = root)" }),
    source: Type.String({ description: 'Where the command comes from (Procfile web, Dockerfile CMD...)' }),
    location: Type.Optional(Place),
    entry: Type.Optional(Type.Object({ kind: Type.String(), value: Type.String(), file: Type.Optional(Type.String()) })),
    server: Type.Optional(Type.String()),
    host: Type.Optional(Type.String()),
    port: Type.Optional(Type.Integer({ minimum: 1, maximum: 65535 })),
    portEnv: Type.Optional(Type.String()),
    bindAt: Type.Optional(Place),
    isInContainer: Type.Boolean(),
    alternatives: Type.Array(Type.Object({ source: Type.String(), command: Type.String(), file: Type.String(), line: Type.Integer({ minimum: 1 }) })),
  },
  { description: 'How the platform starts the web process: command -> entry file -> server -> port' },
);

export type EnvSection = Static<typeof EnvSectionSchema>;
export type EnvVariableRow = Static<typeof EnvVariableRowSchema>;
export type StartSequenceSection = Static<typeof StartSequenceSectionSchema>;
