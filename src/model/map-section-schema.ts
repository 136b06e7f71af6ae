import { type Static, type TSchema, Type } from '@sinclair/typebox';

/**
 * `report.sections.moduleMap` and `report.sections.routes` (map stage, issue 5). The module map is
 * also a library fact (`moduleMap(project)`): the goals stage reads modules by `path`.
 */

function stringEnum<T extends string>(values: readonly T[]): TSchema & { static: T } {
  return Type.Unsafe<T>({ type: 'string', enum: [...values] });
}

const LAYER_VALUES = ['ui', 'logic', 'data', 'routing', 'auth', 'automation', 'memory'] as const;
const Layer = stringEnum(LAYER_VALUES);

export const MapModuleSchema = Type.Object({
  path: Type.String({ description: 'Repo-relative path: the module id' }),
  language: stringEnum(['python', 'javascript', 'typescript'] as const),
  layer: Layer,
  layers: Type.Array(Layer, { description: 'Every layer it shows signs of, strongest first' }),
  reasons: Type.Array(Type.String()),
  isEntrypoint: Type.Boolean(),
  isLoadedAtStart: Type.Boolean(),
  isCore: Type.Boolean({ description: 'Entrypoints, what they load at start, modules declaring routes, apps, workers or pages' }),
  isOrphan: Type.Boolean(),
  isClientSide: Type.Boolean(),
  frameworks: Type.Array(Type.String()),
  routes: Type.Integer({ minimum: 0 }),
});

export const ServiceComponentSchema = Type.Object({
  kind: stringEnum(['app', 'worker', 'queue', 'scheduler', 'server'] as const),
  framework: Type.String(),
  name: Type.String(),
  file: Type.String(),
  line: Type.Integer({ minimum: 1 }),
  startedBy: Type.Optional(Type.String()),
});

export const ModuleMapSectionSchema = Type.Object(
  {
    version: Type.Literal(1),
    modules: Type.Array(MapModuleSchema),
    edges: Type.Array(Type.Object({ from: Type.String(), to: Type.String(), kind: stringEnum(['load', 'lazy', 'type'] as const) })),
    entrypoints: Type.Array(Type.String()),
    cycles: Type.Array(Type.Array(Type.String())),
    violations: Type.Array(
      Type.Object({
        from: Type.String(),
        to: Type.String(),
        fromLayer: Layer,
        toLayer: Layer,
        line: Type.Integer({ minimum: 1 }),
        column: Type.Integer({ minimum: 1 }),
        module: Type.String(),
        isPackage: Type.Boolean(),
      }),
    ),
    orphans: Type.Array(Type.String()),
    components: Type.Array(ServiceComponentSchema),
    layerCounts: Type.Record(Type.String(), Type.Integer({ minimum: 0 })),
    truncated: Type.Optional(Type.Boolean({ description: 'Modules or edges were cut to keep the report bounded' })),
  },
  { description: 'The module map: code modules by layer, imports between them, entrypoints, cycles, layer violations, orphans, components' },
);

export const RouteRowSchema = Type.Object({
  method: Type.String(),
  path: Type.String(),
  handler: Type.String(),
  framework: Type.String(),
  file: Type.String(),
  line: Type.Integer({ minimum: 1 }),
  kind: stringEnum(['endpoint', 'page'] as const),
  owner: Type.String(),
  handlerIndex: Type.Optional(Type.Integer({ minimum: 0 })),
});

export const RoutesSectionSchema = Type.Object(
  {
    count: Type.Integer({ minimum: 0 }),
    routes: Type.Array(RouteRowSchema),
    truncated: Type.Optional(Type.Boolean()),
  },
  { description: 'The route table: method, full path, handler, framework, file:line' },
);

export type ModuleMapSection = Static<typeof ModuleMapSectionSchema>;
export type RoutesSection = Static<typeof RoutesSectionSchema>;
