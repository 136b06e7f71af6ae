import type { CodeFacts, FunctionFact } from './code-types.js';
import { moduleGraph } from './module-graph/module-graph.js';
import type { Project } from './project.js';
import { resolveStartTargets } from './start-targets.js';

/**
 * Code that must return for the app to work: request handlers and startup hooks, the import-time
 * code of modules that something imports (a server imports the app module; other modules import
 * theirs), and every function those call (resolved by name in the same file and the files it imports).
 */
export interface MustReturn {
  /** `file#functionIndex` -> why it must return ("the request handler read_item (GET /items)"). */
  functions: Map<string, string>;
  /** file -> why its import-time code must return ("it is imported by app/server.py"). */
  modules: Map<string, string>;
}

export function functionKey(file: string, index: number): string {
  return `${file}#${index}`;
}

export function mustReturn(project: Project): MustReturn {
  return project.derive('must-return', () => {
    const graph = moduleGraph(project);
    const codeOf = new Map<string, CodeFacts>();
    for (const facts of project.allFacts()) if (facts.source?.code) codeOf.set(facts.path, facts.source.code);
    const imported = new Map<string, string[]>();
    for (const entry of graph.imports) {
      if (entry.resolution.status !== 'project') continue;
      const list = imported.get(entry.file) ?? [];
      list.push(...entry.resolution.targets);
      imported.set(entry.file, list);
    }
    const modules = importTimeModules(project, graph.importedBy);
    // Reasons are built on demand from the caller chain: most reached functions never need one.
    const reasons = new Map<string, Reason>();
    const queue: Array<{ file: string; index: number }> = [];
    const reach = (file: string, index: number, reason: Reason): void => {
      const key = functionKey(file, index);
      if (reasons.has(key)) return;
      reasons.set(key, reason);
      queue.push({ file, index });
    };
    for (const [file, code] of codeOf) seedHandlers(file, code, reach);
    for (const [file, why] of modules) {
      for (const name of codeOf.get(file)?.importTimeCalls ?? []) {
        for (const target of resolveCall(codeOf, imported, file, name)) reach(target.file, target.index, { text: `${name}() runs when ${file} is imported (${why})` });
      }
    }
    for (let head = 0; head < queue.length; head += 1) {
      const { file, index } = queue[head] as { file: string; index: number };
      const caller = codeOf.get(file)?.functions[index] as FunctionFact;
      const callerKey = functionKey(file, index);
      for (const name of caller.calls) {
        for (const target of resolveCall(codeOf, imported, file, name)) reach(target.file, target.index, { callee: name, caller, callerKey });
      }
    }
    return { functions: new LazyReasons(reasons), modules };
  });
}

/** Why a function must return: a seed's text, or "called from" its first caller. */
type Reason = { text: string } | { callee: string; caller: FunctionFact; callerKey: string };

class LazyReasons extends Map<string, string> {
  constructor(private readonly reasons: Map<string, Reason>) {
    super();
  }

  override has(key: string): boolean {
    return this.reasons.has(key);
  }

  override get(key: string): string | undefined {
    const reason = this.reasons.get(key);
    if (!reason) return undefined;
    if ('text' in reason) return reason.text;
    const callerReason = this.reasons.get(reason.callerKey);
    const context = !callerReason ? '' : 'text' in callerReason ? `, ${callerReason.text}` : `, itself called from ${describeFunction(callerReason.caller)}`;
    return `${reason.callee}() is called from ${describeFunction(reason.caller)}${context}`;
  }

  override get size(): number {
    return this.reasons.size;
  }
}

function seedHandlers(file: string, code: CodeFacts, reach: (file: string, index: number, reason: Reason) => void): void {
  code.functions.forEach((fact, index) => {
    if (!fact.isHandler && !fact.isStartupHook) return;
    const route = code.routes.find((candidate) => candidate.handlerIndex === index);
    if (fact.isHandler) reach(file, index, { text: `the request handler ${fact.name || 'registered'}${route ? ` for ${route.method} ${route.path}` : ''}` });
    else reach(file, index, { text: `the startup hook ${fact.name}` });
  });
}

/** Modules whose import-time code must finish: imported by another module, or imported by the server (app modules). */
function importTimeModules(project: Project, importedBy: Map<string, string[]>): Map<string, string> {
  const modules = new Map<string, string>();
  for (const target of resolveStartTargets(project)) {
    if (target.target.kind !== 'app-module' || target.status !== 'exists') continue;
    for (const file of target.candidates) modules.set(file, `${target.target.runner} imports it to serve ${target.target.value}`);
  }
  for (const [file, importers] of importedBy) {
    if (!modules.has(file)) modules.set(file, `it is imported by ${importers[0]}${importers.length > 1 ? ` and ${importers.length - 1} more` : ''}`);
  }
  return modules;
}

/** Functions a call by name may reach: same file first, else the project files this file imports. */
function resolveCall(codeOf: Map<string, CodeFacts>, imported: Map<string, string[]>, file: string, name: string): Array<{ file: string; index: number }> {
  const local = indexesNamed(codeOf.get(file), name);
  if (local.length > 0) return local.map((index) => ({ file, index }));
  const found: Array<{ file: string; index: number }> = [];
  for (const target of imported.get(file) ?? []) {
    for (const index of indexesNamed(codeOf.get(target), name)) found.push({ file: target, index });
  }
  return found;
}

const NAME_INDEXES = new WeakMap<CodeFacts, Map<string, number[]>>();

function indexesNamed(code: CodeFacts | undefined, name: string): number[] {
  if (!code) return [];
  let byName = NAME_INDEXES.get(code);
  if (!byName) {
    byName = new Map();
    code.functions.forEach((fact, index) => {
      if (!fact.name) return;
      const list = byName?.get(fact.name) ?? [];
      list.push(index);
      byName?.set(fact.name, list);
    });
    NAME_INDEXES.set(code, byName);
  }
  return byName.get(name) ?? [];
}

export function describeFunction(fact: FunctionFact): string {
  return fact.name ? `${fact.className ? `${fact.className}.` : ''}${fact.name}()` : 'an inline function';
}

