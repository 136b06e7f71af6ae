import { posix } from 'node:path';
import { isNonProductionPath } from '../path-roles.js';
import type { Project } from '../project.js';
import type { RouteRow } from './route-table.js';

const HTTP_METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);
const SCRIPT = /\.(?:[cm]?[jt]sx?)$/;

/** Directories of Next.js apps: where a package.json depends on `next` (outside tests and examples). */
export function nextAppRoots(project: Project): string[] {
  return project.derive('service-next-roots', () =>
    project
      .manifests('package-json')
      .filter(({ file, manifest }) => !isNonProductionPath(file.path) && (manifest.dependencies ?? []).some((dependency) => dependency.name === 'next'))
      .map(({ file }) => (posix.dirname(file.path) === '.' ? '' : `${posix.dirname(file.path)}/`)),
  );
}

/**
 * The routes a Next.js app serves by file convention: the app router's `page.tsx` (a page) and
 * `route.ts` (one row per exported method), and the pages router's `pages/**` (pages) and
 * `pages/api/**` (endpoints). Route groups `(x)` and slots `@x` leave the URL; `_private` folders are not routes.
 */
export function nextRoutes(project: Project): RouteRow[] {
  const rows: RouteRow[] = [];
  for (const root of nextAppRoots(project)) {
    for (const facts of project.allFacts()) {
      if (!facts.path.startsWith(root) || !SCRIPT.test(facts.path)) continue;
      const inner = facts.path.slice(root.length).replace(/^src\//, '');
      if (inner.startsWith('app/')) rows.push(...appRouterRows(project, facts.path, inner.slice(4)));
      else if (inner.startsWith('pages/')) rows.push(...pagesRouterRows(facts.path, inner.slice(6)));
    }
  }
  return rows;
}

function appRouterRows(project: Project, file: string, inner: string): RouteRow[] {
  const name = posix.basename(inner).replace(SCRIPT, '');
  if (name !== 'page' && name !== 'route') return [];
  const segments = posix.dirname(inner).split('/').filter((segment) => segment !== '.' && segment !== '');
  if (segments.some((segment) => segment.startsWith('_'))) return [];
  const path = `/${segments.filter((segment) => !/^\(.*\)$/.test(segment) && !segment.startsWith('@')).join('/')}`;
  const base = { path, framework: 'Next.js', file, owner: `app router ${name}` };
  if (name === 'page') return [{ ...base, method: 'GET', handler: 'default', line: 1, kind: 'page' }];
  const functions = project.facts(file)?.source?.code?.functions ?? [];
  const methods = functions.map((fact, index) => ({ fact, index })).filter(({ fact }) => HTTP_METHODS.has(fact.name) && !fact.className);
  if (methods.length === 0) return [{ ...base, method: 'ANY', handler: '', line: 1, kind: 'endpoint' }];
  return methods.map(({ fact, index }) => ({ ...base, method: fact.name, handler: fact.name, line: fact.line, kind: 'endpoint' as const, handlerIndex: index }));
}

function pagesRouterRows(file: string, inner: string): RouteRow[] {
  const withoutExtension = inner.replace(SCRIPT, '');
  const segments = withoutExtension.split('/');
  if (segments.some((segment) => segment.startsWith('_'))) return [];
  if (segments.at(-1) === 'index') segments.pop();
  const path = `/${segments.join('/')}`;
  const isApi = segments[0] === 'api';
  return [{ method: isApi ? 'ANY' : 'GET', path, handler: 'default', framework: 'Next.js', file, line: 1, kind: isApi ? 'endpoint' : 'page', owner: isApi ? 'pages router api' : 'pages router page' }];
}
