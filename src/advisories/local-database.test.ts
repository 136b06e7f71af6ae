import { mkdirSync, readFileSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ALL_RECORDS, DJANGO_REDOS_GHSA, DJANGO_REDOS_PYSEC, EXPRESS_OPEN_REDIRECT, EXPRESS_REDIRECT_XSS } from '../../test/support/osv-records.js';
import { writeTree } from '../../test/support/temp-tree.js';
import { writeZip } from '../../test/support/zip-writer.js';
import { wantedPackages } from '../facts/advisories/record-filter.js';
import { loadDatabase } from './local-database.js';
import { indexFileOf } from './zip-index.js';

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

function tree(files: Record<string, string | Buffer>): string {
  const written = writeTree(files);
  cleanups.push(written.cleanup);
  return written.root;
}

const recordFiles = Object.fromEntries(ALL_RECORDS.map((record) => [`${record.id}.json`, JSON.stringify(record, null, 2)]));
const wanted = wantedPackages([
  { ecosystem: 'npm', name: 'express' },
  { ecosystem: 'PyPI', name: 'Django' },
]);
const never = new AbortController().signal;
const ids = (records: Array<{ id: string }>): string[] => records.map((record) => record.id).sort();

describe('loadDatabase', () => {
  it('reads the records naming locked packages from a directory at any depth, and nothing else', async () => {
    const root = tree({
      'npm/GHSA-rv95-896h-c2vc.json': recordFiles['GHSA-rv95-896h-c2vc.json'] ?? '',
      'npm/nested/deeper/GHSA-qw6h-vgh9-j6wx.json': recordFiles['GHSA-qw6h-vgh9-j6wx.json'] ?? '',
      'npm/GHSA-jf85-cpcp-j695.json': recordFiles['GHSA-jf85-cpcp-j695.json'] ?? '',
      'PyPI/PYSEC-2023-100.json': recordFiles['PYSEC-2023-100.json'] ?? '',
      'PyPI/GHSA-jh3w-4vvf-mjgr.json': recordFiles['GHSA-jh3w-4vvf-mjgr.json'] ?? '',
      'PyPI/broken.json': '{"id": "PYSEC-BROKEN", "affected": [{"package": {"name": "django"',
      'PyPI/README.md': 'not a record',
    });
    const result = await loadDatabase(root, wanted, never);
    expect(ids(result.records)).toEqual([DJANGO_REDOS_GHSA.id, EXPRESS_REDIRECT_XSS.id, EXPRESS_OPEN_REDIRECT.id, DJANGO_REDOS_PYSEC.id].sort());
    expect(result.scanned).toBe(6);
  });

  it('does not follow a symlinked directory loop', async () => {
    const root = tree({ 'osv/GHSA-rv95-896h-c2vc.json': recordFiles['GHSA-rv95-896h-c2vc.json'] ?? '' });
    symlinkSync(join(root, 'osv'), join(root, 'osv', 'loop'));
    expect(ids((await loadDatabase(join(root, 'osv'), wanted, never)).records)).toEqual([EXPRESS_OPEN_REDIRECT.id]);
  });

  it("reads osv.dev's all.zip format: one JSON record per entry", async () => {
    const root = tree({ 'all.zip': writeZip({ ...recordFiles, 'notes.txt': 'skip me' }) });
    const result = await loadDatabase(join(root, 'all.zip'), wanted, never);
    expect(ids(result.records)).toEqual([DJANGO_REDOS_GHSA.id, EXPRESS_REDIRECT_XSS.id, EXPRESS_OPEN_REDIRECT.id, DJANGO_REDOS_PYSEC.id].sort());
    expect(result.scanned).toBe(ALL_RECORDS.length);
  });

  it('keeps an index of a zip in the cache directory: later runs read only the wanted entries, a changed zip is scanned again', async () => {
    const root = tree({ 'all.zip': writeZip(recordFiles), 'cache/.keep': '' });
    const zip = join(root, 'all.zip');
    const cacheDir = join(root, 'cache');
    const expected = [DJANGO_REDOS_GHSA.id, EXPRESS_REDIRECT_XSS.id, EXPRESS_OPEN_REDIRECT.id, DJANGO_REDOS_PYSEC.id].sort();
    expect(ids((await loadDatabase(zip, wanted, never, cacheDir)).records)).toEqual(expected);
    const indexFile = indexFileOf(cacheDir, zip) as string;
    const index = JSON.parse(readFileSync(indexFile, 'utf8')) as { entries: unknown[]; names: Record<string, number[]> };
    expect(index.entries).toHaveLength(ALL_RECORDS.length);
    expect(Object.keys(index.names)).toEqual(expect.arrayContaining(['express', 'lodash', 'django']));
    // The second run answers from the index: filing django under nothing hides its records.
    writeFileSync(indexFile, JSON.stringify({ ...index, names: { ...index.names, django: [] } }));
    expect(ids((await loadDatabase(zip, wanted, never, cacheDir)).records)).toEqual([EXPRESS_REDIRECT_XSS.id, EXPRESS_OPEN_REDIRECT.id].sort());
    // A new export (other size and time) gets its own index: the full scan finds everything again.
    writeFileSync(zip, writeZip({ ...recordFiles, 'extra.json': JSON.stringify({ id: 'GHSA-extra', affected: [] }) }));
    utimesSync(zip, new Date(), new Date(Date.now() + 5000));
    expect(ids((await loadDatabase(zip, wanted, never, cacheDir)).records)).toEqual(expected);
    // An unreadable index is ignored, never trusted.
    writeFileSync(indexFileOf(cacheDir, zip) as string, '{"version": 1, "entries": "no"');
    expect(ids((await loadDatabase(zip, wanted, never, cacheDir)).records)).toEqual(expected);
  });

  it('rejects a corrupt zip, a missing path and a file that is neither a directory nor a zip', async () => {
    const root = tree({ 'all.zip': 'PK this is not a zip', 'osv.json': JSON.stringify(EXPRESS_OPEN_REDIRECT) });
    await expect(loadDatabase(join(root, 'all.zip'), wanted, never)).rejects.toThrow();
    await expect(loadDatabase(join(root, 'missing'), wanted, never)).rejects.toThrow(/ENOENT/);
    await expect(loadDatabase(join(root, 'osv.json'), wanted, never)).rejects.toThrow('not a directory or a .zip file');
  });

  it('matches PyPI names normalized in both directions and escaped names in the JSON', async () => {
    const root = tree({});
    mkdirSync(join(root, 'db'));
    writeFileSync(join(root, 'db', 'a.json'), JSON.stringify({ ...DJANGO_REDOS_GHSA, affected: [{ ...DJANGO_REDOS_GHSA.affected[0], package: { ecosystem: 'PyPI', name: 'DJANGO' } }] }));
    writeFileSync(join(root, 'db', 'b.json'), '{"id":"GHSA-esc","affected":[{"package":{"ecosystem":"npm","name":"expr\\u0065ss"},"versions":["4.17.1"]}]}');
    expect(ids((await loadDatabase(join(root, 'db'), wanted, never)).records)).toEqual(['GHSA-esc', DJANGO_REDOS_GHSA.id].sort());
  });
});
