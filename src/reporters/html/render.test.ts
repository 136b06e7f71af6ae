import { type DefaultTreeAdapterMap, parse, parseFragment } from 'parse5';
import { describe, expect, it } from 'vitest';
import type { EnvSection } from '../../model/env-section-schema.js';
import type { GoalsSection } from '../../model/goals-section-schema.js';
import type { LogsSection } from '../../model/logs-section-schema.js';
import type { ModuleMapSection, RoutesSection } from '../../model/map-section-schema.js';
import type { Report } from '../../model/report.js';
import type { SimulationSection } from '../../model/simulation-section-schema.js';
import { renderReport } from '../render.js';
import { MAX_DRAWN_MODULES, svgModuleGraph } from './module-graph.js';
import { renderHtml } from './render.js';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

const HOSTILE = 'app/<script>alert(1)</script>.py';
const IMG = 'app/"><img src=x onerror=alert(2)>.py';

function mapModule(path: string, layer: ModuleMapSection['modules'][number]['layer'], extra: Partial<ModuleMapSection['modules'][number]> = {}): ModuleMapSection['modules'][number] {
  return { path, language: 'python', layer, layers: [layer], reasons: [], isEntrypoint: false, isLoadedAtStart: true, isCore: false, isOrphan: false, isClientSide: false, frameworks: [], routes: 0, ...extra };
}

const moduleMap: ModuleMapSection = {
  version: 1,
  modules: [
    mapModule('app/main.py', 'logic', { isEntrypoint: true, isCore: true }),
    mapModule('app/models.py', 'data'),
    mapModule('app/crud.py', 'data'),
    mapModule(HOSTILE, 'logic'),
    mapModule('web/order-list.tsx', 'ui', { language: 'typescript', isClientSide: true }),
  ],
  edges: [
    { from: 'app/main.py', to: 'app/crud.py', kind: 'load' },
    { from: 'app/crud.py', to: 'app/models.py', kind: 'load' },
    { from: 'app/models.py', to: 'app/crud.py', kind: 'load' },
    { from: 'web/order-list.tsx', to: 'app/models.py', kind: 'load' },
    { from: HOSTILE, to: 'app/main.py', kind: 'lazy' },
  ],
  entrypoints: ['app/main.py'],
  cycles: [['app/crud.py', 'app/models.py']],
  violations: [{ from: 'web/order-list.tsx', to: 'app/models.py', fromLayer: 'ui', toLayer: 'data', line: 3, column: 1, module: '../app/models', isPackage: false }],
  orphans: [],
  components: [{ kind: 'app', framework: 'FastAPI', name: 'app', file: 'app/main.py', line: 4 }],
  layerCounts: { logic: 2, data: 2, ui: 1 },
};

const routes: RoutesSection = { count: 1, routes: [{ method: 'GET', path: '/health', handler: 'health', framework: 'fastapi', file: 'app/main.py', line: 9, kind: 'endpoint', owner: 'app' }] };
const env: EnvSection = { variables: [{ name: 'DATABASE_URL', status: 'missing', required: true, strict: true, secret: true, platform: false, readCount: 1, readAt: [{ file: HOSTILE, line: 2, via: 'os.environ[]' }], providedBy: [], documentedIn: [] }], exampleFiles: [] };
const logs: LogsSection = {
  failureThreshold: 2,
  window: { hours: 24, recentRuns: 1, description: 'the last 24 hours' },
  sources: [{ path: 'logs/app.log', kind: 'file', bytes: 100, lines: 10, events: 3, garbageLines: 0, timestamped: true, runs: 1 }],
  skipped: [],
  modules: [{ module: 'app/crud.py', via: 'frame', failures: 3, total: 3, overThreshold: true, groups: ['abc123abc123'] }],
  groups: [{ fingerprint: 'abc123abc123', signature: 'KeyError', module: 'app/crud.py', via: 'frame', level: 'ERROR', exception: { type: 'KeyError', message: "'<b>id</b>'" }, rootCause: "KeyError: '<b>id</b>' in app/crud.py:7", count: 3, recentCount: 3, example: { file: 'logs/app.log', line: 4, text: ['Traceback'] } }],
  omittedGroups: 0,
  foldedGroups: 0,
};
const simulation: SimulationSection = {
  healthy: false,
  timeline: [{ step: 'spawn', timeMs: 0, attempt: 0, detail: 'python app/main.py' }, { step: 'exit', timeMs: 420, attempt: 0, detail: 'exited with code 1 <before ready>' }],
  attempts: [],
  restartsAllowed: 0,
  probes: [],
  environment: { passed: [], placeholders: [], missing: ['DATABASE_URL'] },
  limits: { readyTimeoutMs: 1000, aliveMs: 1000, graceMs: 1000, installTimeoutMs: 1000 },
  outputTail: [{ process: 'app', stream: 'stderr', timeMs: 400, text: "KeyError: 'DATABASE_URL' <script>x()</script>" }],
  outputLines: 1,
  droppedLines: 0,
};

