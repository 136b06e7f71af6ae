import type { ImportFact } from '../code-types.js';
import type { Project } from '../project.js';
import { isPythonStdlib } from '../python-stdlib.js';
import type { ImportResolution } from './resolution.js';

/** Where Python modules are in the tree: module paths (without extension) -> file, package directories. */
export interface PythonIndex {
  /** `app/models` -> `app/models.py`; `app` -> `app/__init__.py`. */
  modules: Map<string, string>;
  /** Directories that hold Python code somewhere below (namespace packages count). */
  packages: Set<string>;
}

export function buildPythonIndex(project: Project): PythonIndex {
  return project.derive('python-index', () => {
    const modules = new Map<string, string>();
    const packages = new Set<string>();
    for (const file of project.files) {
      const match = /^(.*?)(?:\.(?:py|pyi|pyw)|\.[\w-]*\.(?:so|pyd)|\.(?:so|pyd))$/.exec(file.path);
      if (!match) continue;
      const stem = match[1] as string;
      // `app/__init__.py` is the package `app`, and also the module `app.__init__` when imported by that name.
      if (stem.endsWith('/__init__')) modules.set(stem.slice(0, -9), file.path).set(stem, file.path);
      else if (!modules.has(stem) || file.path.endsWith('.py')) modules.set(stem, file.path);
      for (let slash = file.path.lastIndexOf('/'); slash > 0; slash = file.path.lastIndexOf('/', slash - 1)) {
        const directory = file.path.slice(0, slash);
        if (packages.has(directory)) break;
        packages.add(directory);
      }
    }
    return { modules, packages };
  });
}

const GENERATED = /(?:_pb2|_pb2_grpc|_grpc)$/;
/** Folders discovery leaves out by default: a module under one is not missing, just not listed. */
const UNLISTED_DIRECTORY = /(?:^|\/)(?:build|dist|out|target|node_modules|\.venv|venv|env|__pycache__)(?:\/|$)/;
/** Namespace packages that several distributions share: a part missing here may be installed. */
const SHARED_NAMESPACES = new Set(['google', 'azure', 'zope', 'lazr', 'backports', 'jaraco', 'sphinxcontrib', 'ruamel', 'opentelemetry', 'mpl_toolkits', 'nvidia', 'oslo', 'plone', 'collective']);

/** Resolves one Python import of `file` against the tree. */
export function resolvePythonImport(index: PythonIndex, file: string, fact: ImportFact, pythonMinor: number | undefined): ImportResolution {
  const directory = dirname(file);
  if (fact.module.startsWith('.')) return resolveRelative(index, directory, fact);
  const top = fact.module.split('.')[0] as string;
  // `import __main__` is the running script, always in sys.modules: never a `__main__.py` beside the file.
  if (top === '__main__') return { status: 'builtin', targets: [], packageName: top };
  const ownDirectory = join(directory, top);
  const isLocalToFile = index.modules.has(ownDirectory) || index.packages.has(ownDirectory);
  if (!isLocalToFile && isPythonStdlib(top, pythonMinor)) return { status: 'builtin', targets: [], packageName: top };
  const root = findRoot(index, directory, top);
  if (root === undefined) return { status: 'external', targets: [], packageName: top };
  return resolveFrom(index, root, fact.module, fact);
}

function resolveRelative(index: PythonIndex, directory: string, fact: ImportFact): ImportResolution {
  const dots = /^\.+/.exec(fact.module)?.[0].length ?? 1;
  let base = directory;
  for (let level = 1; level < dots; level += 1) {
    if (base === '') return { status: 'missing', targets: [], candidates: [], missingName: fact.module };
    base = dirname(base);
  }
  const rest = fact.module.slice(dots);
  if (rest) return resolveFrom(index, base, rest, fact);
  // `from . import a, b`: each name is a submodule or an attribute of the package's __init__.py.
  const targets: string[] = [];
  const hasInit = index.modules.has(base) && (index.modules.get(base) as string).endsWith('__init__.py');
  for (const name of fact.names ?? []) {
    if (name === '*') continue;
    const path = join(base, name);
    const target = moduleFile(index, path);
    if (target) targets.push(target);
    else if (!index.packages.has(path) && !hasInit) return { status: 'missing', targets, candidates: [`${path}.py`, `${path}/__init__.py`], missingName: `${fact.module}${name}` };
  }
  if (hasInit) targets.unshift(index.modules.get(base) as string);
  return { status: 'project', targets };
}

/** Resolves dotted `module` under a source root, then the submodules named by a from-import. */
function resolveFrom(index: PythonIndex, root: string, module: string, fact: ImportFact): ImportResolution {
  const path = join(root, module.replace(/\./g, '/'));
  const target = moduleFile(index, path);
  if (!target && !index.packages.has(path)) {
    if (GENERATED.test(path) || UNLISTED_DIRECTORY.test(path) || SHARED_NAMESPACES.has(module.split('.')[0] as string) || isInsideModuleFile(index, root, module)) return { status: 'unresolved', targets: [] };
    return { status: 'missing', targets: [], candidates: [`${path}.py`, `${path}/__init__.py`], missingName: module };
  }
  const targets = target ? [target] : [];
  // Importing a.b.c runs a/__init__.py and a/b/__init__.py first.
  const parts = module.split('.');
  for (let length = 1; length < parts.length; length += 1) {
    const parent = moduleFile(index, join(root, parts.slice(0, length).join('/')));
    if (parent?.endsWith('__init__.py') && parent !== target) targets.push(parent);
  }
  if (fact.kind === 'from') {
    for (const name of fact.names ?? []) {
      const submodule = name === '*' ? undefined : moduleFile(index, join(path, name));
      if (submodule) targets.push(submodule);
    }
  }
  return { status: 'project', targets };
}

/** `six.moves.urllib`: a prefix is a plain module file, so the rest is made up at run time (import hooks). */
function isInsideModuleFile(index: PythonIndex, root: string, module: string): boolean {
  const parts = module.split('.');
  for (let length = 1; length < parts.length; length += 1) {
    const file = index.modules.get(join(root, parts.slice(0, length).join('/')));
    if (file && !file.endsWith('__init__.py')) return true;
  }
  return false;
}

function moduleFile(index: PythonIndex, path: string): string | undefined {
  return index.modules.get(path);
}

/**
 * The nearest ancestor directory (the file's own first) where `top` is a module or a package. A
 * regular package's directory (one with `__init__.py`) is never on sys.path, so it is skipped:
 * `import geoip2` inside `gis/geoip2/` means the installed geoip2, not the folder itself.
 */
function findRoot(index: PythonIndex, directory: string, top: string): string | undefined {
  let current: string | undefined = directory;
  while (current !== undefined) {
    const isRegularPackage = current !== '' && (index.modules.get(current) ?? '').endsWith('__init__.py');
    const path = join(current, top);
    if (!isRegularPackage && (index.modules.has(path) || index.packages.has(path))) return current;
    current = current === '' ? undefined : dirname(current);
  }
  return undefined;
}

export function dirname(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash === -1 ? '' : path.slice(0, slash);
}

export function join(directory: string, name: string): string {
  return directory === '' ? name : `${directory}/${name}`;
}
