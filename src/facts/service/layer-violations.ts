import { posix } from 'node:path';
import type { ModuleImport } from '../module-graph/module-graph.js';
import type { Project } from '../project.js';
import type { FileFacts } from '../types.js';
import { type Layer, PACKAGE_LAYERS, hasDataEvidence, packageName } from './layers.js';

/** A module of one layer reaching into a layer it must not (client-side UI importing the data layer). */
export interface LayerViolation {
  from: string;
  /** The project module, or the package, it reaches. */
  to: string;
  fromLayer: Layer;
  toLayer: Layer;
  /** Where the import is written in `from`. */
  line: number;
  column: number;
  /** The import as written (`../db/client`, `@prisma/client`). */
  module: string;
  /** `to` is an installed package (a database driver), not a project module. */
  isPackage: boolean;
}

const FRONTEND_LIBRARIES = /^(?:react|vue|svelte|solid-js|preact|@angular\/core)$/;
const BUNDLERS = /^(?:vite|react-scripts|@vitejs\/.*|parcel|webpack|@angular\/cli|@vue\/cli-service)$/;
const SERVER_FRAMEWORKS = /^(?:next|express|fastify|koa|hono|@nestjs\/core|@remix-run\/.*|nuxt|@sveltejs\/kit|astro|@builder\.io\/qwik-city)$/;

/**
 * Code that runs in the browser: a `'use client'` component, code using `window`/`document`, or
 * any module of a front-end-only package (React/Vue/Svelte built by Vite or CRA, no server framework).
 */
export function isClientSide(project: Project, facts: FileFacts): boolean {
  if (facts.source?.service?.isClientComponent) return true;
  if (facts.kind === 'python') return false;
  // Browser globals in a module that imports Node's server-only modules are locals or guarded code: it runs in Node.
  if (facts.source?.code?.usesBrowserGlobals && !importsServerOnlyModule(facts)) return true;
  const manifest = nearestPackage(project, posix.dirname(facts.path));
  const names = (manifest?.dependencies ?? []).map((dependency) => dependency.name);
  return names.some((name) => FRONTEND_LIBRARIES.test(name)) && names.some((name) => BUNDLERS.test(name)) && !names.some((name) => SERVER_FRAMEWORKS.test(name));
}

const SERVER_ONLY_MODULES = /^(?:node:.*|fs|fs\/promises|child_process|net|tls|http2?|https|os|cluster|dgram|dns|readline|worker_threads|v8|vm|inspector|repl|tty|perf_hooks|async_hooks)$/;

function importsServerOnlyModule(facts: FileFacts): boolean {
  return (facts.source?.code?.imports ?? []).some((entry) => !entry.isTypeOnly && SERVER_ONLY_MODULES.test(entry.module));
}

function isDataAccess(facts: FileFacts | undefined): boolean {
  return facts !== undefined && hasDataEvidence(facts);
}

function nearestPackage(project: Project, directory: string): { dependencies?: Array<{ name: string }> } | undefined {
  for (let dir = directory; ; dir = posix.dirname(dir)) {
    const manifest = project.facts(dir === '.' || dir === '' ? 'package.json' : `${dir}/package.json`)?.manifest;
    if (manifest?.type === 'package-json') return manifest;
    if (dir === '.' || dir === '' || dir === '/') return undefined;
  }
}

/** Client-side UI modules that import the data layer: a project data module, or a database driver package. */
export function layerViolations(project: Project, modules: ReadonlyArray<{ path: string; layer: Layer; isClientSide: boolean }>, imports: readonly ModuleImport[]): LayerViolation[] {
  // A data-layer target needs real data access (a driver or ORM import, an engine), not only a `models/` path.
  const dataModules = new Set(modules.filter((module) => module.layer === 'data' && isDataAccess(project.facts(module.path))).map((module) => module.path));
  const clientUi = new Set(modules.filter((module) => module.layer === 'ui' && module.isClientSide).map((module) => module.path));
  const found: LayerViolation[] = [];
  for (const entry of imports) {
    if (!clientUi.has(entry.file) || entry.isTypeOnly) continue;
    const base = { from: entry.file, fromLayer: 'ui' as const, toLayer: 'data' as const, line: entry.fact.line, column: entry.fact.column, module: entry.fact.module };
    if (entry.resolution.status === 'project') {
      const target = entry.resolution.targets.find((candidate) => dataModules.has(candidate));
      if (target) found.push({ ...base, to: target, isPackage: false });
    } else if (entry.resolution.status === 'external' || entry.resolution.status === 'unresolved') {
      const name = packageName(entry.fact.module, false);
      if (PACKAGE_LAYERS.data.test(name) && name !== 'firebase-admin') found.push({ ...base, to: name, isPackage: true });
    }
  }
  return found;
}
