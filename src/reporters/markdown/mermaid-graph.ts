import type { ModuleMapSection } from '../../model/map-section-schema.js';
import { layerTitle } from '../../facts/service/layers.js';

type MapModule = ModuleMapSection['modules'][number];

const LAYER_ORDER = ['ui', 'routing', 'auth', 'logic', 'automation', 'data', 'memory'];
const MAX_NODES = 60;
const MAX_LINKS = 200;

/**
 * The module map as a Mermaid flowchart: one subgraph per layer, entrypoints marked (▶, thick
 * border), modules in an import cycle and the edges between them in red, layer violations as
 * dashed red edges. Big maps draw their most central modules and say how many were left out.
 */
export function mermaidModuleGraph(map: ModuleMapSection): string[] {
  const drawn = chooseModules(map);
  const ids = new Map(drawn.map((module, index) => [module.path, `m${index}`]));
  const inCycle = new Set(map.cycles.flat());
  const out = ['```mermaid', 'flowchart LR'];
  const packages = [...new Set(map.violations.filter((violation) => violation.isPackage && ids.has(violation.from)).map((violation) => violation.to))];
  for (const layer of LAYER_ORDER) {
    const members = drawn.filter((module) => module.layer === layer);
    const layerPackages = layer === 'data' ? packages : [];
    if (members.length === 0 && layerPackages.length === 0) continue;
    out.push(`  subgraph layer_${layer}["${layerTitle(layer)}"]`);
    for (const module of members) out.push(`    ${ids.get(module.path)}["${label(module)}"]`);
    layerPackages.forEach((name, index) => out.push(`    p${index}[("${escape(name)} (package)")]`));
    out.push('  end');
  }
  const links = linksOf(map, ids, inCycle, packages);
  out.push(...links.lines);
  out.push('  classDef entry stroke-width:4px,font-weight:bold', '  classDef cycle stroke:#c62828,stroke-width:2px,color:#c62828');
  const entries = drawn.filter((module) => module.isEntrypoint).map((module) => ids.get(module.path));
  if (entries.length > 0) out.push(`  class ${entries.join(',')} entry`);
  const cyclic = drawn.filter((module) => inCycle.has(module.path)).map((module) => ids.get(module.path));
  if (cyclic.length > 0) out.push(`  class ${cyclic.join(',')} cycle`);
  if (links.red.length > 0) out.push(`  linkStyle ${links.red.join(',')} stroke:#c62828,stroke-width:2px`);
  out.push('```');
  const left = map.modules.length - drawn.length;
  const legend = `▶ entrypoint (thick border); red: import cycle; dashed red arrow: layer violation.${left > 0 ? ` ${left} of ${map.modules.length} modules are not drawn (the core modules are); all are in \`sections.moduleMap\` of the JSON report.` : ''}`;
  return [...out, '', legend];
}

function label(module: MapModule): string {
  return `${module.isEntrypoint ? '▶ ' : ''}${escape(module.path)}`;
}

function escape(text: string): string {
  return text.replace(/"/g, '#quot;').replace(/[<>]/g, (char) => (char === '<' ? '#lt;' : '#gt;'));
}

/** All modules when few; else the core ones, entrypoints and the most connected first. */
function chooseModules(map: ModuleMapSection): MapModule[] {
  if (map.modules.length <= MAX_NODES) return map.modules;
  const degree = new Map<string, number>();
  for (const edge of map.edges) {
    degree.set(edge.from, (degree.get(edge.from) ?? 0) + 1);
    degree.set(edge.to, (degree.get(edge.to) ?? 0) + 1);
  }
  const score = (module: MapModule): number => (module.isEntrypoint ? 1e6 : 0) + (module.isCore ? 1e4 : 0) + (module.routes > 0 ? 1e3 : 0) + (degree.get(module.path) ?? 0);
  return [...map.modules].sort((a, b) => score(b) - score(a) || (a.path < b.path ? -1 : 1)).slice(0, MAX_NODES).sort((a, b) => (a.path < b.path ? -1 : 1));
}

function linksOf(map: ModuleMapSection, ids: Map<string, string>, inCycle: Set<string>, packages: string[]): { lines: string[]; red: number[] } {
  const lines: string[] = [];
  const red: number[] = [];
  const violations = new Set(map.violations.filter((violation) => !violation.isPackage).map((violation) => `${violation.from}\u0000${violation.to}`));
  for (const edge of map.edges) {
    const from = ids.get(edge.from);
    const to = ids.get(edge.to);
    if (!from || !to || lines.length >= MAX_LINKS) continue;
    const isViolation = violations.has(`${edge.from}\u0000${edge.to}`);
    if (isViolation || (inCycle.has(edge.from) && inCycle.has(edge.to) && edge.kind === 'load' && sameCycle(map, edge.from, edge.to))) red.push(lines.length);
    lines.push(isViolation ? `  ${from} -. violation .-> ${to}` : edge.kind === 'load' ? `  ${from} --> ${to}` : `  ${from} -.-> ${to}`);
  }
  for (const violation of map.violations) {
    const from = ids.get(violation.from);
    const index = packages.indexOf(violation.to);
    if (!violation.isPackage || !from || index === -1) continue;
    red.push(lines.length);
    lines.push(`  ${from} -. violation .-> p${index}`);
  }
  return { lines, red };
}

function sameCycle(map: ModuleMapSection, from: string, to: string): boolean {
  return map.cycles.some((cycle) => cycle.includes(from) && cycle.includes(to));
}
