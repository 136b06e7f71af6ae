import { type Static, type TSchema, Type } from '@sinclair/typebox';

/**
 * `report.sections.simulation` and `report.sections.watch`: what the deployment simulation
 * measured and what changed on disk while the app ran. Part of the JSON report contract (extend,
 * never rename). Every text the app produced is redacted before it gets here.
 */

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const Loc = Type.Object({ file: Type.String(), line: Type.Integer({ minimum: 1 }), column: Type.Optional(Type.Integer({ minimum: 1 })) });
const Ms = Type.Number({ minimum: 0, description: 'Milliseconds since the simulation started' });

export const SimulationSectionSchema = Type.Object(
  {
    healthy: Type.Boolean({ description: 'Started, ready, probes passed, stopped cleanly' }),
    plan: Type.Optional(
      Type.Object({
        command: Type.String(),
        cwd: Type.String(),
        source: Type.String(),
        location: Type.Optional(Loc),
        role: Type.String(),
        mode: Type.Union([Type.Literal('web'), Type.Literal('worker')]),
      }),
    ),
    port: Type.Optional(Type.Integer()),
    install: Type.Optional(
      Type.Object({
        command: Type.String(),
        source: Type.String(),
        status: Type.Union([Type.Literal('ok'), Type.Literal('failed'), Type.Literal('timeout')]),
        exitCode: Type.Optional(Nullable(Type.Integer())),
        durationMs: Type.Number({ minimum: 0 }),
        tail: Type.Array(Type.String(), { description: "The installer's last lines, redacted" }),
      }),
    ),
    timeline: Type.Array(Type.Object({ step: Type.String(), timeMs: Ms, attempt: Type.Optional(Type.Integer({ minimum: 0 })), detail: Type.String() })),
    attempts: Type.Array(
      Type.Object({
        index: Type.Integer({ minimum: 0 }),
        pid: Type.Optional(Type.Integer()),
        startMs: Ms,
        endMs: Type.Optional(Ms),
        readyMs: Type.Optional(Ms),
        exitedOnItsOwn: Type.Boolean(),
        exitCode: Type.Optional(Nullable(Type.Integer())),
        signal: Type.Optional(Nullable(Type.String())),
        listeningPorts: Type.Array(Type.Integer()),
        portAddresses: Type.Optional(Type.Array(Type.String(), { description: 'Sockets on PORT as address:port' })),
        result: Type.String(),
      }),
    ),
    restartsAllowed: Type.Integer({ minimum: 0 }),
    probes: Type.Array(
      Type.Object({
        kind: Type.Union([Type.Literal('health'), Type.Literal('smoke')]),
        method: Type.String(),
        path: Type.String(),
        source: Type.String(),
        status: Type.Optional(Type.Integer()),
        latencyMs: Type.Number({ minimum: 0 }),
        bodyExcerpt: Type.Optional(Type.String()),
        error: Type.Optional(Type.String()),
        expectStatus: Type.Optional(Type.Integer()),
        judgement: Type.Union([Type.Literal('ok'), Type.Literal('failed'), Type.Literal('absent')]),
        timeMs: Ms,
      }),
    ),
    shutdown: Type.Optional(
      Type.Object({
        graceMs: Type.Number({ minimum: 0 }),
        sigtermMs: Ms,
        exitMs: Type.Optional(Ms),
        durationMs: Type.Optional(Type.Number({ minimum: 0 })),
        exitCode: Type.Optional(Nullable(Type.Integer())),
        signal: Type.Optional(Nullable(Type.String())),
        killed: Type.Boolean({ description: 'The grace period ran out: SIGKILL' }),
      }),
    ),
    classification: Type.Optional(
      Type.Object({
        kind: Type.String({ description: 'missing-env, missing-module, syntax-error, port-in-use, permission-denied, database-refused, out-of-memory, ...' }),
        summary: Type.String(),
        line: Type.Optional(Type.String()),
        variable: Type.Optional(Type.String()),
        module: Type.Optional(Type.String()),
        location: Type.Optional(Loc),
        predictedBy: Type.Optional(Type.Object({ checkId: Type.String(), location: Loc, fingerprint: Type.String() })),
        attempt: Type.Integer({ minimum: 0 }),
      }),
    ),
    environment: Type.Object({
      passed: Type.Array(Type.String()),
      placeholders: Type.Array(Type.String()),
      missing: Type.Array(Type.String()),
    }, { description: 'Variable names only, never values' }),
    limits: Type.Object({ readyTimeoutMs: Type.Number(), aliveMs: Type.Number(), graceMs: Type.Number(), installTimeoutMs: Type.Number() }),
    outputLines: Type.Integer({ minimum: 0, description: 'Lines captured (the logs stage reads them)' }),
    droppedLines: Type.Integer({ minimum: 0 }),
    outputTail: Type.Array(Type.Object({ process: Type.String(), stream: Type.String(), timeMs: Ms, text: Type.String() }), { description: 'The last lines the app wrote, redacted' }),
  },
  { description: 'What the deployment simulation measured (the simulate stage)' },
);

export const WatchSectionSchema = Type.Object(
  {
    watched: Type.String(),
    filesBefore: Type.Integer({ minimum: 0 }),
    filesAfter: Type.Integer({ minimum: 0 }),
    liveEvents: Type.Integer({ minimum: 0 }),
    truncated: Type.Optional(Type.String()),
    changes: Type.Array(
      Type.Object({
        path: Type.String(),
        change: Type.Union([Type.Literal('created'), Type.Literal('modified'), Type.Literal('deleted')]),
        isConfig: Type.Boolean(),
        timeMs: Type.Optional(Ms),
        linesAdded: Type.Optional(Type.Integer({ minimum: 0 })),
        linesRemoved: Type.Optional(Type.Integer({ minimum: 0 })),
        excerpt: Type.Optional(Type.Array(Type.String())),
        writer: Type.Optional(Loc),
      }),
    ),
    changesOmitted: Type.Integer({ minimum: 0 }),
  },
  { description: 'Files created, modified and deleted in the sandbox while the app ran (the watch stage)' },
);

export type SimulationSection = Static<typeof SimulationSectionSchema>;
export type WatchSection = Static<typeof WatchSectionSchema>;
