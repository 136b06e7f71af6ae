import { type Static, Type } from '@sinclair/typebox';

/**
 * `report.sections.logs`: what the logs stage read and the error groups it found, for reporters and
 * other tools. Part of the JSON contract: extend, never rename.
 */

const ModuleVia = Type.Unsafe<'frame' | 'logger' | 'process' | 'route' | 'log-file'>({
  type: 'string',
  enum: ['frame', 'logger', 'process', 'route', 'log-file'],
  description: 'How errors were attributed: deepest project frame, logger name, process, HTTP route, or the log file',
});

const Resource = Type.Unsafe<string>({
  type: 'string',
  enum: ['out-of-memory', 'killed-by-signal', 'timeout', 'connection-refused', 'address-in-use', 'too-many-open-files', 'disk-full'],
});

const Exception = Type.Object({ type: Type.String(), message: Type.String() });

export const LogGroupSchema = Type.Object({
  fingerprint: Type.String({ description: 'sha1 of the signature, 12 hex digits' }),
  signature: Type.String({ description: 'Root exception type, normalized message and top project frame (or module)' }),
  module: Type.String(),
  via: ModuleVia,
  level: Type.String(),
  exception: Exception,
  surfacedAs: Type.Optional(Exception),
  rootCause: Type.String({ description: 'One line: the exception and the project frame that raised it' }),
  frame: Type.Optional(Type.Object({ file: Type.String(), line: Type.Integer({ minimum: 1 }), function: Type.Optional(Type.String()) })),
  resource: Type.Optional(Resource),
  count: Type.Integer({ minimum: 0 }),
  recentCount: Type.Integer({ minimum: 0, description: 'Occurrences in the recent window' }),
  firstSeen: Type.Optional(Type.String()),
  lastSeen: Type.Optional(Type.String()),
  example: Type.Object({ file: Type.String(), line: Type.Integer({ minimum: 1 }), text: Type.Array(Type.String()) }),
  staticFinding: Type.Optional(Type.Object({ checkId: Type.String(), file: Type.String(), line: Type.Integer({ minimum: 1 }), fingerprint: Type.String() })),
});

export const LogsSectionSchema = Type.Object({
  failureThreshold: Type.Integer({ minimum: 0, description: 'A module with more failures than this in the window is critical' }),
  window: Type.Object({
    hours: Type.Number(),
    recentRuns: Type.Integer({ minimum: 1 }),
    from: Type.Optional(Type.String()),
    to: Type.Optional(Type.String({ description: 'The newest timestamp of the log files' })),
    description: Type.String(),
  }),
  sources: Type.Array(
    Type.Object({
      path: Type.String(),
      kind: Type.Unsafe<'file' | 'gzip' | 'simulation'>({ type: 'string', enum: ['file', 'gzip', 'simulation'] }),
      bytes: Type.Integer({ minimum: 0 }),
      lines: Type.Integer({ minimum: 0 }),
      events: Type.Integer({ minimum: 0 }),
      garbageLines: Type.Integer({ minimum: 0 }),
      timestamped: Type.Boolean(),
      runs: Type.Integer({ minimum: 1 }),
    }),
  ),
  skipped: Type.Array(Type.Object({ path: Type.String(), reason: Type.String() })),
  modules: Type.Array(
    Type.Object({
      module: Type.String(),
      via: ModuleVia,
      failures: Type.Integer({ minimum: 0, description: 'Failures in the recent window' }),
      total: Type.Integer({ minimum: 0 }),
      overThreshold: Type.Boolean(),
      groups: Type.Array(Type.String(), { description: 'Fingerprints of its groups' }),
    }),
  ),
  groups: Type.Array(LogGroupSchema),
  omittedGroups: Type.Integer({ minimum: 0, description: 'Groups left out of this list (the least recent)' }),
  foldedGroups: Type.Integer({ minimum: 0, description: 'Distinct errors beyond the group limit, folded into "other errors" groups' }),
});

export type LogsSection = Static<typeof LogsSectionSchema>;
export type LogGroupEntry = Static<typeof LogGroupSchema>;
