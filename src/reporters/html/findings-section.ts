import { formatLocation } from '../../model/location.js';
import type { Finding } from '../../model/finding.js';
import type { Report } from '../../model/report.js';
import { evidenceWithCaret } from '../evidence.js';
import { SEVERITIES, SEVERITY_IMPACT, sortBySeverity } from '../priority-matrix.js';
import { code, escapeHtml, section } from './escape.js';

/**
 * Findings as cards, worst first. Each card carries its severity and stage as data attributes for
 * the filter script; the filter bar starts `hidden` and only the script shows it, so with scripts
 * off the page is a plain list of every finding.
 */
export function renderFindings(report: Report): string {
  if (report.findings.length === 0) return section('findings', 'Findings', '<p>No findings.</p>');
  const cards = sortBySeverity(report.findings).map(renderCard);
  return section('findings', `Findings (${report.findings.length})`, `${filterBar(report.findings)}\n<div class="cards">\n${cards.join('\n')}\n</div>`);
}

function filterBar(findings: readonly Finding[]): string {
  const severities = SEVERITIES.filter((severity) => findings.some((finding) => finding.severity === severity));
  const stages = [...new Set(findings.map((finding) => finding.stage))].sort();
  const boxes = severities.map((severity) => `<label><input type="checkbox" name="severity" value="${severity}" checked> <span class="sev ${severity}">${severity}</span></label>`);
  const options = stages.map((stage) => `<option value="${escapeHtml(stage)}">${escapeHtml(stage)}</option>`);
  return `<form id="filters" class="filters" hidden>
<fieldset><legend>Severity</legend>${boxes.join(' ')}</fieldset>
<label>Stage <select name="stage"><option value="">all stages</option>${options.join('')}</select></label>
<label>Search <input type="search" name="q" placeholder="file, check id, message..."></label>
<output id="filter-count" aria-live="polite"></output>
</form>`;
}

function renderCard(finding: Finding): string {
  const evidence = evidenceWithCaret(finding);
  const related = (finding.related ?? []).map((location) => code(formatLocation(location)));
  return `<article class="finding ${finding.severity}" data-severity="${escapeHtml(finding.severity)}" data-stage="${escapeHtml(finding.stage)}" data-category="${escapeHtml(finding.category)}">
<h3><span class="sev ${finding.severity}">${escapeHtml(finding.severity)}</span> ${code(finding.checkId)} <span class="tag">${escapeHtml(finding.stage)}</span> <span class="tag">${escapeHtml(finding.category)}</span>${finding.experimental ? ' <span class="tag">experimental</span>' : ''}</h3>
<p class="where">${code(formatLocation(finding.location))}</p>
<p class="message">${escapeHtml(finding.message)}</p>
${evidence.length > 0 ? `<pre class="evidence">${evidence.map(escapeHtml).join('\n')}</pre>\n` : ''}<p class="fix"><strong>Fix:</strong> ${escapeHtml(finding.remediation)}</p>
<p class="meta">Impact: ${escapeHtml(SEVERITY_IMPACT[finding.severity])}.${related.length > 0 ? ` Related: ${related.join(', ')}.` : ''} Fingerprint ${code(finding.fingerprint)}</p>
</article>`;
}
