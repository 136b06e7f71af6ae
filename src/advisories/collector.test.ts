import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ALL_RECORDS, EXPRESS_OPEN_REDIRECT, EXPRESS_REDIRECT_XSS, LODASH_PROTOTYPE_POLLUTION } from '../../test/support/osv-records.js';
import { startOsvStandIn } from '../../test/support/osv-stand-in.js';
import { writeTree } from '../../test/support/temp-tree.js';
import { writeZip } from '../../test/support/zip-writer.js';
import type { LivereadyConfig } from '../config/schema.js';
import type { CollectorContext } from '../engine/collectors.js';
import type { LockedPackage } from '../facts/manifest-types.js';
import { Project } from '../facts/project.js';
import type { FileFacts } from '../facts/types.js';
import { advisoriesCollector } from './collector.js';
import { resolveAdvisorySettings } from './settings.js';

const cleanups: Array<() => void | Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

const PACKAGES: LockedPackage[] = [
  { ecosystem: 'npm', name: 'express', version: '4.17.1', line: 20 },
  { ecosystem: 'npm', name: 'lodash', version: '4.17.21', line: 30 },
];

/** A project whose facts hold one package-lock.json with these packages (as the lockfile extractor records them). */
function lockedProject(root: string, packages: LockedPackage[] = PACKAGES): Project {
  const facts: FileFacts = { path: 'package-lock.json', kind: 'json', bytes: 100, lineCount: 40, hash: 'x', suppressions: [], problems: [], snippets: {}, manifest: { type: 'lockfile', format: 'package-lock', packages } };
  return new Project(root, [{ path: 'package-lock.json', size: 100, kind: 'json' }], [facts], false);
}

async function collect(project: Project, config: LivereadyConfig = {}, options: Record<string, unknown> = {}): Promise<void> {
  const context: CollectorContext = { root: project.root, project, config, findings: [], suppressed: [], runs: [], options: { advisories: options }, signal: new AbortController().signal };
  await advisoriesCollector.collect(context);
}

function databaseTree(): string {
  const tree = writeTree({ 'osv/all.zip': writeZip(Object.fromEntries(ALL_RECORDS.map((record) => [`${record.id}.json`, JSON.stringify(record)]))) });
  cleanups.push(tree.cleanup);
  return tree.root;
}

describe('advisoriesCollector', () => {
  it('loads records for the locked packages from the configured database (relative to the root), without the API', async () => {
    const root = databaseTree();
    const project = lockedProject(root);
    await collect(project, { vulnerabilities: { database: 'osv/all.zip', api: false } });
    const evidence = project.evidence.advisories;
    expect(evidence?.sources).toEqual([{ kind: 'database', location: 'osv/all.zip', records: 3 }]);
    expect(evidence?.errors).toEqual([]);
    expect(evidence?.packagesChecked).toBe(2);
    expect(evidence?.records.map((record) => record.id).sort()).toEqual([EXPRESS_REDIRECT_XSS.id, LODASH_PROTOTYPE_POLLUTION.id, EXPRESS_OPEN_REDIRECT.id].sort());
  });

  it('adds the API when one is given, and records an unreadable database as a source error', async () => {
    const server = await startOsvStandIn(ALL_RECORDS);
    cleanups.push(() => server.close());
    const project = lockedProject(databaseTree());
    await collect(project, { vulnerabilities: { database: 'osv/missing.zip' } }, { api: server.url });
    const evidence = project.evidence.advisories;
    expect(evidence?.sources).toEqual([{ kind: 'api', location: server.url, records: 3 }]);
    expect(evidence?.errors).toEqual([{ kind: 'database', location: 'osv/missing.zip', message: 'no such file or directory' }]);
  });

  it('records an API that hangs as a timed-out source and still returns', async () => {
    const server = await startOsvStandIn(ALL_RECORDS, 'hang');
    cleanups.push(() => server.close());
    const project = lockedProject(databaseTree());
    await collect(project, {}, { api: server.url, apiBudgetMs: 200 });
    expect(project.evidence.advisories?.sources).toEqual([]);
    expect(project.evidence.advisories?.errors).toEqual([{ kind: 'api', location: server.url, message: 'querybatch: timed out after 0.2 s' }]);
  });

  it('says once that there is no source when offline with no database, and does nothing without locked packages', async () => {
    const project = lockedProject(databaseTree());
    await collect(project, {}, { offline: true });
    expect(project.evidence.advisories?.note).toMatch(/^no advisory source/);
    expect(project.evidence.advisories?.sources).toEqual([]);
    const empty = lockedProject(databaseTree(), []);
    await collect(empty, { vulnerabilities: { database: 'osv/all.zip' } });
    expect(empty.evidence.advisories).toBeUndefined();
  });
});

describe('resolveAdvisorySettings', () => {
  it('lets --offline win, then an explicit URL, then LIVEREADY_OSV_API, then the config, then the public API', () => {
    expect(resolveAdvisorySettings('/app', { api: 'http://osv.internal/' }, { offline: true }, { LIVEREADY_OSV_API: 'http://env' }).api).toBeUndefined();
    expect(resolveAdvisorySettings('/app', undefined, { api: 'http://127.0.0.1:9' }, { LIVEREADY_OSV_API: 'off' }).api).toBe('http://127.0.0.1:9');
    expect(resolveAdvisorySettings('/app', { api: true }, {}, { LIVEREADY_OSV_API: 'off' }).api).toBeUndefined();
    expect(resolveAdvisorySettings('/app', { api: true }, {}, { LIVEREADY_OSV_API: 'http://mirror.local/' }).api).toBe('http://mirror.local');
    expect(resolveAdvisorySettings('/app', { api: 'http://osv.internal/' }, {}, {}).api).toBe('http://osv.internal');
    expect(resolveAdvisorySettings('/app', { api: false }, {}, {}).api).toBeUndefined();
    expect(resolveAdvisorySettings('/app', undefined, {}, {}).api).toBe('https://api.osv.dev');
  });

  it('resolves the database against the root, and --osv-db over the config', () => {
    expect(resolveAdvisorySettings('/app', { database: 'osv' }, {}, {}).database).toBe(join('/app', 'osv'));
    expect(resolveAdvisorySettings('/app', { database: 'osv' }, { database: '/data/all.zip' }, {}).database).toBe('/data/all.zip');
  });
});
