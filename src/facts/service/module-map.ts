import { posix } from 'node:path';
import { isStaticAsset } from '../browser-code.js';
import { stronglyConnected } from '../module-graph/cycles.js';
import { moduleGraph } from '../module-graph/module-graph.js';
import { isNonProductionPath } from '../path-roles.js';
import type { Project } from '../project.js';
import type { FileFacts } from '../types.js';
import { type ServiceComponent, serviceComponents } from './components.js';
import { type Layer, LAYERS, classifyModule } from './layers.js';
import { isClientSide, layerViolations, type LayerViolation } from './layer-violations.js';
import { isConventionalModule } from './module-conventions.js';
import { routeTable } from './route-table.js';

/**
 * The module map: the project's code modules, each in a layer, the import edges between them,
 * the entrypoints, cycles, layer violations, orphans and runnable components. This is the shape the
 * report's `sections.moduleMap` carries and the goals stage reads; it is extended, never renamed
 * (`version` changes only for a breaking change). Paths are repo-relative POSIX paths.
 */
export interface ModuleMap {
  version: 1;
  /** Every production code module (tests, docs, examples and vendored assets left out), in path order. */
  modules: MapModule[];
  /** Imports between modules of `modules`, deduplicated, in path order. */
  edges: MapEdge[];
  /** Files the start commands run (or the conventional entry files). */
  entrypoints: string[];
  /** Sets of modules that import each other at load time (each sorted). */
  cycles: string[][];
  violations: LayerViolation[];
  /** Modules nothing imports, that are not entrypoints and not loaded by a framework convention. */
  orphans: string[];
  components: ServiceComponent[];
  /** How many modules each layer holds. */
  layerCounts: Record<Layer, number>;
}

export interface MapModule {
  /** Repo-relative path: the module's id everywhere (edges, goals). */
  path: string;
  language: 'python' | 'javascript' | 'typescript';
  /** The layer it is drawn in. */
  layer: Layer;
  /** Every layer it shows signs of, strongest first. */
  layers: Layer[];
  /** Why it is in its layers. */
  reasons: string[];
  isEntrypoint: boolean;
  /** Loaded when the entrypoints start (imported unconditionally from them, transitively). */
  isLoadedAtStart: boolean;
  /** What the service is made of: entrypoints, what they load at start, and modules that declare routes, apps, workers or pages. */
  isCore: boolean;
  isOrphan: boolean;
  /** Runs in a browser (`'use client'`, browser globals, a front-end-only package). */
  isClientSide: boolean;
  /** Frameworks of the routes and objects it declares. */
  frameworks: string[];
  /** Routes (and pages) it declares. */
  routes: number;
}

export interface MapEdge {
  from: string;
  to: string;
  /** load: imported unconditionally when `from` loads; lazy: inside a function/if, or dynamic; type: type-only. */
  kind: 'load' | 'lazy' | 'type';
}

/** The module map of a project. Computed once per audit; cheap after the module graph. */
export function moduleMap(project: Project): ModuleMap {
  return project.derive('service-module-map', () => {
    const graph = moduleGraph(project);
    const routes = routeTable(project);
    const components = serviceComponents(project);
    const routeCount = countBy(routes.map((route) => route.file));
    const pages = new Set(routes.filter((route) => route.kind === 'page').map((route) => route.file));
    const frameworks = frameworksByFile(routes, components);
    const files = project.allFacts().filter(isMappedModule);
    const paths = new Set(files.map((facts) => facts.path));
    const modules = files.map((facts): MapModule => {
      const clientSide = isClientSide(project, facts);
      const judgement = classifyModule(facts, { routes: routeCount.get(facts.path) ?? 0, isPage: pages.has(facts.path), isClientSide: clientSide });
      const isEntrypoint = graph.entrypoints.includes(facts.path);
      const isLoadedAtStart = graph.loadedAtStart.has(facts.path);
      const declares = (routeCount.get(facts.path) ?? 0) > 0 || frameworks.has(facts.path);
      const isImported = (graph.importedBy.get(facts.path) ?? []).some((importer) => importer !== facts.path);
      return {
        path: facts.path,
        language: facts.kind === 'python' ? 'python' : facts.kind === 'typescript' ? 'typescript' : 'javascript',
        ...judgement,
        isEntrypoint,
        isLoadedAtStart,
        isCore: isEntrypoint || isLoadedAtStart || declares,
        isOrphan: !isImported && !isEntrypoint && !declares && !isConventionalModule(facts),
        isClientSide: clientSide,
        frameworks: [...(frameworks.get(facts.path) ?? [])].sort(),
        routes: routeCount.get(facts.path) ?? 0,
      };
    });
    const edges = mapEdges(graph.imports, paths);
    const loads = new Map<string, string[]>();
    for (const edge of edges) if (edge.kind === 'load') loads.set(edge.from, [...(loads.get(edge.from) ?? []), edge.to]);
    const layerCounts = Object.fromEntries(LAYERS.map((layer) => [layer, modules.filter((module) => module.layer === layer).length])) as Record<Layer, number>;
    return {
      version: 1,
      modules,
      edges,
      entrypoints: graph.entrypoints.filter((entry) => paths.has(entry)),
      cycles: stronglyConnected(loads),
      violations: layerViolations(project, modules, graph.imports),
      orphans: modules.filter((module) => module.isOrphan).map((module) => module.path),
      components,
      layerCounts,
    };
  });
}

function isMappedModule(facts: FileFacts): boolean {
  if (facts.kind !== 'python' && facts.kind !== 'javascript' && facts.kind !== 'typescript') return false;
  if (!facts.source?.code || isNonProductionPath(facts.path) || isStaticAsset(facts.path)) return false;
  return !/\.d\.[mc]?ts$/.test(facts.path) && !/(?:^|\/)(?:node_modules|dist|build|\.next)\//.test(facts.path);
}

function mapEdges(imports: ReturnType<typeof moduleGraph>['imports'], paths: ReadonlySet<string>): MapEdge[] {
  const byPair = new Map<string, MapEdge>();
  const rank = { load: 0, lazy: 1, type: 2 } as const;
  for (const entry of imports) {
    if (entry.resolution.status !== 'project' || !paths.has(entry.file)) continue;
    const kind: MapEdge['kind'] = entry.isTypeOnly ? 'type' : entry.fact.isConditional || entry.fact.isOptional || entry.fact.kind === 'dynamic' ? 'lazy' : 'load';
    for (const target of entry.resolution.targets) {
      if (target === entry.file || !paths.has(target)) continue;
      const key = `${entry.file}\u0000${target}`;
      const existing = byPair.get(key);
      if (!existing || rank[kind] < rank[existing.kind]) byPair.set(key, { from: entry.file, to: target, kind });
    }
  }
  return [...byPair.values()].sort((a, b) => (a.from === b.from ? (a.to < b.to ? -1 : 1) : a.from < b.from ? -1 : 1));
}

function frameworksByFile(routes: ReturnType<typeof routeTable>, components: readonly ServiceComponent[]): Map<string, Set<string>> {
  const byFile = new Map<string, Set<string>>();
  const add = (file: string, framework: string): void => {
    if (!framework) return;
    const set = byFile.get(file) ?? new Set<string>();
    set.add(framework);
    byFile.set(file, set);
  };
  for (const route of routes) add(route.file, route.framework);
  for (const component of components) if (component.kind !== 'server' && posix.extname(component.file) !== '.json' && component.framework !== 'Django') add(component.file, component.framework);
  return byFile;
}

function countBy(values: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}
