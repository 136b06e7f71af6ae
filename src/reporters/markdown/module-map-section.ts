import type { ModuleMapSection, RoutesSection } from '../../model/map-section-schema.js';
import { layerTitle } from '../../facts/service/layers.js';
import type { Report } from '../../model/report.js';
import { mermaidModuleGraph } from './mermaid-graph.js';
import { inlineCode, markdownTable } from './table.js';

const MAX_ROUTE_ROWS = 100;
const MAX_LISTED = 10;

/** "Module map": components, the Mermaid graph of modules by layer, cycles, violations, orphans, and the route table. */
export function renderModuleMap(report: Report): string[] | undefined {
  const map = report.sections.moduleMap as ModuleMapSection | undefined;
  const routes = report.sections.routes as RoutesSection | undefined;
  if (!map && !routes) return undefined;
  const out: string[] = [];
  if (map) out.push(...components(map), '', ...summary(map), '', ...mermaidModuleGraph(map), '', ...problems(map), '');
  out.push('### Route table', '', ...routeTable(routes));
  return out;
}

function components(map: ModuleMapSection): string[] {
  if (map.components.length === 0) return ['### Components', '', 'No web framework, worker or server was recognized.'];
  const lines = map.components.map((component) => {
    const where = inlineCode(`${component.file}:${component.line}`);
    const name = component.name ? ` ${inlineCode(component.name)}` : '';
    if (component.kind === 'server') return `- **${component.framework}** serving${name} (${component.startedBy ?? 'start command'}, ${where})`;
    return `- **${component.framework}** ${component.kind}${name} (${where}${component.startedBy ? `, ${component.startedBy}` : ''})`;
  });
  return ['### Components', '', ...lines];
}

function summary(map: ModuleMapSection): string[] {
  const counts = Object.entries(map.layerCounts)
    .filter(([, count]) => count > 0)
    .map(([layer, count]) => `${count} ${layerTitle(layer)}`);
  const entry = map.entrypoints.length > 0 ? map.entrypoints.map(inlineCode).join(', ') : 'none found';
  const core = map.modules.filter((module) => module.isCore).length;
  return [
    '### Modules',
    '',
    `${map.modules.length} modules${map.truncated ? ' (list truncated)' : ''} (${counts.join(', ')}); ${core} core. Entrypoints: ${entry}. Cycles: ${map.cycles.length}. Layer violations: ${map.violations.length}. Orphans: ${map.orphans.length}.`,
  ];
}

function problems(map: ModuleMapSection): string[] {
  const out: string[] = [];
  if (map.cycles.length > 0) out.push('**Import cycles** (modules that import each other at load time):', '', ...map.cycles.slice(0, MAX_LISTED).map((cycle) => `- ${cycle.map(inlineCode).join(' <-> ')}`), '');
  if (map.violations.length > 0) {
    out.push('**Layer violations** (client-side UI reaching into the data layer):', '', ...map.violations.slice(0, MAX_LISTED).map((violation) => `- ${inlineCode(`${violation.from}:${violation.line}`)} imports ${inlineCode(violation.module)} (${violation.isPackage ? 'a database package' : inlineCode(violation.to)})`), '');
  }
  if (map.orphans.length > 0) out.push(`**Orphans** (nothing imports them, no convention loads them): ${map.orphans.slice(0, MAX_LISTED).map(inlineCode).join(', ')}${map.orphans.length > MAX_LISTED ? ` and ${map.orphans.length - MAX_LISTED} more` : ''}.`, '');
  if (out.length === 0) out.push('No import cycles, layer violations or orphans.', '');
  return out.slice(0, -1);
}

function routeTable(routes: RoutesSection | undefined): string[] {
  if (!routes || routes.routes.length === 0) return ['No routes declared (no recognized web framework route, page or handler).'];
  const rows = routes.routes.slice(0, MAX_ROUTE_ROWS).map((route) => [route.method, inlineCode(route.path), route.handler ? inlineCode(route.handler) : route.kind === 'page' ? 'page' : '(inline)', route.framework || '-', inlineCode(`${route.file}:${route.line}`)]);
  const more = routes.count > MAX_ROUTE_ROWS ? ['', `${routes.count - MAX_ROUTE_ROWS} more routes in the JSON report (\`sections.routes\`).`] : [];
  return [`${routes.count} route${routes.count === 1 ? '' : 's'}:`, '', ...markdownTable(['Method', 'Path', 'Handler', 'Framework', 'Location'], rows), ...more];
}
