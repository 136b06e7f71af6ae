/**
 * Which frames of a trace are the project's own. A trace prints paths of the machine it ran on
 * (`/app/app/payments.py`, `/opt/render/project/src/server.js`, `C:\srv\api\x.py`); the longest
 * suffix of that path that is a file of the audited tree is the project file. Installed packages
 * and the runtime's own files never are.
 */

const NOT_PROJECT = /(?:^|\/)(?:site-packages|dist-packages|node_modules|__pypackages__|\.venv|venv|\.pythonlibs)\/|\/lib\/python\d|^<|^node:|^internal\/|^\[|importlib\._bootstrap/;
const MAX_CACHE = 20_000;

export class ProjectFiles {
  private readonly files: Set<string>;
  private readonly frameCache = new Map<string, string | null>();
  private pythonModules: Map<string, string | null> | undefined;

  /** `paths`: repo-relative POSIX paths of the audited tree's files. */
  constructor(paths: Iterable<string>) {
    this.files = new Set(paths);
  }

  has(path: string): boolean {
    return this.files.has(path);
  }

  /** The project file a frame's path points at, or undefined. */
  resolveFrame(file: string): string | undefined {
    const cached = this.frameCache.get(file);
    if (cached !== undefined) return cached ?? undefined;
    const resolved = this.matchPath(file);
    if (this.frameCache.size < MAX_CACHE) this.frameCache.set(file, resolved ?? null);
    return resolved;
  }

  /** The project file a Python logger name is (`app.payments` -> `app/payments.py`), or undefined. */
  resolveLogger(name: string): string | undefined {
    if (!/^[A-Za-z_][\w]*(?:\.[A-Za-z_][\w]*)*$/.test(name)) return undefined;
    const modules = this.pythonModuleIndex();
    const exact = modules.get(name);
    if (exact) return exact;
    // `app.tasks.send_email` names a function of app/tasks.py; a package's __init__ is too broad to be the module.
    const parts = name.split('.');
    for (let end = parts.length - 1; end >= Math.max(1, parts.length - 2); end -= 1) {
      const found = modules.get(parts.slice(0, end).join('.'));
      if (found && !found.endsWith('__init__.py')) return found;
    }
    return undefined;
  }

  private matchPath(raw: string): string | undefined {
    const path = raw
      .replace(/^file:\/\//, '')
      .replace(/^webpack(?:-internal)?:\/\/\/(?:\([^)]*\)\/)?/, '')
      .replace(/\\/g, '/')
      .replace(/^[A-Za-z]:/, '');
    if (NOT_PROJECT.test(path)) return undefined;
    const segments = path.split('/').filter((segment) => segment !== '' && segment !== '.');
    for (let start = 0; start < segments.length; start += 1) {
      const candidate = segments.slice(start).join('/');
      if (this.files.has(candidate)) return candidate;
    }
    return this.matchBuildOutput(segments);
  }

  /** `/app/dist/routes/users.js` ran from `src/routes/users.ts`. */
  private matchBuildOutput(segments: string[]): string | undefined {
    const index = segments.findIndex((segment) => segment === 'dist' || segment === 'build' || segment === 'out');
    if (index === -1 || !/\.[cm]?js$/.test(segments[segments.length - 1] ?? '')) return undefined;
    const rest = segments.slice(index + 1).join('/');
    for (const base of [`src/${rest}`, rest]) {
      for (const extension of ['.ts', '.tsx', '.js']) {
        const candidate = base.replace(/\.[cm]?js$/, extension);
        if (this.files.has(candidate)) return candidate;
      }
    }
    return undefined;
  }

  /** Dotted module names of every .py file, also from each of its parent folders (`backend/app/x.py` is `app.x` too). */
  private pythonModuleIndex(): Map<string, string | null> {
    if (this.pythonModules) return this.pythonModules;
    const full = new Map<string, string | null>();
    const suffixes = new Map<string, string | null>();
    for (const file of this.files) {
      if (!file.endsWith('.py')) continue;
      const parts = file.slice(0, -3).split('/');
      if (parts[parts.length - 1] === '__init__') parts.pop();
      if (parts.length === 0) continue;
      full.set(parts.join('.'), file);
      for (let start = 1; start < parts.length; start += 1) {
        const dotted = parts.slice(start).join('.');
        // The same suffix from two files is ambiguous: it names neither.
        suffixes.set(dotted, suffixes.has(dotted) && suffixes.get(dotted) !== file ? null : file);
      }
    }
    for (const [dotted, file] of suffixes) if (!full.has(dotted)) full.set(dotted, file);
    this.pythonModules = full;
    return full;
  }
}
