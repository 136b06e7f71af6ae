import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { validateAgainst } from '../../src/config/validate.js';
import type { ModuleMapSection } from '../../src/model/map-section-schema.js';
import { ReportSchema } from '../../src/model/report-schema.js';
import type { Report } from '../../src/model/report.js';
import { materializeFixture } from '../support/fixture-tree.js';
import { REPO_ROOT, runCli } from '../support/run-cli.js';

/** The mixed FastAPI + Next.js app: its markdown report in the layout of the brief, and the JSON it comes from. */
const fixture = materializeFixture(join(REPO_ROOT, 'test/fixtures/apps/fullstack-fastapi-next'));
afterAll(() => fixture.cleanup());
const markdown = runCli(['audit', fixture.root, '--static', '--format', 'markdown']);
const json = runCli(['audit', fixture.root, '--static', '--format', 'json']);
const report = JSON.parse(json.stdout) as Report;

function section(title: string): string {
  const start = markdown.stdout.indexOf(`\n## ${title}\n`);
  const end = markdown.stdout.indexOf('\n## ', start + 1);
  return markdown.stdout.slice(start, end === -1 ? undefined : end);
}

describe('the markdown report of a FastAPI + Next.js app', () => {
  it('passes the static gate and keeps the sections of the brief in order', () => {
    expect(markdown.stderr).toBe('');
    expect(markdown.status).toBe(0);
    const titles = ['Executive summary', 'Priority matrix', 'Module map', 'Findings', 'Environment variables', 'Quality gates', 'Simulation timeline', 'Log summary', 'Goal tracker', 'Verdict'];
    const positions = titles.map((title) => markdown.stdout.indexOf(`\n## ${title}\n`));
    expect(positions.every((position) => position > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('draws the module map as a Mermaid graph: layers as subgraphs, the entrypoint marked, the violation in red', () => {
    const map = section('Module map');
    expect(map).toContain('- **FastAPI** app `app` (`backend/app/main.py:16`)');
    expect(map).toContain('- **Next.js** app `frontend` (`frontend/package.json:1`)');
    expect(map).toContain('- **uvicorn** serving `app.main:app` (render.yaml api startCommand, `render.yaml:8`)');
    expect(map).toMatch(/```mermaid\nflowchart LR\n {2}subgraph layer_ui\["UI"\]/);
    for (const layer of ['layer_logic["Logic"]', 'layer_data["Data"]']) expect(map).toContain(`subgraph ${layer}`);
    const entry = /(m\d+)\["▶ backend\/app\/main\.py"\]/.exec(map)?.[1];
    expect(entry).toBeDefined();
    expect(map).toContain(`class ${entry} entry`);
    const from = /(m\d+)\["frontend\/components\/order-list\.tsx"\]/.exec(map)?.[1];
    const to = /(m\d+)\["frontend\/lib\/db\.ts"\]/.exec(map)?.[1];
    expect(map).toContain(`${from} -. violation .-> ${to}`);
    expect(map).toMatch(/linkStyle \d+ stroke:#c62828/);
    expect(map).toContain('- `frontend/components/order-list.tsx:5` imports `../lib/db` (`frontend/lib/db.ts`)');
  });

  it('lists the route table exactly', () => {
    const rows = section('Module map').split('\n').filter((line) => /^\| (GET|POST|PUT|DELETE|ANY)/.test(line));
    expect(rows).toEqual([
      '| GET | `/health` | `health` | FastAPI | `backend/app/main.py:21` |',
      '| GET | `/api/orders/` | `list_orders` | FastAPI | `backend/app/routers/orders.py:14` |',
      '| POST | `/api/orders/` | `create_order` | FastAPI | `backend/app/routers/orders.py:20` |',
      '| GET | `/api/health` | `GET` | Next.js | `frontend/app/api/health/route.ts:1` |',
      '| GET | `/` | `default` | Next.js | `frontend/app/page.tsx:1` |',
    ]);
  });

  it('reports the findings with location, evidence and fix', () => {
    const findings = section('Findings');
    expect(findings).toContain('#### 1. `server/no-wildcard-cors-credentials` at `backend/app/main.py:17:1`');
    expect(findings).toContain('`architecture/no-layer-violation` at `frontend/components/order-list.tsx:5:30`');
    expect(findings).toContain('`health/require-readiness-probe` at `backend/app/main.py:21`');
    expect(findings).toContain("5 | import { countOrders } from '../lib/db';");
    expect(report.findings.map((finding) => finding.checkId).sort()).toEqual(['architecture/no-layer-violation', 'health/require-readiness-probe', 'resilience/require-http-timeout', 'server/no-wildcard-cors-credentials']);
  });

  it('carries the module map in the JSON report, valid against the published schema', () => {
    expect(validateAgainst(ReportSchema, report)).toEqual([]);
    const map = report.sections.moduleMap as ModuleMapSection;
    const layerOf = Object.fromEntries(map.modules.map((module) => [module.path, module.layer]));
    expect(layerOf).toMatchObject({
      'backend/app/main.py': 'logic',
      'backend/app/db.py': 'data',
      'backend/app/models.py': 'data',
      'backend/app/routers/orders.py': 'logic',
      'frontend/app/page.tsx': 'ui',
      'frontend/components/order-list.tsx': 'ui',
      'frontend/lib/db.ts': 'data',
    });
    expect(map.entrypoints).toEqual(['backend/app/main.py']);
    expect(map.modules.filter((module) => module.isCore).map((module) => module.path)).toContain('backend/app/routers/orders.py');
    expect(report.stages.find((stage) => stage.id === 'map')?.status).toBe('failed');
  });
});
