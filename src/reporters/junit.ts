import type { Finding } from '../model/finding.js';
import type { CheckRun, Report } from '../model/report.js';
import { formatLocation } from '../model/location.js';
import { gateLine } from './verdict-lines.js';

/**
 * The report as JUnit XML for CI dashboards: one test suite per stage, one test case per check
 * (failed: its findings; skipped: the reason; errored: the error), and a `liveready/verdict` case
 * that fails when the gate failed. Pure.
 */
export function renderJunit(report: Report): string {
  const byCheck = new Map<string, Finding[]>();
  for (const finding of report.findings) {
    const list = byCheck.get(finding.checkId);
    if (list) list.push(finding);
    else byCheck.set(finding.checkId, [finding]);
  }
  const suites = report.stages.map((stage) => suite(stage.id, report.checks.filter((check) => check.stage === stage.id), byCheck));
  suites.push(verdictSuite(report));
  const totals = suites.reduce((sum, entry) => ({ tests: sum.tests + entry.tests, failures: sum.failures + entry.failures, errors: sum.errors + entry.errors, skipped: sum.skipped + entry.skipped }), { tests: 0, failures: 0, errors: 0, skipped: 0 });
  const seconds = (report.stats.durationMs / 1000).toFixed(3);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="liveready" tests="${totals.tests}" failures="${totals.failures}" errors="${totals.errors}" skipped="${totals.skipped}" time="${seconds}">`,
    ...suites.map((entry) => entry.xml),
    '</testsuites>',
    '',
  ].join('\n');
}

interface Suite {
  xml: string;
  tests: number;
  failures: number;
  errors: number;
  skipped: number;
}

function suite(stage: string, checks: readonly CheckRun[], byCheck: Map<string, Finding[]>): Suite {
  const cases = checks.map((check) => testCase(check, byCheck.get(check.id) ?? []));
  const count = (status: CheckRun['status']): number => checks.filter((check) => check.status === status).length;
  const header = `  <testsuite name="${attribute(stage)}" tests="${checks.length}" failures="${count('failed')}" errors="${count('errored')}" skipped="${count('skipped')}">`;
  return { xml: [header, ...cases, '  </testsuite>'].join('\n'), tests: checks.length, failures: count('failed'), errors: count('errored'), skipped: count('skipped') };
}

function testCase(check: CheckRun, findings: readonly Finding[]): string {
  const open = `    <testcase classname="liveready.${attribute(check.stage)}" name="${attribute(check.id)}">`;
  if (check.status === 'skipped') return `${open}<skipped message="${attribute(check.reason ?? 'skipped')}"/></testcase>`;
  if (check.status === 'errored') return `${open}<error message="${attribute(check.reason ?? 'the check failed to run')}"/></testcase>`;
  if (check.status !== 'failed' || findings.length === 0) return `${open}</testcase>`;
  const worst = findings.map((finding) => finding.severity).sort(bySeverity)[0] ?? 'moderate';
  const message = `${findings.length} finding${findings.length === 1 ? '' : 's'} (worst: ${worst})`;
  const body = findings.map((finding) => `${formatLocation(finding.location)} ${finding.severity}: ${finding.message}\n  fix: ${finding.remediation}`).join('\n\n');
  return `${open}\n      <failure message="${attribute(message)}" type="${attribute(worst)}">${text(body)}</failure>\n    </testcase>`;
}

function verdictSuite(report: Report): Suite {
  const cause = report.verdict.deathLoopCause;
  const failed = !report.gate.passed;
  const detail = [gateLine(report.gate), `LIVE_READY=${report.verdict.liveReady}`, `basis: ${report.verdict.basis}`, ...(cause ? [`DEATH_LOOP_CAUSE=${cause.checkId}: ${cause.summary}`] : [])].join('\n');
  const inner = failed ? `\n      <failure message="${attribute(`the gate failed${cause ? `: ${cause.checkId}` : ''}`)}" type="gate">${text(detail)}</failure>\n    ` : `<system-out>${text(detail)}</system-out>`;
  const xml = ['  <testsuite name="verdict" tests="1" failures="' + (failed ? 1 : 0) + '" errors="0" skipped="0">', `    <testcase classname="liveready.verdict" name="liveready/verdict">${inner}</testcase>`, '  </testsuite>'].join('\n');
  return { xml, tests: 1, failures: failed ? 1 : 0, errors: 0, skipped: 0 };
}

const ORDER = ['critical', 'moderate', 'low', 'info'];
function bySeverity(a: string, b: string): number {
  return ORDER.indexOf(a) - ORDER.indexOf(b);
}

/** XML 1.0 forbids most control characters even when escaped: drop them. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

function text(value: string): string {
  return value.replace(INVALID_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function attribute(value: string): string {
  return text(value).replace(/"/g, '&quot;').replace(/\n/g, '&#10;');
}
