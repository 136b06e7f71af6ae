import { afterEach, describe, expect, it } from 'vitest';
import { writeTree } from '../../test/support/temp-tree.js';
import { defineCheck } from '../checks/api.js';
import { audit } from './audit.js';
import type { Collector } from './collectors.js';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

function root(): string {
  const tree = writeTree({ 'app.py': 'A = "/Users/ana/a"\n' });
  cleanup = tree.cleanup;
  return tree.root;
}

const staticCheck = defineCheck({
  meta: { id: 'demo/no-static', stage: 'scan', description: 'Disallow a demo thing', severity: 'critical', category: 'correctness' },
  run: ({ report }) => report({ message: 'Static finding.', remediation: 'Fix.', location: { file: 'app.py', line: 1 } }),
});

const logsCollector: Collector = {
  id: 'demo-logs',
  stage: 'logs',
  executesCode: false,
  phase: 2,
  async collect({ project, findings }) {
    project.evidence.demo = { seenFindings: findings.map((finding) => finding.checkId) };
  },
};

const evidenceCheck = defineCheck({
  meta: { id: 'demo/require-evidence', stage: 'logs', description: 'Require demo evidence', severity: 'low', category: 'operations' },
  run: ({ project, findings, report }) => {
    const seen = (project.evidence.demo as { seenFindings: string[] } | undefined)?.seenFindings ?? [];
    report({ message: `Collector saw ${seen.join(',')}; check saw ${findings.length}.`, remediation: 'None.', location: { file: 'app.py', line: 1 } });
  },
});

describe('phases and collectors', () => {
  it('gives collectors and later checks the findings of earlier phases', async () => {
    const report = await audit({ root: root(), checks: [staticCheck, evidenceCheck], collectors: [logsCollector] });
    expect(report.findings.map((finding) => finding.message)).toEqual(['Static finding.', 'Collector saw demo/no-static; check saw 1.']);
  });

  it('turns a collector that throws into an errored stage, and the audit completes', async () => {
    const broken: Collector = { ...logsCollector, collect: async () => Promise.reject(new Error('log directory vanished')) };
    const report = await audit({ root: root(), checks: [staticCheck], collectors: [broken] });
    expect(report.stages.find((stage) => stage.id === 'logs')).toEqual({ id: 'logs', status: 'errored', summary: 'demo-logs failed: log directory vanished' });
  });

  it('skips collectors that execute code under --static, and reports their skip reasons', async () => {
    let ran = false;
    const simulation: Collector = { id: 'demo-sim', stage: 'simulate', executesCode: true, phase: 2, collect: async () => { ran = true; } };
    const quiet: Collector = { ...logsCollector, collect: async () => ({ skipped: 'no log files found' }) };
    const report = await audit({ root: root(), checks: [staticCheck], collectors: [simulation, quiet], isStatic: true });
    expect(ran).toBe(false);
    expect(report.stages.find((stage) => stage.id === 'simulate')?.summary).toBe('--static: the app was not executed');
    expect(report.stages.find((stage) => stage.id === 'logs')).toMatchObject({ status: 'skipped', summary: 'no log files found' });
  });
});
