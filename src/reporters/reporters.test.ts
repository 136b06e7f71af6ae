import { describe, expect, it } from 'vitest';
import type { Report } from '../model/report.js';
import { renderJson } from './json.js';
import { renderMarkdown } from './markdown/render.js';
import { renderTerminal } from './terminal/render.js';

const report: Report = {
  schemaVersion: 1,
  tool: { name: 'liveready', version: '0.1.0' },
  root: '/srv/shop',
  generatedAt: '2026-06-01T12:00:00.000Z',
  verdict: { liveReady: false, basis: 'static', runtimeVerified: false, deathLoopCause: { checkId: 'start/no-missing-target', summary: 'Procfile web runs app/server.py, which does not exist. (Procfile:1)' }, reasons: ['1 critical finding remains'] },
  gate: { failOn: 'critical', passed: false, summary: 'failed: 1 finding at or above critical' },
  stages: [
    { id: 'map', status: 'skipped', summary: 'not implemented' },
    { id: 'config', status: 'failed', summary: '1 check ran: 1 critical' },
  ],
  findings: [
    { checkId: 'portability/no-machine-paths', stage: 'scan', severity: 'moderate', category: 'portability', message: 'A laptop path.', remediation: 'Use a relative path.', location: { file: 'app/main.py', line: 12, column: 12 }, evidence: '    DATA = "/Users/ana/x" | y', fingerprint: '1111111111' },
    { checkId: 'start/no-missing-target', stage: 'config', severity: 'critical', category: 'configuration', message: 'Procfile web runs app/server.py, which does not exist.', remediation: 'Point it at app/main.py.', location: { file: 'Procfile', line: 1, column: 6 }, evidence: 'web: python app/server.py', fingerprint: '2222222222' },
  ],
  suppressed: [{ checkId: 'portability/no-machine-paths', fingerprint: '33333333', location: { file: 'tools/dev.py', line: 2 }, severity: 'moderate', by: 'inline', reason: 'dev tool' }],
  checks: [],
  sections: {},
  stats: { files: 12, bytes: 20480, durationMs: 123, skipped: [{ file: 'logo.png', code: 'binary', reason: 'binary file (by extension)' }], listing: 'git' },
};

describe('terminal reporter', () => {
  const text = renderTerminal(report);

  it('puts the worst finding first, with file:line, the evidence and a caret under the column', () => {
    const first = text.indexOf('CRITICAL Procfile:1:6');
    expect(first).toBeGreaterThan(-1);
    expect(first).toBeLessThan(text.indexOf('MODERATE app/main.py:12:12'));
    // Indentation is dropped and the caret stays under the opening quote (column 12 of the raw line).
    expect(text).toContain('      12 | DATA = "/Users/ana/x" | y\n         |        ^\n');
    expect(text).toContain('fix: Point it at app/main.py.');
  });

  it('ends with the verdict lines', () => {
    expect(text.trimEnd().split('\n').slice(-4)).toEqual([
      'GATE=failed (failed: 1 finding at or above critical)',
      'LIVE_READY=false',
      'DEATH_LOOP_CAUSE=start/no-missing-target: Procfile web runs app/server.py, which does not exist. (Procfile:1)',
      'RUNTIME_VERIFIED=false (static audit: the app was not started, so it cannot be called live-ready)',
    ]);
  });

  it('shows the priority matrix, skipped files and suppressions', () => {
    expect(text).toMatch(/configuration\s+portability\s+total/);
    expect(text).toContain('Skipped 1 file (1 binary):');
    expect(text).toContain('Suppressed 1 finding (1 inline); --no-suppressions shows them.');
  });

  it('uses no colour codes unless asked', () => {
    expect(text).not.toContain('\u001b[');
    expect(renderTerminal(report, { color: true })).toContain('\u001b[');
  });
});

describe('markdown reporter', () => {
  const text = renderMarkdown(report);

  it('follows the layout of the brief', () => {
    const headings = text.split('\n').filter((line) => line.startsWith('## '));
    expect(headings).toEqual([
      '## Executive summary',
      '## Priority matrix',
      '## Module map',
      '## Findings',
      '## Environment variables',
      '## Quality gates',
      '## Simulation timeline',
      '## Log summary',
      '## Goal tracker',
      '## Verdict',
    ]);
  });

  it('says why a stage section is empty instead of leaving it blank', () => {
    expect(text).toContain('_Not available: the map stage produced no data for this section (skipped: not implemented)._');
  });

  it('escapes pipes in table cells and keeps evidence in a code block', () => {
    expect(text).toContain('```text\n12 | DATA = "/Users/ana/x" | y\n   |        ^\n```');
    expect(text).toContain('| **critical** | 1 |  | 1 | blocks the deploy');
  });
});

describe('json reporter', () => {
  it('round-trips the report', () => {
    expect(JSON.parse(renderJson(report))).toEqual(report);
  });
});
