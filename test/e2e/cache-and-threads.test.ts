import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as CollectFacts from '../../src/engine/collect-facts.js';
import type { Report } from '../../src/model/report.js';
import { runCli } from '../support/run-cli.js';

let root = '';
let cacheDir = '';

/** 480 small modules (enough for the worker pool) with a few real findings among them. */
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'liveready-threads-'));
  cacheDir = mkdtempSync(join(tmpdir(), 'liveready-cache-'));
  const write = (path: string, text: string): void => {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  write('requirements.txt', 'flask\n');
  for (let index = 0; index < 240; index += 1) {
    write(`svc/module_${index}.py`, `import os\nimport requests\n\n\ndef handle_${index}(url):\n    try:\n        return requests.get(url)\n    except Exception:\n        pass\n`);
    write(`web/route_${index}.ts`, `import { db } from './db';\nexport async function load${index}(id: string) {\n  const response = await fetch(\`https://api.example.com/\${id}\`);\n  return db.save(await response.json());\n}\n`);
  }
  write('web/db.ts', 'export const db = { save: async (value: unknown) => value };\n');
});
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(cacheDir, { recursive: true, force: true });
});

describe('worker threads and the facts cache', () => {
  it('extract the same facts on worker threads as on one thread', async () => {
    // The built module: worker threads run the compiled worker script next to it.
    const built = '../../dist/engine/collect-facts.js';
    const { collectFacts, collectFactsInParallel } = (await import(built)) as typeof CollectFacts;
    const options = { maxFileSize: 1 << 20, isIgnoredPath: () => false };
    const sequential = collectFacts(root, { ...options, threads: 0 });
    const parallel = await collectFactsInParallel(root, { ...options, threads: 2 });
    expect(parallel.facts.length).toBe(482);
    expect(parallel.facts).toEqual(sequential.facts);
  });

  it('give the same report on a cold run, a warm run and with --no-cache', () => {
    const audit = (...extra: string[]): Report => JSON.parse(runCli(['audit', root, '--static', '--format', 'json', '--fail-on', 'info', ...extra], { timeoutMs: 60_000 }).stdout) as Report;
    const cold = audit('--cache-dir', cacheDir);
    const warm = audit('--cache-dir', cacheDir);
    const uncached = audit('--no-cache');
    expect(cold.stats.cache).toEqual({ hits: 0, misses: 482, reused: 0 });
    expect(warm.stats.cache).toMatchObject({ hits: 482, misses: 0 });
    // Nothing changed: the scan checks' results are the last run's (tree-memo.test.ts has the rules).
    expect(warm.checks.filter((run) => run.stage === 'scan' && run.status !== 'skipped').every((run) => run.reused)).toBe(true);
    // Reused: those check runs, plus the report sections built from facts.
    expect(warm.stats.cache?.reused).toBeGreaterThan(warm.checks.filter((run) => run.reused).length);
    expect(uncached.stats.cache).toBeUndefined();
    const summary = (report: Report): string[] => report.findings.map((finding) => `${finding.checkId} ${finding.location.file}:${finding.location.line}`);
    expect(summary(warm)).toEqual(summary(cold));
    expect(summary(uncached)).toEqual(summary(cold));
    expect(summary(cold).filter((line) => line.startsWith('resilience/no-swallowed-exception'))).toHaveLength(240);
  });
});
