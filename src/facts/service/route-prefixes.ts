import { moduleGraph } from '../module-graph/module-graph.js';
import type { Project } from '../project.js';
import type { MountFact } from '../service-types.js';
import type { FileFacts } from '../types.js';

/** A router attached to a parent: `parent` is `file#name` of the app or router it is mounted on. */
interface MountEdge {
  parent: string;
  prefix: string;
}

const MAX_DEPTH = 8;
const MAX_PREFIXES = 4;

/** For every mounted router (`file#name`), where it is mounted and with which prefix. Computed once. */
export function mountsOfProject(project: Project): Map<string, MountEdge[]> {
  return project.derive('service-mounts', () => {
    const edges = new Map<string, MountEdge[]>();
    for (const facts of project.allFacts()) {
      for (const mount of facts.source?.service?.mounts ?? []) {
        if (mount.isOpaque) continue;
        for (const child of mountTargets(project, facts, mount)) {
          const list = edges.get(child) ?? [];
          list.push({ parent: `${facts.path}#${mount.owner}`, prefix: mount.prefix ?? '' });
          edges.set(child, list);
        }
      }
    }
    return edges;
  });
}

/**
 * Every prefix the routes of `file#owner` are served under (its own prefix, then each chain of
 * mounts), with the framework of the app at the top of the chain (a Fastify plugin's routes are
 * Fastify's even when the plugin's file imports nothing).
 */
export function prefixesOf(project: Project, mounts: Map<string, MountEdge[]>, file: string, owner: string, framework: string): Array<{ prefix: string; framework: string }> {
  const results = new Map<string, string>();
  const stack: Array<{ key: string; suffix: string; depth: number }> = [{ key: definitionOf(project, file, owner), suffix: '', depth: 0 }];
  while (stack.length > 0 && results.size < MAX_PREFIXES) {
    const { key, suffix, depth } = stack.pop() as { key: string; suffix: string; depth: number };
    const object = objectOf(project, key);
    const own = joinPrefix(object?.prefix ?? '', suffix);
    const parents = depth < MAX_DEPTH ? (mounts.get(key) ?? []) : [];
    if (parents.length === 0 && !results.has(own)) results.set(own, framework || object?.framework || '');
    for (const parent of parents) stack.push({ key: parent.parent, suffix: joinPrefix(parent.prefix, own), depth: depth + 1 });
  }
  return [...results].map(([prefix, found]) => ({ prefix: joinPrefix(found === 'NestJS' ? nestGlobalPrefix(project) : '', prefix), framework: found }));
}

/**
 * `file#owner` of the router the routes are registered on: where it is created, following one
 * import when the file imports it by name (Flask: `from . import bp` in `api/items.py`, with `bp`
 * created in `api/__init__.py`).
 */
function definitionOf(project: Project, file: string, owner: string): string {
  const key = `${file}#${owner}`;
  if (objectOf(project, key) || owner.includes('.')) return key;
  const entry = moduleGraph(project).imports.find((candidate) => candidate.file === file && candidate.fact.kind === 'from' && (candidate.fact.names ?? []).includes(owner));
  const target = entry?.resolution.targets.find((candidate) => objectOf(project, `${candidate}#${owner}`));
  return target ? `${target}#${owner}` : key;
}

function objectOf(project: Project, key: string): { prefix?: string; framework: string } | undefined {
  const hash = key.lastIndexOf('#');
  const objects = project.facts(key.slice(0, hash))?.source?.service?.objects ?? [];
  return objects.find((object) => object.name === key.slice(hash + 1));
}

function nestGlobalPrefix(project: Project): string {
  return project.derive('service-nest-prefix', () => {
    for (const facts of project.allFacts()) {
      const mount = facts.source?.service?.mounts?.find((candidate) => candidate.via === 'setGlobalPrefix');
      if (mount?.prefix) return mount.prefix;
    }
    return '';
  });
}

export function joinPrefix(left: string, right: string): string {
  const parts = [left, right].map((part) => part.replace(/^\/+|\/+$/g, '')).filter(Boolean);
  return parts.length === 0 ? '' : `/${parts.join('/')}${right.endsWith('/') && right.length > 1 ? '/' : ''}`;
}

/** The `file#name` keys a mount's target refers to: a router of this file, of an imported module, or a Django URLconf. */
function mountTargets(project: Project, facts: FileFacts, mount: MountFact): string[] {
  if (mount.via === 'include') {
    const suffix = `${mount.target.replace(/\./g, '/')}.py`;
    const file = project.allFacts().find((candidate) => candidate.path === suffix || candidate.path.endsWith(`/${suffix}`));
    return file ? [`${file.path}#urlpatterns`] : [];
  }
  const [first = '', ...rest] = mount.target.split('.');
  if (!mount.targetImport) return [`${facts.path}#${mount.target}`];
  const graph = moduleGraph(project);
  const entry = graph.imports.find((candidate) => candidate.file === facts.path && candidate.fact.module === mount.targetImport?.module && importsName(candidate.fact.names, first, mount.targetImport.name));
  const targets = entry?.resolution.targets ?? [];
  const imported = mount.targetImport.name;
  // `from .routers import users` then `users.router`: the submodule file named like the import.
  const submodule = targets.find((target) => new RegExp(`(?:^|/)${escapeRegExp(imported)}(?:\\.py|/__init__\\.py)$`).test(target));
  const file = submodule ?? targets[0];
  if (!file) return [];
  const name = submodule && rest.length > 0 ? rest.join('.') : imported === 'default' || imported === '*' ? (rest.join('.') || soleRouter(project, file)) : imported;
  return name ? [`${file}#${name}`] : [];
}

function importsName(names: readonly string[] | undefined, local: string, imported: string): boolean {
  return names === undefined || names.includes(imported) || names.includes(local);
}

/**
 * What a JS module's default export most likely is: the one app or router it creates, or else the
 * one object all its routes are registered on (a Fastify plugin's `fastify` parameter).
 */
function soleRouter(project: Project, file: string): string {
  const facts = project.facts(file);
  const objects = (facts?.source?.service?.objects ?? []).filter((object) => object.kind === 'router' || object.kind === 'app');
  if (objects.length > 0) return objects.length === 1 ? (objects[0]?.name ?? '') : '';
  const owners = new Set((facts?.source?.code?.routes ?? []).map((route) => route.owner));
  return owners.size === 1 ? ([...owners][0] as string) : '';
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
