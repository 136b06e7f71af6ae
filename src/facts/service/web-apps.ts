import { isNonProductionPath } from '../path-roles.js';
import type { Project } from '../project.js';
import { type ServiceComponent, serviceComponents } from './components.js';
import { isHealthPath } from './health-paths.js';
import { PACKAGE_LAYERS } from './layers.js';
import { moduleMap } from './module-map.js';
import { type RouteRow, routeTable } from './route-table.js';

/** Frameworks that serve an API or a backend (Next.js pages are served by `next start` and probed at `/`). */
const BACKEND_FRAMEWORKS = new Set(['FastAPI', 'Starlette', 'Flask', 'Quart', 'aiohttp', 'http.server', 'Django', 'Express', 'Fastify', 'Koa', 'Hono', 'NestJS', 'node:http']);

/** The backend web apps the project creates (framework objects and Django projects), outside tests and examples. */
export function backendApps(project: Project): ServiceComponent[] {
  return project.derive('service-backend-apps', () => serviceComponents(project).filter((component) => (component.kind === 'app' || component.kind === 'server') && BACKEND_FRAMEWORKS.has(component.framework) && !component.startedBy));
}

/** Routes of backend frameworks (Next.js routes left out). */
export function backendRoutes(project: Project): RouteRow[] {
  return routeTable(project).filter((route) => route.framework !== 'Next.js');
}

/** Health endpoints: health-like routes, and health-like prefixes served by middleware or a mounted app (`app.use('/healthz', healthcheck())`, `path('health/', include('health_check.urls'))`). */
export function healthEndpoints(project: Project): Array<{ path: string; file: string; line: number; route?: RouteRow }> {
  return project.derive('service-health-endpoints', () => {
    const found: Array<{ path: string; file: string; line: number; route?: RouteRow }> = routeTable(project)
      .filter((route) => isHealthPath(route.path))
      .map((route) => ({ path: route.path, file: route.file, line: route.line, route }));
    for (const facts of project.allFacts()) {
      if (isNonProductionPath(facts.path)) continue;
      for (const mount of facts.source?.service?.mounts ?? []) {
        if (mount.prefix && isHealthPath(mount.prefix) && (mount.isOpaque || mount.via === 'include')) found.push({ path: mount.prefix.startsWith('/') ? mount.prefix : `/${mount.prefix}`, file: facts.path, line: mount.line });
      }
    }
    return found;
  });
}

/**
 * Modules the running service depends on beyond itself: core modules in the data or memory-store
 * layer (a database, Redis, a cache). Empty when the service is self-contained.
 */
export function dependencyModules(project: Project): Array<{ path: string; layer: 'data' | 'memory'; reason: string }> {
  return project.derive('service-dependency-modules', () =>
    moduleMap(project)
      .modules.filter((module) => module.isCore && (module.layers.includes('data') || module.layers.includes('memory')))
      .map((module) => {
        const layer = module.layers.find((candidate) => candidate === 'data' || candidate === 'memory') as 'data' | 'memory';
        const reason = module.reasons.find((candidate) => (candidate.startsWith('imports ') && (PACKAGE_LAYERS.data.test(candidate.slice(8)) || PACKAGE_LAYERS.memory.test(candidate.slice(8)))) || candidate.startsWith('creates a database')) ?? `${layer} layer`;
        return { path: module.path, layer, reason };
      }),
  );
}
