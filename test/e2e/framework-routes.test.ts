import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { audit } from '../../src/engine/audit.js';
import type { ModuleMapSection, RoutesSection } from '../../src/model/map-section-schema.js';
import { materializeFixture } from '../support/fixture-tree.js';
import { REPO_ROOT } from '../support/run-cli.js';

/**
 * Each framework's fixture app and the route table the report lists for it, exactly: method, full
 * path (prefixes and mounts applied), handler, framework, file:line. `expected-routes.txt` is the
 * snapshot (written when missing outside CI; UPDATE_SNAPSHOTS=1 rewrites it: read the diff).
 */
const FRAMEWORKS = join(REPO_ROOT, 'test/fixtures/frameworks');

function routeLines(routes: RoutesSection | undefined): string {
  return (routes?.routes ?? []).map((route) => `${route.method} ${route.path} ${route.handler || '-'} ${route.framework || '-'} ${route.file}:${route.line}`).join('\n') + '\n';
}

function componentLines(map: ModuleMapSection | undefined): string {
  return (map?.components ?? []).map((component) => `${component.kind} ${component.framework} ${component.name || '-'} ${component.file}:${component.line}${component.startedBy ? ` (${component.startedBy})` : ''}`).join('\n') + '\n';
}

function compareSnapshot(path: string, actual: string): void {
  if (!existsSync(path) || process.env.UPDATE_SNAPSHOTS === '1') {
    if (process.env.CI && !existsSync(path)) throw new Error(`missing snapshot ${path}`);
    writeFileSync(path, actual);
  }
  expect(actual).toBe(readFileSync(path, 'utf8'));
}

describe('framework fixture apps: the report lists their routes and components exactly', () => {
  for (const name of readdirSync(FRAMEWORKS).sort()) {
    it(name, async () => {
      const fixture = materializeFixture(join(FRAMEWORKS, name));
      try {
        const report = await audit({ root: fixture.root, checks: [], isStatic: true });
        compareSnapshot(join(FRAMEWORKS, name, 'expected-routes.txt'), routeLines(report.sections.routes as RoutesSection | undefined).replace(/^\n$/, ''));
        compareSnapshot(join(FRAMEWORKS, name, 'expected-components.txt'), componentLines(report.sections.moduleMap as ModuleMapSection | undefined).replace(/^\n$/, ''));
      } finally {
        fixture.cleanup();
      }
    });
  }
});
