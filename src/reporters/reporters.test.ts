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
      'GATE=failed (1 finding at or above critical)',
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

  it('says when results were reused from the last audit of the same tree, and how to recompute them', () => {
    expect(text).toContain('12 files (20.0 KB, listed by git), audited in 0.12 s\n');
    const reused = renderTerminal({ ...report, stats: { ...report.stats, cache: { hits: 12, misses: 0, reused: 40 } } });
    expect(reused).toContain('audited in 0.12 s; 40 results reused from the last audit of this tree (no file changed; --no-cache recomputes them)');
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
      '## Dependency vulnerabilities',
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

describe('terminal runtime summary', () => {
  const base = { ...report, findings: [], suppressed: [] };

  it('says what the platform runs and what the simulation measured', () => {
    const withRuntime: Report = {
      ...base,
      sections: {
        startSequence: { command: 'npm start', cwd: '', source: 'Procfile web', entry: { kind: 'file', value: 'server.js', file: 'server.js' }, server: 'node', host: '0.0.0.0', portEnv: 'PORT', port: 3000, isInContainer: false, alternatives: [] },
        simulation: {
          healthy: true,
          port: 41234,
          timeline: [],
          attempts: [{ index: 0, startMs: 100, readyMs: 420, exitedOnItsOwn: false, listeningPorts: [41234], result: 'ready' }],
          restartsAllowed: 3,
          probes: [{ kind: 'health', method: 'GET', path: '/health', source: 'conventional', status: 200, latencyMs: 3, judgement: 'ok', timeMs: 430 }],
          shutdown: { graceMs: 10000, sigtermMs: 900, exitMs: 930, durationMs: 30, exitCode: 0, signal: null, killed: false },
          environment: { passed: [], placeholders: [], missing: [] },
          limits: { readyTimeoutMs: 30000, aliveMs: 2000, graceMs: 10000, installTimeoutMs: 300000 },
          outputLines: 1,
          droppedLines: 0,
          outputTail: [],
        },
      },
    };
    const text = renderTerminal(withRuntime);
    expect(text).toContain('  Start       `npm start` (Procfile web) -> server.js -> node -> 0.0.0.0:$PORT (fallback 3000)\n');
    expect(text).toContain('  Simulation  ready after 320 ms on :41234; GET /health 200; SIGTERM -> exit 0 in 30 ms\n');
  });

  it('says how the app died when it never became ready', () => {
    const crashed: Report = {
      ...base,
      sections: {
        simulation: {
          healthy: false,
          timeline: [],
          attempts: [0, 1].map((index) => ({ index, startMs: index * 500, endMs: index * 500 + 80, exitedOnItsOwn: true, exitCode: 1, listeningPorts: [], result: 'exited' })),
          restartsAllowed: 1,
          probes: [],
          classification: { kind: 'missing-env', summary: 'missing environment variable DATABASE_URL', attempt: 0 },
          environment: { passed: [], placeholders: [], missing: ['DATABASE_URL'] },
          limits: { readyTimeoutMs: 30000, aliveMs: 2000, graceMs: 10000, installTimeoutMs: 300000 },
          outputLines: 4,
          droppedLines: 0,
          outputTail: [],
        },
      },
    };
    expect(renderTerminal(crashed)).toContain('  Simulation  died 2 times: missing environment variable DATABASE_URL\n');
  });

  it('says whether the locked packages were checked for known vulnerabilities, and against what', () => {
    const unreachable: Report = { ...base, sections: { vulnerabilities: { sources: [], errors: [{ kind: 'api', location: 'https://api.osv.dev', message: 'querybatch: cannot connect (ENOTFOUND)' }], packagesChecked: 42, vulnerableCount: 0, packages: [] } } };
    expect(renderTerminal(unreachable)).toContain('  Advisories  42 locked packages NOT checked for known vulnerabilities (OSV API: querybatch: cannot connect (ENOTFOUND)); give --osv-db <osv.dev export> to check offline\n');
    const checked: Report = { ...base, sections: { vulnerabilities: { sources: [{ kind: 'database', location: 'osv/npm.zip', records: 7 }], errors: [], packagesChecked: 42, vulnerableCount: 3, packages: [] } } };
    expect(renderTerminal(checked)).toContain('  Advisories  42 locked packages checked against osv/npm.zip: 3 vulnerable\n');
  });
});
