import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeTree } from '../../test/support/temp-tree.js';
import { audit } from './audit.js';

const NOW = new Date('2026-06-01T12:00:00Z');
let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

async function auditTree(files: Record<string, string>, options: Parameters<typeof audit>[0] extends infer O ? Partial<O> : never = {}) {
  const tree = writeTree(files);
  cleanup = tree.cleanup;
  return { root: tree.root, report: await audit({ root: tree.root, now: NOW, isStatic: true, ...options }) };
}

const machinePaths = (report: Awaited<ReturnType<typeof audit>>) => report.findings.filter((finding) => finding.checkId === 'portability/no-machine-paths');

describe('fingerprints', () => {
  it('do not change when lines are inserted above the finding', async () => {
    const { root, report } = await auditTree({ 'app.py': 'import os\nDATA = "/Users/ana/data.csv"\n' });
    const before = machinePaths(report)[0];
    writeFileSync(join(root, 'app.py'), '"""Module docs."""\nimport os\nimport sys\n\n\nDATA = "/Users/ana/data.csv"\n');
    const after = machinePaths(await audit({ root, now: NOW, isStatic: true }))[0];
    expect(after?.location.line).toBe(6);
    expect(before?.location.line).toBe(2);
    expect(after?.fingerprint).toBe(before?.fingerprint);
  });

  it('differ for two identical flagged lines in one file (by occurrence) and across files', async () => {
    const { report } = await auditTree({ 'a.py': 'P = "/Users/ana/x"\nQ = "/Users/ana/x"\n', 'b.py': 'P = "/Users/ana/x"\n' });
    const prints = machinePaths(report).map((finding) => finding.fingerprint);
    expect(new Set(prints).size).toBe(3);
  });
});

describe('baseline', () => {
  it('reports only findings that are not in the saved report', async () => {
    const { root, report } = await auditTree({ 'app.py': 'A = "/Users/ana/a"\n' });
    writeFileSync(join(root, 'baseline.json'), JSON.stringify(report));
    writeFileSync(join(root, 'app.py'), 'A = "/Users/ana/a"\nB = "/home/ana/b"\n');
    const next = await audit({ root, now: NOW, isStatic: true, baselinePath: join(root, 'baseline.json') });
    expect(machinePaths(next).map((finding) => finding.location.line)).toEqual([2]);
    expect(next.suppressed).toMatchObject([{ by: 'baseline', location: { line: 1 } }]);
    const everything = await audit({ root, now: NOW, isStatic: true, baselinePath: join(root, 'baseline.json'), useSuppressions: false });
    expect(machinePaths(everything)).toHaveLength(2);
  });
});

describe('inline suppressions', () => {
  it('silence a finding on the same line (#) or the line above (//), with their reason', async () => {
    const { report } = await auditTree({
      'app.py': 'A = "/Users/ana/a"  # liveready-ignore[portability/no-machine-paths] dev-only fixture path\n',
      'tool.js': "// liveready-ignore[portability/no-machine-paths] local tooling, never deployed\nconst p = '/Users/ana/b';\n",
    });
    expect(machinePaths(report)).toEqual([]);
    expect(report.suppressed.map((entry) => [entry.location.file, entry.by, entry.reason])).toEqual([
      ['app.py', 'inline', 'dev-only fixture path'],
      ['tool.js', 'inline', 'local tooling, never deployed'],
    ]);
  });

  it('do not reach two lines down, and an unused one is reported', async () => {
    const { report } = await auditTree({ 'app.py': '# liveready-ignore[portability/no-machine-paths] too far away\n\nA = "/Users/ana/a"\n' });
    expect(machinePaths(report)).toHaveLength(1);
    expect(report.findings.find((finding) => finding.checkId === 'liveready/no-stale-suppression')).toMatchObject({
      severity: 'low',
      location: { file: 'app.py', line: 1 },
      message: 'liveready-ignore[portability/no-machine-paths] silences nothing on this line or the next.',
    });
  });

  it('report an unknown check id and a missing reason', async () => {
    const { report } = await auditTree({
      'app.py': 'A = "/Users/ana/a"  # liveready-ignore[portability/no-machine-path]\nB = "/Users/ana/b"  # liveready-ignore[portability/no-machine-paths]\n',
    });
    const notices = report.findings.filter((finding) => finding.checkId.startsWith('liveready/')).map((finding) => `${finding.checkId}@${finding.location.line}`);
    expect(notices).toEqual(['liveready/no-stale-suppression@1', 'liveready/require-suppression-reason@2']);
  });

  it('are not read from markdown, where they are documentation', async () => {
    const { report } = await auditTree({ 'app.py': 'print(1)\n', 'README.md': 'Silence one with `# liveready-ignore[portability/no-machine-paths] reason`.\n' });
    expect(report.findings.filter((finding) => finding.checkId.startsWith('liveready/'))).toEqual([]);
  });

  it('are ignored with --no-suppressions', async () => {
    const { report } = await auditTree({ 'app.py': 'A = "/Users/ana/a"  # liveready-ignore[portability/no-machine-paths] fixture\n' }, { useSuppressions: false });
    expect(machinePaths(report)).toHaveLength(1);
    expect(report.suppressed).toEqual([]);
  });
});

