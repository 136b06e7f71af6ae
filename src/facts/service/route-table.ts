import type { RouteFact } from '../code-types.js';
import { isNonProductionPath } from '../path-roles.js';
import type { Project } from '../project.js';
import type { FileFacts } from '../types.js';
import { nextRoutes } from './next-routes.js';
import { mountsOfProject, prefixesOf } from './route-prefixes.js';

/** One row of the route table: what the app answers, where it is declared. */
export interface RouteRow {
  /** GET, POST..., `GET|POST` for several, ANY for every method. */
  method: string;
  /** The full path, router prefixes and mounts applied; `*` for a handler that takes every path. */
  path: string;
  /** The handler as written (`read_item`, `views.index`, `UsersController.findOne`); '' for an inline function. */
  handler: string;
  /** FastAPI, Flask, Django, Express, Next.js...; '' when the file does not say. */
  framework: string;
  file: string;
  line: number;
  /** endpoint: an API route; page: a server-rendered page (Next.js). */
  kind: 'endpoint' | 'page';
  /** The object the route is registered on (`app`, `router`), or the Next.js route file convention. */
  owner: string;
  /** Index in the file's `functions` of the handler, when it is defined there. */
  handlerIndex?: number;
}

const FRAMEWORK_OF_IMPORT: Array<[RegExp, string]> = [
  [/^fastapi(?:\.|$)/, 'FastAPI'],
  [/^starlette(?:\.|$)/, 'Starlette'],
  [/^flask(?:\.|$)/, 'Flask'],
  [/^quart(?:\.|$)/, 'Quart'],
  [/^aiohttp(?:\.|$)/, 'aiohttp'],
  [/^express$/, 'Express'],
  [/^fastify$/, 'Fastify'],
  [/^(?:@koa\/router|koa-router|koa)$/, 'Koa'],
  [/^hono(?:\/|$)/, 'Hono'],
];

/** Every route the project declares (tests, docs and examples left out), in file and line order. Computed once. */
export function routeTable(project: Project): RouteRow[] {
  return project.derive('service-route-table', () => {
    const mounts = mountsOfProject(project);
    const rows: RouteRow[] = [];
    for (const facts of project.allFacts()) {
      if (isNonProductionPath(facts.path)) continue;
      for (const { route, framework } of declaredRoutes(facts)) {
        for (const served of prefixesOf(project, mounts, facts.path, route.owner, framework)) {
          rows.push({ method: route.method, path: joinRoutePath(served.prefix, route.path, facts.kind === 'python'), handler: route.handler, framework: served.framework, file: facts.path, line: route.line, kind: 'endpoint', owner: route.owner, ...(route.handlerIndex !== undefined ? { handlerIndex: route.handlerIndex } : {}) });
        }
      }
    }
    rows.push(...nextRoutes(project));
    return rows.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
  });
}

/** The routes one file declares (code facts and service facts), each with its framework. */
export function declaredRoutes(facts: FileFacts): Array<{ route: RouteFact; framework: string }> {
  const code = facts.source?.code;
  const service = facts.source?.service;
  if (!code) return [];
  const found: Array<{ route: RouteFact; framework: string }> = [];
  if (code.routes.length > 0) {
    const objects = new Map((service?.objects ?? []).map((object) => [object.name, object.framework]));
    let fileFramework: string | undefined;
    for (const route of code.routes) {
      // The file's framework (from its imports) only for routes on an object the file does not create.
      const framework = objects.get(route.owner) ?? (fileFramework ??= FRAMEWORK_OF_IMPORT.find(([pattern]) => code.imports.some((entry) => pattern.test(entry.module)))?.[1] ?? '');
      found.push({ route, framework });
    }
  }
  for (const route of service?.routes ?? []) found.push({ route, framework: route.framework });
  return found;
}

/** `/api` + `/items/{id}` -> `/api/items/{id}`; Django's `blog/` + `/posts/` -> `/blog/posts/`. */
export function joinRoutePath(prefix: string, path: string, keepTrailingSlash: boolean): string {
  if (!prefix) return path === '' ? '/' : path;
  if (path === '*') return `${trimSlashes(prefix) ? `/${trimSlashes(prefix)}` : ''}/*`;
  const parts = [prefix, path].map(trimSlashes).filter(Boolean);
  const trailing = (path === '' || path.endsWith('/')) && (keepTrailingSlash || path !== '/') ? '/' : '';
  const joined = `/${parts.join('/')}`;
  return joined === '/' ? '/' : `${joined}${trailing && !joined.endsWith('/') ? trailing : ''}`;
}

function trimSlashes(value: string): string {
  return value.replace(/^\/+|\/+$/g, '');
}
