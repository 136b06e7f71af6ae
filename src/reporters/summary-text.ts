import type { Report } from '../model/report.js';
import { gateReason } from './verdict-lines.js';

/** The one-line judgement every human report opens with, as a title and its explanation. */
export function verdictHeadline(report: Report): { title: string; sentence: string } {
  const { verdict } = report;
  if (verdict.liveReady) return { title: 'Live-ready.', sentence: 'The app started in the sandbox, answered its health probes, shut down cleanly, and no critical finding remains.' };
  if (verdict.deathLoopCause) return { title: 'Not live-ready.', sentence: '' };
  return { title: 'Not verified as live-ready.', sentence: 'No blocker was found statically, but the app was not started, so readiness is not proven.' };
}

/** Gate, basis, findings and scope: the facts under the headline. `strong` marks the gate's outcome, `text` escapes report strings. */
export function summaryFacts(report: Report, strong: (text: string) => string, text: (value: string) => string = (value) => value): string[] {
  const { verdict, gate, stats } = report;
  const criticals = report.findings.filter((finding) => finding.severity === 'critical').length;
  return [
    `Gate: ${strong(gate.passed ? 'passed' : 'failed')} (${text(gateReason(gate))})`,
    `Basis: ${verdict.basis === 'runtime' ? 'runtime (the app was started and probed)' : 'static analysis only (the app was not started)'}`,
    `Findings: ${report.findings.length} (${criticals} critical), ${report.suppressed.length} suppressed`,
    `Scope: ${stats.files} files, ${(stats.bytes / 1024).toFixed(0)} KB, ${stats.skipped.length} skipped, audited in ${(stats.durationMs / 1000).toFixed(2)} s`,
  ];
}
