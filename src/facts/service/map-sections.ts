import type { ModuleMapSection, RoutesSection } from '../../model/map-section-schema.js';
import type { Project } from '../project.js';
import { moduleMap } from './module-map.js';
import { routeTable } from './route-table.js';

/** Bounds that keep a 50,000-file repository's report readable; the library fact keeps everything. */
const MAX_MODULES = 5000;
const MAX_EDGES = 20000;
const MAX_ROUTES = 5000;

/** `report.sections.moduleMap`; absent when the project has no code modules. */
export function moduleMapSection(project: Project): ModuleMapSection | undefined {
  const map = moduleMap(project);
  if (map.modules.length === 0) return undefined;
  const isTruncated = map.modules.length > MAX_MODULES || map.edges.length > MAX_EDGES;
  return { ...map, modules: map.modules.slice(0, MAX_MODULES), edges: map.edges.slice(0, MAX_EDGES), ...(isTruncated ? { truncated: true } : {}) };
}

/** `report.sections.routes`; absent when no route is declared. */
export function routesSection(project: Project): RoutesSection | undefined {
  const routes = routeTable(project);
  if (routes.length === 0) return undefined;
  return { count: routes.length, routes: routes.slice(0, MAX_ROUTES), ...(routes.length > MAX_ROUTES ? { truncated: true } : {}) };
}
