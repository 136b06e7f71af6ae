import { formatLocation } from '../../model/location.js';
import type { Report } from '../../model/report.js';
import { evidenceWithCaret } from '../evidence.js';
import { SEVERITIES, SEVERITY_IMPACT, buildPriorityMatrix, sortBySeverity } from '../priority-matrix.js';
import { summaryFacts, verdictHeadline } from '../summary-text.js';
import { verdictLines } from '../verdict-lines.js';
import { inlineCode, markdownTable } from './table.js';

export function renderExecutiveSummary(report: Report): string[] {
  const { verdict } = report;
  const { title, sentence } = verdictHeadline(report);
  const headline = verdict.deathLoopCause && !verdict.liveReady ? `**${title}** Most fundamental blocker: ${inlineCode(verdict.deathLoopCause.checkId)}: ${verdict.deathLoopCause.summary}` : `**${title}** ${sentence}`;
  const lines = [headline, '', ...summaryFacts(report, (text) => `**${text}**`).map((fact) => `- ${fact}`)];
  if (verdict.reasons.length > 0) lines.push('', 'Why:', ...verdict.reasons.map((reason) => `- ${reason}`));
  return lines;
}

export function renderPriorityMatrix(report: Report): string[] {
  if (report.findings.length === 0) return ['No findings.'];
  const matrix = buildPriorityMatrix(report.findings);
  const rows = SEVERITIES.filter((severity) => matrix.totals[severity] > 0).map((severity) => [
    `**${severity}**`,
    ...matrix.categories.map((category) => String(matrix.counts[severity][category] ?? '')),
    String(matrix.totals[severity]),
    SEVERITY_IMPACT[severity],
  ]);
  return markdownTable(['Severity', ...matrix.categories, 'Total', 'Impact'], rows);
}

export function renderFindings(report: Report): string[] {
  if (report.findings.length === 0) return ['No findings.'];
  const out: string[] = [];
  for (const severity of SEVERITIES) {
    const group = sortBySeverity(report.findings).filter((finding) => finding.severity === severity);
    if (group.length === 0) continue;
    out.push(`### ${severity[0]?.toUpperCase()}${severity.slice(1)} (${group.length})`, '');
    group.forEach((finding, index) => {
      out.push(`#### ${index + 1}. ${inlineCode(finding.checkId)} at ${inlineCode(formatLocation(finding.location))}${finding.experimental ? ' (experimental)' : ''}`, '');
      out.push(`- **What:** ${finding.message}`);
      out.push(`- **Impact:** ${SEVERITY_IMPACT[finding.severity]} (${finding.category})`);
      out.push(`- **Fix:** ${finding.remediation}`);
      const evidence = evidenceWithCaret(finding);
      if (evidence.length > 0) out.push('', '```text', ...evidence, '```');
      out.push(`- Fingerprint: ${inlineCode(finding.fingerprint)}`, '');
    });
  }
  return out;
}

export function renderQualityGates(report: Report): string[] {
  const rows = report.stages.map((stage) => [stage.id, statusCell(stage.status), stage.summary]);
  rows.push(['**gate**', report.gate.passed ? '✅ passed' : '❌ failed', `${report.gate.summary} (fail on ${report.gate.failOn})`]);
  return markdownTable(['Stage', 'Status', 'Details'], rows);
}

export function renderVerdict(report: Report): string[] {
  return ['```text', ...verdictLines(report), '```'];
}

function statusCell(status: string): string {
  return status === 'passed' ? '✅ passed' : status === 'failed' ? '❌ failed' : status === 'errored' ? '⚠️ errored' : '⏭️ skipped';
}
