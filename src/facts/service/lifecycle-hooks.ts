import { moduleGraph } from '../module-graph/module-graph.js';
import { isNonProductionPath } from '../path-roles.js';
import type { Project } from '../project.js';
import type { LifecycleHookFact } from '../service-types.js';

export interface PlacedHook extends LifecycleHookFact {
  file: string;
}

/** The startup/shutdown wiring of one app object, gathered from every module that registers on it. */
export interface AppHooks {
  /** `file#name` of the app object (or of the name, when its definition is not found). */
  key: string;
  name: string;
  /** The app's constructor call when it takes `lifespan=` (with its other options). */
  lifespan?: { file: string; line: number; options: string[] };
  /** Startup hooks, in file and line order: `on_event("startup")`, `add_event_handler("startup", ...)`, `before_first_request`. */
  startup: PlacedHook[];
  /** `on_event`/`add_event_handler` hooks of any event (what a lifespan handler makes dead). */
  events: PlacedHook[];
}

/** Hooks grouped by the app they are registered on (resolving `from app.main import app` to its module). */
export function hooksByApp(project: Project): AppHooks[] {
  return project.derive('service-hooks-by-app', () => {
    const apps = new Map<string, AppHooks>();
    const appOf = (key: string, name: string): AppHooks => {
      const existing = apps.get(key);
      if (existing) return existing;
      const created: AppHooks = { key, name, startup: [], events: [] };
      apps.set(key, created);
      return created;
    };
    for (const facts of project.allFacts()) {
      if (isNonProductionPath(facts.path)) continue;
      for (const object of facts.source?.service?.objects ?? []) {
        if (object.kind === 'app' && object.name && object.options.includes('lifespan')) appOf(`${facts.path}#${object.name}`, object.name).lifespan = { file: facts.path, line: object.line, options: object.options };
      }
      for (const hook of facts.source?.service?.hooks ?? []) {
        const app = appOf(appKey(project, facts.path, hook.owner), hook.owner);
        const placed = { ...hook, file: facts.path };
        if (hook.event === 'startup') app.startup.push(placed);
        if (hook.kind !== 'before_first_request') app.events.push(placed);
      }
    }
    return [...apps.values()];
  });
}

/** `file#name` of the object a hook is registered on: this module's own, or the module it is imported from. */
function appKey(project: Project, file: string, owner: string): string {
  const own = project.facts(file)?.source?.service?.objects?.some((object) => object.name === owner);
  if (own) return `${file}#${owner}`;
  const root = owner.split('.')[0] as string;
  const imported = moduleGraph(project).imports.find((entry) => entry.file === file && entry.fact.kind === 'from' && (entry.fact.names ?? []).includes(root));
  const targets = imported?.resolution.targets ?? [];
  const target = targets.find((candidate) => project.facts(candidate)?.source?.service?.objects?.some((object) => object.name === root)) ?? targets.at(-1);
  return target ? `${target}#${root}` : `${file}#${owner}`;
}