const report: Report = {
  schemaVersion: 1,
  tool: { name: 'liveready', version: '0.1.0' },
  root: '/srv/<shop>',
  generatedAt: '2026-06-01T12:00:00.000Z',
  verdict: { liveReady: false, basis: 'static', runtimeVerified: false, deathLoopCause: { checkId: 'env/no-missing-required', summary: 'DATABASE_URL is read at <start> & nothing sets it.' }, reasons: ['1 critical finding remains'] },
  gate: { failOn: 'critical', passed: false, summary: 'failed: 1 finding at or above critical' },
  stages: [
    { id: 'map', status: 'failed', summary: '3 checks ran: 1 moderate' },
    { id: 'config', status: 'failed', summary: '2 checks ran: 1 critical' },
    { id: 'simulate', status: 'skipped', summary: '--static' },
  ],
  findings: [
    { checkId: 'architecture/no-layer-violation', stage: 'map', severity: 'moderate', category: 'maintainability', message: 'The UI imports the data layer.', remediation: 'Call an API route.', location: { file: 'web/order-list.tsx', line: 3, column: 1 }, evidence: "import { Order } from '../app/models';", fingerprint: '1111111111' },
    { checkId: 'env/no-missing-required', stage: 'config', severity: 'critical', category: 'configuration', message: 'DATABASE_URL is read with no default <and nothing provides it>.\u0007\u001b[31m', remediation: 'Set DATABASE_URL in render.yaml.', location: { file: HOSTILE, line: 2, column: 7 }, evidence: 'URL = os.environ["DATABASE_URL"]  # </pre><script>alert(3)</script>', fingerprint: '2222222222' },
    { checkId: 'scan/no-hardcoded-path', stage: 'scan', severity: 'low', category: 'portability', message: 'A machine path.', remediation: 'Use a relative path.', location: { file: IMG, line: 1 }, fingerprint: '3333333333' },
  ],
  suppressed: [],
  checks: [],
  sections: { moduleMap, routes, env, logs, simulation },
  stats: { files: 5, bytes: 2048, durationMs: 100, skipped: [], listing: 'git' },
};

function elements(root: Node): Element[] {
  const out: Element[] = [];
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as Node;
    if ('tagName' in node) out.push(node);
    if ('childNodes' in node) stack.push(...[...node.childNodes].reverse());
    if ('content' in node && node.content) stack.push(node.content as Node);
  }
  return out;
}

function attr(element: Element, name: string): string | undefined {
  return element.attrs.find((attribute) => attribute.name === name)?.value;
}

function textOf(node: Node): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterMap['textNode']).value;
  return 'childNodes' in node ? node.childNodes.map(textOf).join('') : '';
}

function hasClass(element: Element, name: string): boolean {
  return (attr(element, 'class') ?? '').split(/\s+/).includes(name);
}

const html = renderHtml(report);
const all = elements(parse(html));
const byId = (id: string): Element | undefined => all.find((element) => attr(element, 'id') === id);

