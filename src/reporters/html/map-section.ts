import type { ModuleMapSection, RoutesSection } from '../../model/map-section-schema.js';
import type { Report } from '../../model/report.js';
import { code, escapeHtml, htmlTable, section } from './escape.js';
import { svgModuleGraph } from './module-graph.js';
import { layerTitle } from '../../facts/service/layers.js';

const MAX_LISTED = 10;
const MAX_ROUTE_ROWS = 200;

/** "Module map": components, the drawn graph, cycles/violations/orphans, and the route table. */
export function renderModuleMap(report: Report): string | undefined {
  const map = report.sections.moduleMap as ModuleMapSection | undefined;
  const routes = report.sections.routes as RoutesSection | undefined;
  if (!map && !routes) return undefined;
  const parts: string[] = [];
  if (map) {
    const graph = svgModuleGraph(map);
    parts.push(components(map), summary(map), `<figure class="graph-wrap">${graph.svg}<figcaption>${escapeHtml(graph.note)} ${LEGEND}</figcaption></figure>`, problems(map));
  }
  if (routes) parts.push('<h3>Route table</h3>', routeTable(routes));
  return section('module-map', 'Module map', parts.join('\n'));
}

const LEGEND = '<span class="legend"><span class="key entry">▶ entrypoint</span> <span class="key cycle">import cycle</span> <span class="key violation">layer violation</span> <span class="key lazy">lazy or type-only import</span></span>';

function components(map: ModuleMapSection): string {
  if (map.components.length === 0) return '<h3>Components</h3>\n<p>No web framework, worker or server was recognized.</p>';
  const items = map.components.map((component) => {
    const where = code(`${component.file}:${component.line}`);
    const name = component.name ? ` ${code(component.name)}` : '';
    if (component.kind === 'server') return `<li><strong>${escapeHtml(component.framework)}</strong> serving${name} (${escapeHtml(component.startedBy ?? 'start command')}, ${where})</li>`;
    return `<li><strong>${escapeHtml(component.framework)}</strong> ${escapeHtml(component.kind)}${name} (${where}${component.startedBy ? `, ${escapeHtml(component.startedBy)}` : ''})</li>`;
  });
  return `<h3>Components</h3>\n<ul>${items.join('')}</ul>`;
}

function summary(map: ModuleMapSection): string {
  const counts = Object.entries(map.layerCounts)
    .filter(([, count]) => count > 0)
    .map(([layer, count]) => `${count} ${escapeHtml(layerTitle(layer))}`);
  const entry = map.entrypoints.length > 0 ? map.entrypoints.map(code).join(', ') : 'none found';
  const core = map.modules.filter((module) => module.isCore).length;
  return `<h3>Modules</h3>\n<p>${map.modules.length} modules${map.truncated ? ' (list truncated)' : ''} (${counts.join(', ')}); ${core} core. Entrypoints: ${entry}. Cycles: ${map.cycles.length}. Layer violations: ${map.violations.length}. Orphans: ${map.orphans.length}.</p>`;
}

function problems(map: ModuleMapSection): string {
  const out: string[] = [];
  if (map.cycles.length > 0) out.push(`<p><strong>Import cycles</strong> (modules that import each other at load time):</p><ul>${map.cycles.slice(0, MAX_LISTED).map((cycle) => `<li>${cycle.map(code).join(' &lt;-&gt; ')}</li>`).join('')}</ul>`);
  if (map.violations.length > 0) {
    const items = map.violations.slice(0, MAX_LISTED).map((violation) => `<li>${code(`${violation.from}:${violation.line}`)} imports ${code(violation.module)} (${violation.isPackage ? 'a database package' : code(violation.to)})</li>`);
    out.push(`<p><strong>Layer violations</strong> (client-side UI reaching into the data layer):</p><ul>${items.join('')}</ul>`);
  }
  if (map.orphans.length > 0) out.push(`<p><strong>Orphans</strong> (nothing imports them, no convention loads them): ${map.orphans.slice(0, MAX_LISTED).map(code).join(', ')}${map.orphans.length > MAX_LISTED ? ` and ${map.orphans.length - MAX_LISTED} more` : ''}.</p>`);
  return out.length > 0 ? out.join('\n') : '<p>No import cycles, layer violations or orphans.</p>';
}

function routeTable(routes: RoutesSection): string {
  if (routes.routes.length === 0) return '<p>No routes declared (no recognized web framework route, page or handler).</p>';
  const rows = routes.routes.slice(0, MAX_ROUTE_ROWS).map((route) => [escapeHtml(route.method), code(route.path), route.handler ? code(route.handler) : route.kind === 'page' ? 'page' : '(inline)', escapeHtml(route.framework || '-'), code(`${route.file}:${route.line}`)]);
  const more = routes.count > rows.length ? `<p>${routes.count - rows.length} more routes in the JSON report (sections.routes).</p>` : '';
  return `<p>${routes.count} route${routes.count === 1 ? '' : 's'}:</p>\n${htmlTable(['Method', 'Path', 'Handler', 'Framework', 'Location'], rows)}${more}`;
}
