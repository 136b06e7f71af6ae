import { type Static, Type } from '@sinclair/typebox';

const SeverityName = Type.Union([Type.Literal('critical'), Type.Literal('moderate'), Type.Literal('low'), Type.Literal('info')]);
const CheckId = Type.String({ pattern: '^[a-z0-9-]+/[a-z0-9-]+$', description: 'A check id such as env/no-committed-dotenv' });

const CheckSetting = Type.Union([
  Type.Literal('off'),
  SeverityName,
  Type.Object(
    {
      enabled: Type.Optional(Type.Boolean()),
      severity: Type.Optional(SeverityName),
      options: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
    },
    { additionalProperties: false },
  ),
]);

const IgnoreEntry = Type.Object(
  {
    check: Type.Union([CheckId, Type.Literal('*')], { description: 'Check id to silence, or * for every check' }),
    paths: Type.Optional(Type.Array(Type.String({ minLength: 1 }), { description: 'Globs of repo-relative paths; all paths when absent' })),
    fingerprint: Type.Optional(Type.String({ minLength: 4, description: 'Silence one finding only' })),
    reason: Type.String({ minLength: 3, description: 'Why this is acceptable (shown in reports)' }),
    expires: Type.Optional(Type.String({ format: 'date', description: 'YYYY-MM-DD; after it the ignore stops working and is reported' })),
  },
  { additionalProperties: false },
);

const SmokeRequest = Type.Object(
  {
    method: Type.Optional(Type.String({ pattern: '^[A-Za-z]+$' })),
    path: Type.String({ pattern: '^/' }),
    body: Type.Optional(Type.Unknown()),
    headers: Type.Optional(Type.Record(Type.String(), Type.String())),
    expectStatus: Type.Optional(Type.Integer({ minimum: 100, maximum: 599 })),
  },
  { additionalProperties: false },
);

const Simulate = Type.Object(
  {
    install: Type.Optional(Type.Union([Type.String(), Type.Literal(false)], { description: 'Install command, or false to use what the machine has' })),
    start: Type.Optional(Type.String({ minLength: 1, description: 'Start command (overrides detection)' })),
    cwd: Type.Optional(Type.String({ description: 'Directory to run in, relative to the root' })),
    env: Type.Optional(Type.Record(Type.String({ pattern: '^[A-Za-z_][A-Za-z0-9_]*$' }), Type.String())),
    port: Type.Optional(Type.Integer({ minimum: 0, maximum: 65535, description: 'Port to give the app; 0 picks a free one' })),
    healthPaths: Type.Optional(Type.Array(Type.String({ pattern: '^/' }))),
    smoke: Type.Optional(Type.Array(SmokeRequest)),
    worker: Type.Optional(Type.Boolean({ description: 'The app has no port: judge it by staying alive' })),
    installTimeoutSeconds: Type.Optional(Type.Number({ exclusiveMinimum: 0 })),
    readyTimeoutSeconds: Type.Optional(Type.Number({ exclusiveMinimum: 0 })),
    aliveSeconds: Type.Optional(Type.Number({ minimum: 0 })),
    graceSeconds: Type.Optional(Type.Number({ exclusiveMinimum: 0 })),
    restarts: Type.Optional(Type.Integer({ minimum: 0, maximum: 10 })),
  },
  { additionalProperties: false },
);

const Logs = Type.Object(
  {
    paths: Type.Optional(Type.Array(Type.String({ minLength: 1 }))),
    failureThreshold: Type.Optional(Type.Integer({ minimum: 0, description: 'A module with more failures than this is critical (default 2)' })),
    windowHours: Type.Optional(Type.Number({ exclusiveMinimum: 0 })),
    recentRuns: Type.Optional(Type.Integer({ minimum: 1, description: 'For logs without timestamps: the last N runs (delimited by startup lines) are recent (default 5)' })),
  },
  { additionalProperties: false },
);

// schema stage: dependency advisories (OSV)
const Vulnerabilities = Type.Object(
  {
    database: Type.Optional(Type.String({ minLength: 1, description: "A local OSV database: a directory of OSV JSON records or a .zip of them (osv.dev's <ecosystem>/all.zip), relative to the root" })),
    api: Type.Optional(Type.Union([Type.Boolean(), Type.String({ pattern: '^https?://' })], { description: 'Query the OSV API (default true, https://api.osv.dev), or its base URL; false: never' })),
  },
  { additionalProperties: false },
);

export const ConfigSchema = Type.Object(
  {
    $schema: Type.Optional(Type.String()),
    failOn: Type.Optional(SeverityName),
    maxFileSize: Type.Optional(
      Type.Union([Type.Integer({ minimum: 1024 }), Type.String({ pattern: '^\\s*\\d+(\\.\\d+)?\\s*(B|KB|MB|GB)\\s*$' })], {
        description: 'Largest file read, in bytes or with a unit (2MB)',
      }),
    ),
    ignorePaths: Type.Optional(Type.Array(Type.String({ minLength: 1 }), { description: 'Globs of paths never audited' })),
    checks: Type.Optional(Type.Record(CheckId, CheckSetting)),
    ignore: Type.Optional(Type.Array(IgnoreEntry)),
    simulate: Type.Optional(Simulate),
    logs: Type.Optional(Logs),
    goals: Type.Optional(Type.Object({ path: Type.Optional(Type.String({ minLength: 1 })) }, { additionalProperties: false })),
    vulnerabilities: Type.Optional(Vulnerabilities),
  },
  { additionalProperties: false, $id: 'https://liveready.dev/schemas/config.schema.json', title: 'liveready configuration (.liveready.yaml)' },
);

export type LivereadyConfig = Static<typeof ConfigSchema>;
export type IgnoreEntryConfig = Static<typeof IgnoreEntry>;
export type SimulateConfig = Static<typeof Simulate>;
export type VulnerabilitiesConfig = Static<typeof Vulnerabilities>;
