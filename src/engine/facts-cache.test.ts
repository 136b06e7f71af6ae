import { mkdtempSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeTree } from '../../test/support/temp-tree.js';
import { type CollectOptions, collectFacts } from './collect-facts.js';

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

function setup(): { root: string; cacheDir: string; options: CollectOptions } {
  const tree = writeTree({
    'app/main.py': 'import os\nwhile True:\n    os.environ.get("PORT")\n',
    'web/server.js': "const express = require('express');\nexpress().listen(process.env.PORT);\n",
    'logo.png': Buffer.from([0x89, 0x50, 0x4e, 0x47]),
    'README.md': '# shop\n',
  });
  const cacheDir = mkdtempSync(join(tmpdir(), 'liveready-cache-'));
  cleanups.push(tree.cleanup, () => rmSync(cacheDir, { recursive: true, force: true }));
  return { root: tree.root, cacheDir, options: { maxFileSize: 1 << 20, isIgnoredPath: () => false, cacheDir } };
}

describe('facts cache', () => {
  it('serves an unchanged tree from the cache with the same facts, and re-extracts only what changed', () => {
    const { root, options } = setup();
    const first = collectFacts(root, options);
    expect(first.cache).toEqual({ hits: 0, misses: 3 });
    const second = collectFacts(root, options);
    expect(second.cache).toEqual({ hits: 3, misses: 0 });
    expect(second.facts).toEqual(first.facts);
    expect(second.skipped).toEqual(first.skipped);

    writeFileSync(join(root, 'app/main.py'), 'import os\nimport sys\nsys.exit(os.getpid())\n');
    const third = collectFacts(root, options);
    expect(third.cache).toEqual({ hits: 2, misses: 1 });
    expect(third.facts.find((facts) => facts.path === 'app/main.py')?.source?.code?.calls.map((call) => call.callee)).toEqual(['sys.exit']);
  });

  it('keeps its files readable by the user only (facts carry env-file values)', () => {
    const { root, cacheDir, options } = setup();
    const nested = join(cacheDir, 'new-dir');
    collectFacts(root, { ...options, cacheDir: nested });
    const packs = readdirSync(nested).filter((name) => !name.startsWith('.'));
    expect(packs.length).toBeGreaterThan(0);
    expect(statSync(nested).mode & 0o777).toBe(0o700);
    for (const pack of packs) expect(statSync(join(nested, pack)).mode & 0o777).toBe(0o600);
  });

  it('reuses facts by content hash when only the timestamp changed', () => {
    const { root, options } = setup();
    collectFacts(root, options);
    const later = new Date(Date.now() + 60_000);
    utimesSync(join(root, 'web/server.js'), later, later);
    expect(collectFacts(root, options).cache).toEqual({ hits: 3, misses: 0 });
  });

  it('survives a corrupt cache file and an unusable cache directory', () => {
    const { root, cacheDir, options } = setup();
    collectFacts(root, options);
    for (const name of readdirSync(cacheDir)) writeFileSync(join(cacheDir, name), '{"format": 1, "entries": [trunc');
    expect(collectFacts(root, options).cache).toEqual({ hits: 0, misses: 3 });
    const notADirectory = join(cacheDir, 'file');
    writeFileSync(notADirectory, 'x');
    const blocked = collectFacts(root, { ...options, cacheDir: join(notADirectory, 'cache') });
    expect(blocked.facts.map((facts) => facts.path)).toEqual(['README.md', 'app/main.py', 'web/server.js']);
  });
});
