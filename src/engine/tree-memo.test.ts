import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeTree } from '../../test/support/temp-tree.js';
import { type Check, defineCheck } from '../checks/api.js';
import { ALL_CHECKS } from '../checks/registry.js';
import type { Report } from '../model/report.js';
import { audit } from './audit.js';
import type { Collector } from './collectors.js';

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

const APP = {
  'requirements.txt': 'flask==3.0.0\n',
  'app/main.py': 'import os\nimport requests\nfrom app import helpers\n\nAPI = os.environ["API_URL"]\n\ndef fetch():\n    return requests.get(API)\n',
  'app/helpers.py': 'def spin():\n    while True:\n        pass\n',
  'Procfile': 'web: python app/main.py\n',
};

function setup(files: Record<string, string> = APP): { root: string; cacheDir: string } {
  const tree = writeTree(files);
  const cacheDir = mkdtempSync(join(tmpdir(), 'liveready-memo-'));
  cleanups.push(tree.cleanup, () => rmSync(cacheDir, { recursive: true, force: true }));
  return { root: tree.root, cacheDir };
}

/** The report without what may differ between two audits of the same tree (timings, reuse marks). */
function comparable(report: Report): unknown {
  const copy = JSON.parse(JSON.stringify(report)) as Report & Record<string, unknown>;
  delete (copy as Partial<Report>).generatedAt;
  copy.stats = { ...copy.stats, durationMs: 0 };
  delete copy.stats.cache;
  for (const run of copy.checks) {
    delete run.durationMs;
    delete run.reused;
  }
  for (const stage of copy.stages) delete stage.durationMs;
  return copy;
}

/** A check that reports one finding per Python file, and counts its runs. */
function counting(id: string, body: (context: Parameters<Check['run']>[0]) => void = () => {}): Check & { runs: number } {
  const check = defineCheck({
    meta: { id, stage: 'scan', description: 'Require a test.', severity: 'low', category: 'reliability' },
    run(context) {
      check.runs += 1;
      body(context);
      for (const facts of context.project.factsOfKind('python')) context.report({ message: `${id} saw ${facts.path}.`, remediation: 'None.', location: { file: facts.path, line: 1 } });
    },
  }) as Check & { runs: number };
  check.runs = 0;
  return check;
}

describe('results that depend on the tree alone are reused on the next audit of the same tree', () => {
  it('a second audit of an unchanged tree reuses every static result and reports exactly the same', async () => {
    const { root, cacheDir } = setup();
    const first = await audit({ root, isStatic: true, cacheDir });
    const second = await audit({ root, isStatic: true, cacheDir });
    expect(first.findings.length).toBeGreaterThan(0);
    expect(comparable(second)).toEqual(comparable(first));
    expect(first.checks.some((run) => run.reused)).toBe(false);
    const ran = second.checks.filter((run) => run.status !== 'skipped' || run.reason?.startsWith('does not apply'));
    // What reads evidence is never reused: the advisories, the logs and the goal tracker.
    const notReused = ran.filter((run) => !run.reused);
    expect(notReused.filter((run) => run.stage !== 'logs' && run.stage !== 'goals').map((run) => run.id)).toEqual(['deps/no-vulnerable-dependency']);
    expect(ran.filter((run) => run.stage === 'scan' || run.stage === 'config' || run.stage === 'map').every((run) => run.reused)).toBe(true);
    expect(second.stats.cache?.reused).toBeGreaterThan(ALL_CHECKS.length / 2);
    expect(readdirSync(cacheDir).filter((name) => name.startsWith('results-'))).toHaveLength(1);
  });

  it('a changed file, a changed option or no cache means the checks run again', async () => {
    const { root, cacheDir } = setup();
    const check = counting('test/tree-only');
    await audit({ root, isStatic: true, cacheDir, checks: [check] });
    await audit({ root, isStatic: true, cacheDir, checks: [check] });
    expect(check.runs).toBe(1);

    writeFileSync(join(root, 'app/extra.py'), 'X = 1\n');
    const changed = await audit({ root, isStatic: true, cacheDir, checks: [check] });
    expect(check.runs).toBe(2);
    expect(changed.findings.map((finding) => finding.location.file)).toContain('app/extra.py');

    const config = { config: { checks: { 'test/tree-only': { options: { strict: true } } } }, lineOf: () => undefined };
    await audit({ root, isStatic: true, cacheDir, checks: [check], config: config as never });
    expect(check.runs).toBe(3);
    await audit({ root, isStatic: true, cacheDir: false, checks: [check] });
    expect(check.runs).toBe(4);
  });

  it('a check that reads the evidence or earlier findings, itself or through a derived fact, is never reused', async () => {
    const { root, cacheDir } = setup();
    const collector: Collector = {
      id: 'test-evidence',
      stage: 'scan',
      phase: 1,
      executesCode: false,
      collect({ project }) {
        project.evidence.testValue = 'seen';
        return Promise.resolve(undefined);
      },
    };
    const direct = counting('test/reads-evidence', ({ project }) => void project.evidence.testValue);
    const derived = counting('test/derives-from-evidence', ({ project }) => void project.derive('test-from-evidence', (p) => p.evidence.testValue));
    const throughDerived = counting('test/reuses-that-derivation', ({ project }) => void project.derive('test-from-evidence', (p) => p.evidence.testValue));
    const prior = counting('test/reads-findings', ({ findings }) => void findings.length);
    const pure = counting('test/tree-only');
    const checks = [direct, derived, throughDerived, prior, pure];
    await audit({ root, isStatic: true, cacheDir, checks, collectors: [collector] });
    const second = await audit({ root, isStatic: true, cacheDir, checks, collectors: [collector] });
    expect(checks.map((check) => check.runs)).toEqual([2, 2, 2, 2, 1]);
    expect(second.checks.map((run) => run.reused ?? false)).toEqual([false, false, false, false, true]);
  });

  it('an audit that runs other checks keeps what the last one remembered for the same tree', async () => {
    const { root, cacheDir } = setup();
    const first = counting('test/first');
    const second = counting('test/second');
    await audit({ root, isStatic: true, cacheDir, checks: [first] });
    await audit({ root, isStatic: true, cacheDir, checks: [second] });
    const again = await audit({ root, isStatic: true, cacheDir, checks: [first, second] });
    expect([first.runs, second.runs]).toEqual([1, 1]);
    expect(again.checks.map((run) => run.reused)).toEqual([true, true]);
  });

  it('a corrupt memo is ignored and replaced', async () => {
    const { root, cacheDir } = setup();
    const check = counting('test/tree-only');
    await audit({ root, isStatic: true, cacheDir, checks: [check] });
    const memo = readdirSync(cacheDir).find((name) => name.startsWith('results-')) as string;
    writeFileSync(join(cacheDir, memo), '{"format":1,"entries":');
    const report = await audit({ root, isStatic: true, cacheDir, checks: [check] });
    expect(check.runs).toBe(2);
    expect(report.findings).toHaveLength(2);
    await audit({ root, isStatic: true, cacheDir, checks: [check] });
    expect(check.runs).toBe(2);
  });
});
