import { posix } from 'node:path';
import { commandBinds } from '../command-binds.js';
import { moduleGraph } from '../module-graph/module-graph.js';
import { isNonProductionPath } from '../path-roles.js';
import type { Project } from '../project.js';
import { startDeclarations } from '../start-targets.js';
import { nextAppRoots } from './next-routes.js';

/** A runnable part of the system: a web app, a worker, a scheduler, or the server program that runs an app. */
export interface ServiceComponent {
  kind: 'app' | 'worker' | 'queue' | 'scheduler' | 'server';
  /** FastAPI, Flask, Django, Express, Next.js, Celery, BullMQ, uvicorn, gunicorn, loop... */
  framework: string;
  /** The object's name (`app`), the served target (`app.main:app`), or the app's folder. */
  name: string;
  file: string;
  line: number;
  /** For servers and workers started by a manifest: where (`Procfile web`, `Dockerfile CMD`). */
  startedBy?: string;
}

const WORKER_COMMANDS: Array<[RegExp, string]> = [
  [/\bcelery\b.*\b(?:worker|beat)\b/, 'Celery'],
  [/\brq\s+worker\b|\brqworker\b/, 'RQ'],
  [/\bdramatiq\b/, 'Dramatiq'],
  [/\barq\b/, 'arq'],
];

/** Every component the project declares, in file order. Computed once. */
export function serviceComponents(project: Project): ServiceComponent[] {
  return project.derive('service-components', () => {
    const found: ServiceComponent[] = [];
    for (const facts of project.allFacts()) {
      if (isNonProductionPath(facts.path)) continue;
      for (const object of facts.source?.service?.objects ?? []) {
        if (object.kind === 'router') continue;
        found.push({ kind: object.kind, framework: object.framework, name: object.name || object.factory, file: facts.path, line: object.line });
      }
      if (posix.basename(facts.path) === 'manage.py' && facts.source?.code?.imports.some((entry) => entry.module.startsWith('django'))) {
        found.push({ kind: 'app', framework: 'Django', name: posix.dirname(facts.path) === '.' ? '.' : posix.dirname(facts.path), file: facts.path, line: 1 });
      }
    }
    for (const root of nextAppRoots(project)) found.push({ kind: 'app', framework: 'Next.js', name: root === '' ? '.' : root.replace(/\/$/, ''), file: `${root}package.json`, line: 1 });
    found.push(...startedComponents(project), ...loopWorkers(project, found));
    return found;
  });
}

/** Servers and workers the manifests start: `uvicorn app.main:app`, `gunicorn wsgi:app`, `celery -A proj worker`. */
function startedComponents(project: Project): ServiceComponent[] {
  const found: ServiceComponent[] = [];
  const seen = new Set<string>();
  for (const declaration of startDeclarations(project)) {
    if (isNonProductionPath(declaration.file) || declaration.role === 'entrypoint') continue;
    const command = declaration.command.command;
    const server = commandBinds(command)?.server;
    const worker = WORKER_COMMANDS.find(([pattern]) => pattern.test(command))?.[1];
    const framework = server ?? worker;
    if (!framework) continue;
    const target = /\b([\w.]+:[\w.()]+)/.exec(command)?.[1] ?? /-A\s+([\w.]+)/.exec(command)?.[1] ?? '';
    const key = `${framework}:${target}:${declaration.role}`;
    if (seen.has(key)) continue;
    seen.add(key);
    found.push({ kind: server ? 'server' : 'worker', framework, name: target, file: declaration.file, line: declaration.command.line, startedBy: declaration.source });
  }
  return found;
}

/** Entry files that run a forever loop at the top level or under `__main__`, with no framework object: plain workers. */
function loopWorkers(project: Project, known: readonly ServiceComponent[]): ServiceComponent[] {
  const withObjects = new Set(known.map((component) => component.file));
  const found: ServiceComponent[] = [];
  for (const entry of moduleGraph(project).entrypoints) {
    const code = project.facts(entry)?.source?.code;
    if (!code || withObjects.has(entry) || isNonProductionPath(entry)) continue;
    const calledAtTop = new Set([...code.importTimeCalls, ...code.mainCalls]);
    const loop = code.loops.find((candidate) => candidate.isConstantTrue && (candidate.scope !== 'function' || calledAtTop.has(candidate.functionName)));
    if (loop) found.push({ kind: 'worker', framework: 'loop', name: loop.functionName || posix.basename(entry), file: entry, line: loop.line });
  }
  return found;
}
