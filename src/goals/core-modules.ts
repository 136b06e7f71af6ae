import { posix } from 'node:path';
import type { CoreModule } from '../facts/evidence/goals.js';
import type { Project } from '../facts/project.js';
import { moduleMap } from '../facts/service/module-map.js';

/**
 * Configuration and tool files are loaded at start but are not what a goal is written about: a
 * directory whose only core files are these is not a core module.
 */
const CONFIG_FILE = /(?:^|\/)(?:settings|config|conf|gunicorn\.conf|gunicorn_config|conftest|setup|manage|__init__)\.py$|\.config\.[cm]?[jt]s$|(?:^|\/)\.?[\w-]+rc\.[cm]?js$/;

/**
 * The core modules goals are written about, grouped from the module map. The rule:
 * 1. a code file is core when the map says so: an entrypoint, loaded when the entrypoints start,
 *    or declaring routes, apps, workers or pages (tests, docs, examples, vendored and built files
 *    are never in the map); configuration files (`settings.py`, `*.config.js`, `__init__.py`) are
 *    left out;
 * 2. core files are grouped by the directory that holds them (`app/auth/routes.py` and
 *    `app/auth/tokens.py` are the module `app/auth/`; `app/auth/providers/` is a module of its own);
 * 3. a core file at the root of the repository is a module by itself (`main.py`, `server.js`),
 *    since the root is the whole project.
 * Sorted by path. Computed once per audit.
 */
export function coreModules(project: Project): CoreModule[] {
  return project.derive('goals-core-modules', () => {
    const byPath = new Map<string, string[]>();
    for (const module of moduleMap(project).modules) {
      if (!module.isCore || CONFIG_FILE.test(module.path)) continue;
      const directory = posix.dirname(module.path);
      const key = directory === '.' ? module.path : `${directory}/`;
      byPath.set(key, [...(byPath.get(key) ?? []), module.path]);
    }
    return [...byPath.entries()].map(([path, files]) => ({ path, files })).sort((a, b) => (a.path < b.path ? -1 : 1));
  });
}

/** `./app/auth/` -> `app/auth`; `.` and `/` -> '' (the whole project). Backslashes are read as slashes. */
export function normalizeTarget(path: string): string {
  return path.trim().replace(/\\/g, '/').replace(/^\.\/+/, '').replace(/^\/+|\/+$/g, '').replace(/^\.$/, '');
}

/** Is the file at or under the target ('' is the whole project)? */
export function isUnder(file: string, target: string): boolean {
  return target === '' || file === target || file.startsWith(`${target}/`);
}
