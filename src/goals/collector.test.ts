import { symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ALL_CHECKS } from '../checks/registry.js';
import { audit } from '../engine/audit.js';
import { writeTree } from '../../test/support/temp-tree.js';

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

const APP = { 'Procfile': 'web: python app.py\n', 'app.py': 'print("serving")\n' };
const GOAL_CHECKS = ALL_CHECKS.filter((check) => check.meta.stage === 'goals').map((check) => check.meta.id);

async function auditGoals(files: Record<string, string | Buffer>, prepare?: (root: string) => void) {
  const tree = writeTree({ ...APP, ...files });
  cleanups.push(tree.cleanup);
  prepare?.(tree.root);
  const report = await audit({ root: tree.root, isStatic: true, onlyChecks: GOAL_CHECKS });
  return { stage: report.stages.find((stage) => stage.id === 'goals'), findings: report.findings.map((finding) => `${finding.checkId}: ${finding.message}`) };
}

describe('the goals collector', () => {
  it('skips the stage with the reason when there is no tracker, or the path is a directory', async () => {
    expect((await auditGoals({})).stage).toEqual({ id: 'goals', status: 'skipped', summary: 'no goal_tracker.json (liveready goals init writes a starter from the module map)' });
    expect((await auditGoals({ 'goal_tracker.json/README': 'x' })).stage).toEqual({ id: 'goals', status: 'skipped', summary: 'goal_tracker.json is a directory, not a goal tracker' });
  });

  it('reads goals.path from the config', async () => {
    const result = await auditGoals({ '.liveready.yaml': 'goals:\n  path: docs/goals.json\n', 'docs/goals.json': '[{"module": "web", "path": "app.py", "goal": "serve"}]' });
    expect(result.stage?.status).toBe('failed');
    expect(result.findings).toContain('goals/require-met-goals: The goal "serve" of web (app.py) is not met: nothing shows the module works (the static checks did not run, and the app was not run), so the service cannot be called live-ready.');
  });

  it('reports a tracker it cannot read or that is too large as a finding, never a crash', async () => {
    const loop = await auditGoals({}, (root) => symlinkSync(join(root, 'goal_tracker.json'), join(root, 'goal_tracker.json')));
    expect(loop.findings).toEqual(['goals/require-valid-tracker: goal_tracker.json: cannot read the tracker: ELOOP, so no goal in it can be judged.']);
    const huge = await auditGoals({}, (root) => writeFileSync(join(root, 'goal_tracker.json'), Buffer.alloc(6 * 1024 * 1024, 32)));
    expect(huge.findings).toEqual(['goals/require-valid-tracker: goal_tracker.json: the tracker is 6.0 MB, more than a goal tracker can be (5 MB): not read, so no goal in it can be judged.']);
  });
});
