import type { ModuleMapSection } from '../../model/map-section-schema.js';
import { layerTitle } from '../../facts/service/layers.js';
import { type Box, LAYER_ORDER, drawEdge, svgDocument } from './svg.js';

type MapModule = ModuleMapSection['modules'][number];

/** Above this many modules the graph is drawn per layer (counts and edges between layers). */
export const MAX_DRAWN_MODULES = 150;
const MAX_EDGES = 2000;
const PER_COLUMN = 40;

/**
 * The module map as inline SVG: one column per layer (wrapping every PER_COLUMN modules), a box per
 * module, a line per import. Entrypoints have a thick border and ▶; import-cycle edges and layer
 * violations are red (violations dashed). Database packages a violation reaches get a box in Data.
 */
export function svgModuleGraph(map: ModuleMapSection): { svg: string; note: string } {
  if (map.modules.length > MAX_DRAWN_MODULES) return svgLayerSummary(map);
  const inCycle = new Set(map.cycles.flat());
  const packages = [...new Set(map.violations.filter((violation) => violation.isPackage).map((violation) => violation.to))].sort();
  const boxes = new Map<string, Box>();
  let column = 0;
  for (const layer of LAYER_ORDER) {
    const members = map.modules.filter((module) => module.layer === layer).sort((a, b) => (a.path < b.path ? -1 : 1));
    const items = [...members.map((module) => moduleBox(module, inCycle)), ...(layer === 'data' ? packages.map(packageBox) : [])];
    if (items.length === 0) continue;
    items.forEach((item, index) => {
      item.column = column + Math.floor(index / PER_COLUMN);
      item.row = index % PER_COLUMN;
      item.header = index === 0 ? `${layerTitle(layer)} (${members.length})` : undefined;
      boxes.set(item.key, item);
    });
    column += Math.ceil(items.length / PER_COLUMN);
  }
  const violations = new Set(map.violations.map((violation) => `${violation.from}\u0000${violation.to}`));
  const edges: string[] = [];
  for (const edge of map.edges) {
    const from = boxes.get(edge.from);
    const to = boxes.get(edge.to);
    if (!from || !to || edges.length >= MAX_EDGES) continue;
    const kind = violations.has(`${edge.from}\u0000${edge.to}`) ? 'violation' : edge.kind === 'load' && sameCycle(map, edge.from, edge.to) ? 'cycle' : edge.kind;
    edges.push(drawEdge(from, to, kind, `${edge.from} imports ${edge.to}${kind === 'violation' ? ' (layer violation)' : kind === 'cycle' ? ' (import cycle)' : ''}`));
  }
  for (const violation of map.violations.filter((candidate) => candidate.isPackage)) {
    const from = boxes.get(violation.from);
    const to = boxes.get(`package:${violation.to}`);
    if (from && to) edges.push(drawEdge(from, to, 'violation', `${violation.from} imports ${violation.module} (layer violation)`));
  }
  const skipped = map.edges.length - Math.min(map.edges.length, MAX_EDGES);
  const note = `${map.modules.length} modules, ${map.edges.length} imports${skipped > 0 ? ` (the first ${MAX_EDGES} drawn)` : ''}${map.truncated ? '; the module list itself was truncated by the map stage' : ''}.`;
  return { svg: svgDocument([...boxes.values()], edges, 'Module import graph by layer'), note };
}

function moduleBox(module: MapModule, inCycle: Set<string>): Box {
  const classes = ['module', module.isEntrypoint ? 'entry' : '', inCycle.has(module.path) ? 'cycle' : '', module.isOrphan ? 'orphan' : '', module.isCore ? 'core' : ''];
  return { key: module.path, label: `${module.isEntrypoint ? '▶ ' : ''}${module.path}`, title: `${module.path} (${module.layer}${module.isEntrypoint ? ', entrypoint' : ''}${module.isCore ? ', core' : ''})`, classes: classes.filter(Boolean).join(' '), column: 0, row: 0 };
}

function packageBox(name: string): Box {
  return { key: `package:${name}`, label: `${name} (package)`, title: `${name}: a database package`, classes: 'package', column: 0, row: 0 };
}

function sameCycle(map: ModuleMapSection, from: string, to: string): boolean {
  return map.cycles.some((cycle) => cycle.includes(from) && cycle.includes(to));
}

/** Too many modules to draw one by one: a box per layer with its count, and the imports between layers. */
function svgLayerSummary(map: ModuleMapSection): { svg: string; note: string } {
  const layerOf = new Map(map.modules.map((module) => [module.path, module.layer]));
  const counts = new Map<string, number>();
  for (const module of map.modules) counts.set(module.layer, (counts.get(module.layer) ?? 0) + 1);
  const boxes = new Map<string, Box>();
  LAYER_ORDER.filter((layer) => counts.has(layer)).forEach((layer, index) => {
    const count = `${counts.get(layer)} module${counts.get(layer) === 1 ? '' : 's'}`;
    boxes.set(layer, { key: layer, label: `${layerTitle(layer)}: ${count}`, title: `${count} in the ${layer} layer`, classes: 'layer', column: index, row: 0 });
  });
  const between = new Map<string, number>();
  for (const edge of map.edges) {
    const from = layerOf.get(edge.from);
    const to = layerOf.get(edge.to);
    if (from && to && from !== to) between.set(`${from}\u0000${to}`, (between.get(`${from}\u0000${to}`) ?? 0) + 1);
  }
  const violating = new Set(map.violations.map((violation) => `${violation.fromLayer}\u0000${violation.toLayer}`));
  const edges = [...between].flatMap(([key, count]) => {
    const [from, to] = key.split('\u0000') as [string, string];
    const fromBox = boxes.get(from);
    const toBox = boxes.get(to);
    return fromBox && toBox ? [drawEdge(fromBox, toBox, violating.has(key) ? 'violation' : 'load', `${count} import${count === 1 ? '' : 's'} from ${from} to ${to}${violating.has(key) ? ' (includes layer violations)' : ''}`)] : [];
  });
  const note = `${map.modules.length} modules are more than the ${MAX_DRAWN_MODULES} drawn one by one, so this is the layer summary: one box per layer with its module count, one line per pair of layers that import each other (hover for the count); red: the pair has layer violations. Every module is in sections.moduleMap of the JSON report.`;
  return { svg: svgDocument([...boxes.values()], edges, `Layer summary of ${map.modules.length} modules`), note };
}
