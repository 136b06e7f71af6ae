import { formatLocation } from '../../model/location.js';
import type { Report } from '../../model/report.js';
import { evidenceWithCaret } from '../evidence.js';
import { SEVERITIES, buildPriorityMatrix, sortBySeverity } from '../priority-matrix.js';
import { verdictLines } from '../verdict-lines.js';
import { renderRuntimeSummary } from './runtime-summary.js';
import { type Style, createStyle } from './style.js';

export interface TerminalOptions {
  color?: boolean;
  /** How many findings to show in full (the rest are counted). */
  maxFindings?: number;
}

const STATUS_MARK: Record<string, string> = { passed: '✔', failed: '✘', skipped: '○', errored: '!' };

/** The default human summary: stages, priority matrix, top findings with fixes, verdict lines last. */
export function renderTerminal(report: Report, options: TerminalOptions = {}): string {
  const style = createStyle(options.color ?? false);
  const out: string[] = [];
  const { stats } = report;
  out.push(style.bold(`liveready ${report.tool.version}`) + style.dim(` · ${report.root}`));
  // Reused results are said out loud: someone who doubts a finding knows where it came from.
  const reused = stats.cache?.reused ? `; ${stats.cache.reused} results reused from the last audit of this tree (no file changed; --no-cache recomputes them)` : '';
  out.push(style.dim(`${stats.files} files (${formatBytes(stats.bytes)}, listed by ${stats.listing}), audited in ${(stats.durationMs / 1000).toFixed(2)} s${reused}`));
  out.push('', style.bold('Stages'));
  for (const stage of report.stages) {
    const mark = STATUS_MARK[stage.status] ?? '?';
    const colored = stage.status === 'failed' ? style.red(mark) : stage.status === 'passed' ? style.green(mark) : stage.status === 'errored' ? style.yellow(mark) : style.dim(mark);
    out.push(`  ${colored} ${stage.id.padEnd(9)} ${stage.status.padEnd(8)} ${style.dim(stage.summary)}`);
  }
  out.push(...renderRuntimeSummary(report, style));
  out.push('', ...renderMatrix(report, style));
  out.push(...renderFindings(report, style, options.maxFindings ?? 10));
  out.push(...renderFootnotes(report, style));
  out.push('', ...verdictLines(report).map((line) => (line.startsWith('LIVE_READY=true') || line.startsWith('GATE=passed') ? style.green(line) : line.startsWith('RUNTIME') ? style.yellow(line) : style.bold(line))));
  return `${out.join('\n')}\n`;
}

function renderMatrix(report: Report, style: Style): string[] {
  const matrix = buildPriorityMatrix(report.findings);
  if (report.findings.length === 0) return [style.bold('Priority matrix'), style.green('  no findings')];
  const columns = [...matrix.categories, 'total'];
  const widths = columns.map((column) => Math.max(column.length, 5));
  const header = `  ${''.padEnd(9)} ${columns.map((column, index) => column.padStart(widths[index] ?? 5)).join('  ')}`;
  const rows = SEVERITIES.filter((severity) => matrix.totals[severity] > 0).map((severity) => {
    const cells = matrix.categories.map((category, index) => String(matrix.counts[severity][category] ?? '·').padStart(widths[index] ?? 5));
    cells.push(String(matrix.totals[severity]).padStart(widths[widths.length - 1] ?? 5));
    return `  ${style.severity(severity, severity.padEnd(9))} ${cells.join('  ')}`;
  });
  return [style.bold('Priority matrix'), style.dim(header), ...rows];
}

function renderFindings(report: Report, style: Style, max: number): string[] {
  if (report.findings.length === 0) return [];
  const sorted = sortBySeverity(report.findings);
  const shown = sorted.slice(0, max);
  const out = ['', style.bold(`Top findings (${shown.length} of ${sorted.length})`)];
  for (const finding of shown) {
    const tag = style.severity(finding.severity, finding.severity.toUpperCase().padEnd(8));
    out.push('', `  ${tag} ${style.bold(formatLocation(finding.location))}  ${style.dim(finding.checkId)}${finding.experimental ? style.dim(' (experimental)') : ''}`);
    out.push(`    ${finding.message}`);
    for (const line of evidenceWithCaret(finding)) out.push(`      ${style.dim(line)}`);
    out.push(`    ${style.green('fix:')} ${finding.remediation}`);
  }
  if (sorted.length > shown.length) out.push('', style.dim(`  ... ${sorted.length - shown.length} more: use --format markdown or --format json for all of them`));
  return out;
}

function renderFootnotes(report: Report, style: Style): string[] {
  const notes: string[] = [];
  const { skipped } = report.stats;
  if (skipped.length > 0) {
    const byCode = new Map<string, number>();
    for (const file of skipped) byCode.set(file.code, (byCode.get(file.code) ?? 0) + 1);
    const parts = [...byCode.entries()].map(([code, count]) => `${count} ${code}`).join(', ');
    notes.push(`Skipped ${skipped.length} file${skipped.length === 1 ? '' : 's'} (${parts}):`);
    for (const file of skipped.slice(0, 5)) notes.push(style.dim(`  ${file.file}: ${file.reason}`));
    if (skipped.length > 5) notes.push(style.dim(`  ... ${skipped.length - 5} more in the JSON report (stats.skipped)`));
  }
  if (report.suppressed.length > 0) {
    const by = { inline: 0, config: 0, baseline: 0 };
    for (const entry of report.suppressed) by[entry.by] += 1;
    const parts = (Object.entries(by) as Array<[string, number]>).filter(([, count]) => count > 0).map(([source, count]) => `${count} ${source}`);
    notes.push(`Suppressed ${report.suppressed.length} finding${report.suppressed.length === 1 ? '' : 's'} (${parts.join(', ')}); --no-suppressions shows them.`);
  }
  const errored = report.checks.filter((check) => check.status === 'errored');
  for (const check of errored) notes.push(style.yellow(`Check ${check.id} errored: ${check.reason ?? 'unknown error'}`));
  return notes.length > 0 ? ['', ...notes] : [];
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
