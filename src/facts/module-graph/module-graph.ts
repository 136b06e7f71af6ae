import type { ImportFact } from '../code-types.js';
import type { Project } from '../project.js';
import { resolveStartTargets } from '../start-targets.js';
import { buildJavaScriptIndex, resolveJavaScriptImport } from './javascript-resolve.js';
import { buildPythonIndex, resolvePythonImport } from './python-resolve.js';
import type { ImportResolution } from './resolution.js';
import { pythonMinorVersion } from './python-version.js';
import { isStaticAsset } from '../browser-code.js';
import { reachableFrom } from '../../util/reachable.js';

export interface ModuleImport {
  file: string;
  fact: ImportFact;
  resolution: ImportResolution;
  /** Never loaded at run time: `import type`, `if TYPE_CHECKING:`, or any import of a declaration file (`.d.ts`). */
  isTypeOnly: boolean;
}

export interface ModuleGraph {
  imports: ModuleImport[];
  /** Project files each file loads when it is imported (unconditional, not type-only imports). */
  loads: Map<string, string[]>;
  /** Files that import each file (any import that resolves to it). */
  importedBy: Map<string, string[]>;
  /** Files the start commands run (or conventional entry files when none is declared). */
  entrypoints: string[];
  /** Files loaded when the entrypoints start: entrypoints plus their unconditional imports, transitively. */
  loadedAtStart: Set<string>;
}

const DECLARATION_FILE = /\.d\.[mc]?ts$/;
const CODE_FILE = /\.(?:py|pyw|js|mjs|cjs|jsx|ts|tsx|mts|cts)$/;
const CONVENTIONAL_ENTRIES = ['main.py', 'app.py', 'server.py', 'wsgi.py', 'asgi.py', 'manage.py', 'bot.py', 'worker.py', 'index.js', 'server.js', 'app.js', 'main.js', 'src/index.ts', 'src/server.ts', 'src/main.ts', 'src/index.js', 'src/server.js', 'src/app.ts'];

/** The module import graph of the project's Python and JS/TS files, with entrypoints. Computed once. */
export function moduleGraph(project: Project): ModuleGraph {
  return project.derive('module-graph', () => {
    const imports = resolveAll(project);
    const loads = new Map<string, string[]>();
    const importedBy = new Map<string, string[]>();
    for (const entry of imports) {
      if (entry.resolution.status !== 'project') continue;
      for (const target of entry.resolution.targets) {
        if (target === entry.file) continue;
        addTo(importedBy, target, entry.file);
        if (!entry.fact.isConditional && !entry.isTypeOnly && !entry.fact.isOptional) addTo(loads, entry.file, target);
      }
    }
    const entrypoints = findEntrypoints(project);
    return { imports, loads, importedBy, entrypoints, loadedAtStart: reachableFrom(loads, entrypoints) };
  });
}

function resolveAll(project: Project): ModuleImport[] {
  const pythonIndex = buildPythonIndex(project);
  const javascriptIndex = buildJavaScriptIndex(project);
  const minor = pythonMinorVersion(project);
  const imports: ModuleImport[] = [];
  // A JS/TS import resolves the same from every file of a directory: `../db/client` is looked up once.
  const javascriptResolved = new Map<string, ImportResolution>();
  for (const facts of project.allFacts()) {
    const code = facts.source?.code;
    if (!code) continue;
    const isPython = facts.kind === 'python';
    // Vendored and static browser files: their imports are the bundler's (or nobody's) business.
    const isStatic = !isPython && isStaticAsset(facts.path);
    for (const fact of code.imports) {
      const resolution: ImportResolution = isPython
        ? resolvePythonImport(pythonIndex, facts.path, fact, minor)
        : isStatic
          ? { status: 'unresolved', targets: [] }
          : resolveJavaScriptOnce(javascriptResolved, facts.path, fact, () => resolveJavaScriptImport(project, javascriptIndex, facts.path, fact));
      imports.push({ file: facts.path, fact, resolution, isTypeOnly: fact.isTypeOnly === true || DECLARATION_FILE.test(facts.path) });
    }
  }
  return imports;
}

function resolveJavaScriptOnce(resolved: Map<string, ImportResolution>, file: string, fact: ImportFact, resolve: () => ImportResolution): ImportResolution {
  const key = `${file.slice(0, file.lastIndexOf('/') + 1)}\0${fact.module}`;
  let resolution = resolved.get(key);
  if (!resolution) {
    resolution = resolve();
    resolved.set(key, resolution);
  }
  return resolution;
}

function findEntrypoints(project: Project): string[] {
  const found = new Set<string>();
  for (const target of resolveStartTargets(project)) {
    if (target.status !== 'exists') continue;
    for (const candidate of target.candidates) if (CODE_FILE.test(candidate)) found.add(candidate);
  }
  for (const { file, manifest } of project.manifests('package-json')) {
    if (!manifest.main) continue;
    const directory = file.path.includes('/') ? file.path.slice(0, file.path.lastIndexOf('/') + 1) : '';
    const main = `${directory}${manifest.main.value.replace(/^\.\//, '')}`;
    if (project.hasFile(main) && CODE_FILE.test(main)) found.add(main);
  }
  if (found.size === 0) for (const name of CONVENTIONAL_ENTRIES) if (project.hasFile(name)) found.add(name);
  return [...found].sort();
}


function addTo(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (!list) map.set(key, [value]);
  else if (!list.includes(value)) list.push(value);
}