describe('config ignore entries', () => {
  const files = { 'app.py': 'A = "/Users/ana/a"\n', 'scripts/dev.py': 'B = "/Users/ana/b"\n' };

  it('silence matching paths and report themselves when unused', async () => {
    const config = [
      'ignore:',
      '  - check: portability/no-machine-paths',
      '    paths: [scripts]',
      '    reason: developer scripts are not deployed',
      '  - check: env/no-committed-dotenv',
      '    reason: nothing matches this one',
      '',
    ].join('\n');
    const { report } = await auditTree({ ...files, '.liveready.yaml': config, '.env': 'PORT=8000\n' });
    expect(machinePaths(report).map((finding) => finding.location.file)).toEqual(['app.py']);
    expect(report.suppressed).toMatchObject([{ by: 'config', reason: 'developer scripts are not deployed', location: { file: 'scripts/dev.py' } }]);
    // env/no-committed-dotenv ran (the .env exists) and the entry matched nothing.
    expect(report.findings.filter((finding) => finding.checkId === 'liveready/no-stale-suppression')).toMatchObject([
      { location: { file: '.liveready.yaml', line: 5 }, message: 'ignore[1] for env/no-committed-dotenv matched no finding; it silences nothing and hides future ones.' },
    ]);
  });

  it('stop working after their expiry date and say so', async () => {
    const config = 'ignore:\n  - check: portability/no-machine-paths\n    reason: migrating\n    expires: 2026-05-31\n';
    const { report } = await auditTree({ ...files, '.liveready.yaml': config });
    expect(machinePaths(report)).toHaveLength(2);
    expect(report.findings.find((finding) => finding.checkId === 'liveready/no-stale-suppression')?.message).toBe(
      'ignore[0] for portability/no-machine-paths expired on 2026-05-31; the findings it silenced are reported again.',
    );
  });

  it('turn checks off and override severity', async () => {
    const off = await auditTree({ ...files, '.liveready.yaml': 'checks:\n  portability/no-machine-paths: off\n' });
    expect(machinePaths(off.report)).toEqual([]);
    expect(off.report.checks.find((run) => run.id === 'portability/no-machine-paths')).toMatchObject({ status: 'skipped', reason: 'turned off in config' });
    cleanup?.();
    const raised = await auditTree({ ...files, '.liveready.yaml': 'checks:\n  portability/no-machine-paths: critical\n' });
    expect(machinePaths(raised.report).map((finding) => finding.severity)).toEqual(['critical', 'critical']);
    expect(raised.report.gate.passed).toBe(false);
  });
});

describe('ignorePaths', () => {
  it('leave out everything below a matching directory, with or without globs', async () => {
    const { report } = await auditTree({
      'app.py': 'A = "/Users/ana/a"\n',
      'src/checks/x/fixtures/bad.case/app.py': 'B = "/Users/ana/b"\n',
      'test/fixtures/apps/demo/app.py': 'C = "/Users/ana/c"\n',
      'legacy/old.py': 'D = "/Users/ana/d"\n',
      '.liveready.yaml': 'ignorePaths: ["**/fixtures", legacy/]\n',
    });
    expect(report.findings.filter((finding) => finding.checkId === 'portability/no-machine-paths').map((finding) => finding.location.file)).toEqual(['app.py']);
  });
});

describe('directives in string literals', () => {
  it('are data, not comments, so they neither silence nor get reported as stale', async () => {
    const { report } = await auditTree({
      'tool.py': 'SAMPLE = "# liveready-ignore[portability/no-machine-paths] sample text"\nA = "/Users/ana/a"\n',
      'gen.js': "const line = '// liveready-ignore[portability/no-machine-paths] generated';\nconst b = '/Users/ana/b';\n",
    });
    expect(report.findings.map((finding) => `${finding.checkId} ${finding.location.file}`).sort()).toEqual(['portability/no-machine-paths gen.js', 'portability/no-machine-paths tool.py']);
  });
});
