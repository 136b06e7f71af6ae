import { isNonProductionPath } from '../path-roles.js';
import type { Project } from '../project.js';
import { routeTable } from './route-table.js';

/** A path a deployment manifest probes. */
export interface ManifestHealthPath {
  path: string;
  file: string;
  line: number;
  column?: number;
  /** `render.yaml healthCheckPath`, `Dockerfile HEALTHCHECK`, `compose web healthcheck`. */
  source: string;
  /** A hosting platform (Render, Railway, Fly, Heroku) probes it at deploy time: a miss fails every deploy. */
  isPlatform: boolean;
}

const PLATFORM_NAMES: Record<string, string> = { render: 'Render', railway: 'Railway', fly: 'Fly', nixpacks: 'Nixpacks', vercel: 'Vercel', 'heroku-app-json': 'Heroku' };
const URL_PATH = /\bhttps?:\/\/[^/\s"'`]+(\/[^\s"'`?#]*)?/;

/** Health paths named by platform manifests, compose healthchecks and Dockerfile HEALTHCHECKs (outside tests and examples). */
export function manifestHealthPaths(project: Project): ManifestHealthPath[] {
  const found: ManifestHealthPath[] = [];
  for (const { file, manifest } of project.manifests('platform')) {
    if (isNonProductionPath(file.path)) continue;
    for (const path of manifest.healthPaths) found.push({ path: path.value, file: file.path, line: path.line, column: path.column, source: `${PLATFORM_NAMES[manifest.platform] ?? manifest.platform} health check (${file.path})`, isPlatform: true });
  }
  for (const { file, manifest } of project.manifests('compose')) {
    if (isNonProductionPath(file.path)) continue;
    for (const service of manifest.services) {
      const path = service.healthcheck?.test ? URL_PATH.exec(service.healthcheck.test)?.[1] : undefined;
      if (path && service.healthcheck) found.push({ path, file: file.path, line: service.healthcheck.line, source: `compose ${service.name} healthcheck`, isPlatform: false });
    }
  }
  for (const { file, manifest } of project.manifests('dockerfile')) {
    if (isNonProductionPath(file.path)) continue;
    for (const check of manifest.healthchecks) {
      const path = check.command ? URL_PATH.exec(check.command)?.[1] : undefined;
      if (path) found.push({ path, file: file.path, line: check.line, source: 'Dockerfile HEALTHCHECK', isPlatform: false });
    }
  }
  return found;
}

const PARAMETER = /^(?:\{[^}]*\}|:[\w$]+\??|<[^>]*>|\[[^\]]*\]|\*)$/;
const CATCH_ALL = /^(?:\{[^}:]*:path\}|\[\.\.\.[^\]]*\]|\[\[\.\.\.[^\]]*\]\]|\*|<path:[^>]*>)$/;

/** Does some route (or a mounted sub-application's prefix) answer this path? */
export function isRouted(project: Project, path: string): boolean {
  const wanted = segments(path);
  for (const route of routeTable(project)) {
    const have = segments(route.path);
    if (matches(have, wanted) || (have.length > 0 && endsWith(wanted, have) && /health|live|ready|ping|status/i.test(route.path))) return true;
  }
  for (const facts of project.allFacts()) {
    for (const mount of facts.source?.service?.mounts ?? []) {
      if (mount.isOpaque && mount.prefix !== undefined && startsWith(wanted, segments(mount.prefix))) return true;
    }
  }
  return false;
}

function segments(path: string): string[] {
  return path.split('?')[0]?.split('/').filter(Boolean) ?? [];
}

function matches(route: string[], wanted: string[]): boolean {
  for (let index = 0; index < route.length; index += 1) {
    const part = route[index] as string;
    if (CATCH_ALL.test(part)) return true;
    if (index >= wanted.length || (!PARAMETER.test(part) && part !== wanted[index])) return false;
  }
  return route.length === wanted.length;
}

function startsWith(wanted: string[], prefix: string[]): boolean {
  return prefix.every((part, index) => part === wanted[index]);
}

/** The route's own path is the end of the probed path: its router prefix may not have been resolved. */
function endsWith(wanted: string[], route: string[]): boolean {
  return route.length <= wanted.length && route.every((part, index) => part === wanted[wanted.length - route.length + index]);
}
