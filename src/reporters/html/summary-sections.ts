import type { Report } from '../../model/report.js';
import { SEVERITIES, SEVERITY_IMPACT, buildPriorityMatrix } from '../priority-matrix.js';
import { summaryFacts, verdictHeadline } from '../summary-text.js';
import { verdictLines } from '../verdict-lines.js';
import { code, escapeHtml, htmlTable, section } from './escape.js';

/** The banner at the top: the verdict lines every human format ends with, coloured, and why. */
export function renderVerdictBanner(report: Report): string {
  const { verdict, gate } = report;
  const tone = verdict.liveReady ? 'ready' : gate.passed ? 'unverified' : 'blocked';
  const { title, sentence } = verdictHeadline(report);
  const headline = sentence ? `${title} ${sentence}` : title;
  const cause = verdict.deathLoopCause ? `<p class="cause">Most fundamental blocker: ${code(verdict.deathLoopCause.checkId)}: ${escapeHtml(verdict.deathLoopCause.summary)}</p>` : '';
  const facts = summaryFacts(report, (text) => `<strong>${text}</strong>`, escapeHtml);
  const reasons = verdict.reasons.length > 0 ? `<p>Why:</p><ul>${verdict.reasons.map((reason) => `<li>${escapeHtml(reason)}</li>`).join('')}</ul>` : '';
  return `<header id="verdict" class="banner ${tone}">
<pre class="verdict-lines">${verdictLines(report).map(escapeHtml).join('\n')}</pre>
<p class="headline">${escapeHtml(headline)}</p>${cause}
<ul class="facts">${facts.map((fact) => `<li>${fact}</li>`).join('')}</ul>${reasons}
</header>`;
}

/** Stages as a row of status chips, then the quality-gate table. */
export function renderStages(report: Report): string {
  const chips = report.stages.map((stage) => `<li class="stage ${stage.status}" title="${escapeHtml(stage.summary)}"><span class="stage-id">${escapeHtml(stage.id)}</span> <span class="status">${escapeHtml(stage.status)}</span></li>`);
  const rows = report.stages.map((stage) => [escapeHtml(stage.id), `<span class="status ${stage.status}">${escapeHtml(stage.status)}</span>`, escapeHtml(stage.summary)]);
  rows.push(['<strong>gate</strong>', `<span class="status ${report.gate.passed ? 'passed' : 'failed'}">${report.gate.passed ? 'passed' : 'failed'}</span>`, `${escapeHtml(report.gate.summary)} (fail on ${escapeHtml(report.gate.failOn)})`]);
  return section('stages', 'Stages and quality gates', `<ul class="stages">${chips.join('')}</ul>\n${htmlTable(['Stage', 'Status', 'Details'], rows)}`);
}

/** Severity x category counts with the impact of each severity (the same matrix as markdown). */
export function renderPriorityMatrix(report: Report): string {
  if (report.findings.length === 0) return section('matrix', 'Priority matrix', '<p>No findings.</p>');
  const matrix = buildPriorityMatrix(report.findings);
  const rows = SEVERITIES.filter((severity) => matrix.totals[severity] > 0).map((severity) => [
    `<span class="sev ${severity}">${severity}</span>`,
    ...matrix.categories.map((category) => String(matrix.counts[severity][category] ?? '')),
    `<strong>${matrix.totals[severity]}</strong>`,
    escapeHtml(SEVERITY_IMPACT[severity]),
  ]);
  return section('matrix', 'Priority matrix', htmlTable(['Severity', ...matrix.categories, 'Total', 'Impact'], rows, 'matrix'));
}
