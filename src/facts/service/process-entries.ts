import { moduleGraph } from '../module-graph/module-graph.js';
import { isNonProductionPath } from '../path-roles.js';
import type { Project } from '../project.js';
import { resolveStartTargets, startDeclarations } from '../start-targets.js';

const DIRECT_RUNNERS = /^(?:python\d*(?:\.\d+)?|node|nodemon|ts-node|ts-node-esm|tsx|bun|deno|esno|node-dev)$/;
const CODE_FILE = /\.(?:py|pyw|js|mjs|cjs|ts|mts|cts)$/;

/**
 * Entry files the start commands run as the process itself (`python worker.py`, `node server.js`,
 * `python -m app`), not through a server or worker program that handles signals for them
 * (uvicorn, gunicorn, celery...). Without any start command, the conventional entry files.
 */
export function directEntries(project: Project): string[] {
  return project.derive('service-direct-entries', () => {
    if (startDeclarations(project).filter((declaration) => !isNonProductionPath(declaration.file)).length === 0) {
      return moduleGraph(project).entrypoints.filter((entry) => !isNonProductionPath(entry));
    }
    const found = new Set<string>();
    for (const resolved of resolveStartTargets(project)) {
      if (resolved.status !== 'exists' || isNonProductionPath(resolved.declaration.file) || resolved.declaration.role === 'release') continue;
      if (resolved.target.kind === 'npm-script' || resolved.target.kind === 'app-module' || !DIRECT_RUNNERS.test(resolved.target.runner)) continue;
      for (const candidate of resolved.candidates) if (CODE_FILE.test(candidate)) found.add(candidate);
    }
    return [...found].sort();
  });
}

/** The entry file and every project module it loads unconditionally at start, transitively. */
export function loadedFrom(project: Project, entry: string): string[] {
  const loads = moduleGraph(project).loads;
  const seen = new Set([entry]);
  const queue = [entry];
  while (queue.length > 0) {
    for (const next of loads.get(queue.pop() as string) ?? []) {
      if (seen.has(next)) continue;
      seen.add(next);
      queue.push(next);
    }
  }
  return [...seen];
}