describe('HTML reporter', () => {
  it('is what --format html renders: one document opening with the verdict banner', () => {
    expect(renderReport('html', report)).toBe(html);
    const banner = byId('verdict') as Element;
    expect(hasClass(banner, 'blocked')).toBe(true);
    expect(textOf(banner)).toContain('LIVE_READY=false');
    expect(textOf(banner)).toContain('DEATH_LOOP_CAUSE=env/no-missing-required: DATABASE_URL is read at <start> & nothing sets it.');
    expect(textOf(banner)).toContain('Gate: failed');
  });

  it('has a card per finding, worst first, with severity and stage as data attributes, evidence with a caret and the fix', () => {
    const cards = all.filter((element) => element.tagName === 'article' && hasClass(element, 'finding'));
    expect(cards.map((card) => [attr(card, 'data-severity'), attr(card, 'data-stage')])).toEqual([['critical', 'config'], ['moderate', 'map'], ['low', 'scan']]);
    const critical = textOf(cards[0] as Element);
    expect(critical).toContain(`${HOSTILE}:2:7`);
    expect(critical).toContain('2 | URL = os.environ["DATABASE_URL"]  # </pre><script>alert(3)</script>\n  |       ^');
    expect(critical).toContain('Fix: Set DATABASE_URL in render.yaml.');
    expect(cards.every((card) => attr(card, 'hidden') === undefined)).toBe(true);
  });

  it('has a filter bar (severity boxes, stage select, search) that only the script reveals', () => {
    const bar = byId('filters') as Element;
    expect(attr(bar, 'hidden')).toBe('');
    const inside = elements(bar);
    expect(inside.filter((element) => attr(element, 'name') === 'severity').map((element) => attr(element, 'value'))).toEqual(['critical', 'moderate', 'low']);
    const select = inside.find((element) => element.tagName === 'select') as Element;
    expect(elements(select).filter((element) => element.tagName === 'option').map((option) => attr(option, 'value'))).toEqual(['', 'config', 'map', 'scan']);
    expect(inside.some((element) => element.tagName === 'input' && attr(element, 'type') === 'search')).toBe(true);
    const script = all.filter((element) => element.tagName === 'script');
    expect(script).toHaveLength(1);
    expect(textOf(script[0] as Element)).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(/);
  });

  it('creates no element from hostile file names, messages, evidence or log text', () => {
    expect(all.filter((element) => element.tagName === 'script')).toHaveLength(1);
    expect(all.some((element) => element.tagName === 'img' || element.tagName === 'b')).toBe(false);
    expect(all.some((element) => element.attrs.some((attribute) => attribute.name.startsWith('on')))).toBe(false);
    expect(textOf(parse(html))).toContain(IMG);
    expect([...html].some((char) => char < ' ' && char !== '\n')).toBe(false);
    expect(html).toContain('provides it&gt;.\ufffd\ufffd[31m');
  });

  it('points at nothing outside the page and forbids loading anything by policy', () => {
    for (const element of all) {
      for (const attribute of element.attrs.filter((candidate) => ['src', 'href', 'action', 'srcset', 'xlink:href'].includes(candidate.name))) expect(attribute.value).toMatch(/^#[\w-]+$/);
    }
    const policy = all.find((element) => attr(element, 'http-equiv') === 'Content-Security-Policy');
    expect(attr(policy as Element, 'content')).toMatch(/^default-src 'none'; style-src 'sha256-[\w+/=]+'; script-src 'sha256-[\w+/=]+'/);
    expect(html).not.toMatch(/https?:\/\//);
  });

  it('renders the stage sections that have data, and none for those without', () => {
    for (const id of ['stages', 'matrix', 'module-map', 'findings', 'environment', 'simulation', 'logs']) expect(byId(id), id).toBeDefined();
    expect(byId('goals')).toBeUndefined();
    expect(textOf(byId('environment') as Element)).toContain('DATABASE_URL');
    expect(textOf(byId('logs') as Element)).toContain("KeyError: '<b>id</b>' in app/crud.py:7");
    expect(textOf(byId('simulation') as Element)).toContain('exited with code 1 <before ready>');
    const bare = renderHtml({ ...report, sections: {} });
    for (const id of ['module-map', 'environment', 'simulation', 'logs', 'goals']) expect(bare).not.toContain(`id="${id}"`);
  });

  it('renders the goal table from sections.goals, flagging a declared status the evidence contradicts', () => {
    const goals: GoalsSection = {
      tracker: 'goal_tracker.json',
      goals: [{ module: 'app/main.py', path: 'app/main.py', goal: 'serves <orders>', declared: 'validated', measured: 'failing', isCore: true, evidence: ['1 critical finding'], line: 3, index: 0 }],
      uncovered: ['app/crud.py'],
      problems: [],
    };
    const page = elements(parse(renderHtml({ ...report, sections: { goals } })));
    const section = page.find((element) => attr(element, 'id') === 'goals') as Element;
    const rows = elements(section).filter((element) => element.tagName === 'tr');
    expect(rows.map((row) => elements(row).filter((cell) => cell.tagName === 'td').map(textOf))).toEqual([[], ['app/main.py', 'serves <orders>', 'validated', 'failing declared validated', '1 critical finding']]);
    expect(textOf(section)).toContain('Core modules with no goal: app/crud.py.');
  });
});

describe('the module graph drawn as SVG', () => {
  const svg = elements(parseFragment(svgModuleGraph(moduleMap).svg));
  const nodes = svg.filter((element) => element.tagName === 'g' && hasClass(element, 'module'));
  const edges = svg.filter((element) => element.tagName === 'path' && hasClass(element, 'edge'));
  const edgeTitled = (title: string): Element | undefined => edges.find((edge) => textOf(edge) === title);

  it('has one box per module, the hostile name as text only, and the entrypoint marked', () => {
    expect(nodes.map((node) => attr(node, 'data-key')).sort()).toEqual(moduleMap.modules.map((module) => module.path).sort());
    const entry = nodes.find((node) => attr(node, 'data-key') === 'app/main.py') as Element;
    expect(hasClass(entry, 'entry')).toBe(true);
    expect(textOf(entry)).toContain('▶ app/main.py');
    expect(nodes.filter((node) => hasClass(node, 'entry'))).toHaveLength(1);
    expect(svg.some((element) => element.tagName === 'script')).toBe(false);
  });

  it('draws every import, the violation and the cycle edges in red, the lazy import dashed', () => {
    expect(edges).toHaveLength(moduleMap.edges.length);
    const violation = edgeTitled('web/order-list.tsx imports app/models.py (layer violation)') as Element;
    expect(attr(violation, 'class')).toBe('edge violation');
    expect(attr(violation, 'marker-end')).toBe('url(#arrow-red)');
    expect(edges.filter((edge) => hasClass(edge, 'cycle')).map(textOf).sort()).toEqual(['app/crud.py imports app/models.py (import cycle)', 'app/models.py imports app/crud.py (import cycle)']);
    expect(attr(edgeTitled('app/main.py imports app/crud.py') as Element, 'class')).toBe('edge load');
    expect(attr(edgeTitled(`${HOSTILE} imports app/main.py`) as Element, 'class')).toBe('edge lazy');
  });

  it('puts layers in columns, UI first, and titles them with their counts', () => {
    const titles = svg.filter((element) => hasClass(element, 'layer-title'));
    expect(titles.map(textOf)).toEqual(['UI (1)', 'Logic (2)', 'Data (2)']);
    expect(titles.map((title) => Number(attr(title, 'x')))).toEqual([...titles.map((title) => Number(attr(title, 'x')))].sort((a, b) => a - b));
  });

  it('draws a database package a violation reaches as its own box', () => {
    const withPackage: ModuleMapSection = { ...moduleMap, violations: [...moduleMap.violations, { from: 'web/order-list.tsx', to: 'pg', fromLayer: 'ui', toLayer: 'data', line: 1, column: 1, module: 'pg', isPackage: true }] };
    const drawn = elements(parseFragment(svgModuleGraph(withPackage).svg));
    expect(drawn.filter((element) => hasClass(element, 'package')).map(textOf)).toEqual(['pg: a database packagepg (package)']);
    expect(drawn.filter((element) => hasClass(element, 'violation'))).toHaveLength(2);
  });

  it(`above ${MAX_DRAWN_MODULES} modules draws the layer summary instead, and says so`, () => {
    const modules = Array.from({ length: MAX_DRAWN_MODULES + 1 }, (_, index) => mapModule(`app/m${index}.py`, index === 0 ? 'ui' : index % 2 === 0 ? 'logic' : 'data'));
    const big: ModuleMapSection = { ...moduleMap, modules, cycles: [], violations: [{ ...moduleMap.violations[0]!, from: 'app/m0.py', to: 'app/m1.py' }], edges: [{ from: 'app/m0.py', to: 'app/m1.py', kind: 'load' }, { from: 'app/m2.py', to: 'app/m1.py', kind: 'load' }, { from: 'app/m4.py', to: 'app/m3.py', kind: 'load' }, { from: 'app/m4.py', to: 'app/m6.py', kind: 'load' }] };
    const graph = svgModuleGraph(big);
    const drawn = elements(parseFragment(graph.svg));
    expect(drawn.filter((element) => hasClass(element, 'module'))).toHaveLength(0);
    expect(drawn.filter((element) => hasClass(element, 'layer')).map((element) => textOf(element).split(' in the ')[0])).toEqual(['1 module', '75 modules', '75 modules']);
    const lines = drawn.filter((element) => hasClass(element, 'edge'));
    expect(lines.map((edge) => [textOf(edge), attr(edge, 'class')])).toEqual([
      ['1 import from ui to data (includes layer violations)', 'edge violation'],
      ['2 imports from logic to data', 'edge load'],
    ]);
    expect(graph.note).toContain(`${MAX_DRAWN_MODULES + 1} modules are more than the ${MAX_DRAWN_MODULES} drawn one by one`);
  });
});
