import { formatLocation } from '../../model/location.js';
import type { LogsSection } from '../../model/logs-section-schema.js';
import type { Report } from '../../model/report.js';
import type { SimulationSection, WatchSection } from '../../model/simulation-section-schema.js';
import { code, escapeHtml, htmlTable, seconds, section } from './escape.js';

const GROUPS_SHOWN = 30;

/** "Simulation timeline": a vertical timeline of the run, the probes, how it died, what changed on disk. */
export function renderSimulation(report: Report): string | undefined {
  const simulation = report.sections.simulation as SimulationSection | undefined;
  if (!simulation) return undefined;
  const plan = simulation.plan;
  const parts = [
    `<p class="${simulation.healthy ? 'ok' : 'bad'}"><strong>${simulation.healthy ? 'The app started, became ready, answered its probes and stopped cleanly.' : 'The app did not pass the simulation.'}</strong></p>`,
    plan ? `<p>Start command ${code(plan.command)} (${escapeHtml(plan.source)}), run as a ${escapeHtml(plan.mode)} process${simulation.port !== undefined ? ` on PORT ${simulation.port}` : ''}; ${simulation.attempts.length} start${simulation.attempts.length === 1 ? '' : 's'} made.</p>` : '',
    `<ol class="timeline">${simulation.timeline.map((event) => `<li class="step ${stepTone(event.step)}"><span class="time">${seconds(event.timeMs)}</span> <strong>${escapeHtml(event.step)}</strong>${event.attempt === undefined ? '' : ` <span class="tag">start ${event.attempt + 1}</span>`} ${escapeHtml(event.detail)}</li>`).join('\n')}</ol>`,
  ];
  if (simulation.probes.length > 0) {
    const rows = simulation.probes.map((probe) => [code(`${probe.method} ${probe.path}`), escapeHtml(probe.source), escapeHtml(probe.status === undefined ? (probe.error ?? 'no answer') : String(probe.status)), `${probe.latencyMs} ms`, `<span class="status ${probe.judgement === 'ok' ? 'passed' : probe.judgement === 'failed' ? 'failed' : 'skipped'}">${escapeHtml(probe.judgement)}</span>`]);
    parts.push('<h3>Probes</h3>', htmlTable(['Request', 'Source', 'Answer', 'Latency', 'Judgement'], rows));
  }
  const classification = simulation.classification;
  if (classification) {
    parts.push('<h3>How it died</h3>', `<p>Cause: <strong>${escapeHtml(classification.kind)}</strong>: ${escapeHtml(classification.summary)}${classification.location ? ` at ${code(formatLocation(classification.location))}` : ''}${classification.predictedBy ? `. Predicted by ${code(classification.predictedBy.checkId)} at ${code(formatLocation(classification.predictedBy.location))}` : ''}.</p>`);
  }
  if (simulation.outputTail.length > 0) parts.push('<p>Last lines the app wrote:</p>', `<pre class="output">${simulation.outputTail.map((line) => `${seconds(line.timeMs).padStart(7)} ${line.stream === 'stderr' ? 'err' : 'out'} | ${escapeHtml(line.text)}`).join('\n')}</pre>`);
  const watch = report.sections.watch as WatchSection | undefined;
  if (watch) parts.push(renderWatch(watch));
  return section('simulation', 'Simulation timeline', parts.filter(Boolean).join('\n'));
}

function stepTone(step: string): string {
  if (/fail|crash|exit|kill|timeout/.test(step)) return 'bad';
  return /ok|ready|listening|installed/.test(step) ? 'good' : 'neutral';
}

function renderWatch(watch: WatchSection): string {
  if (watch.changes.length === 0) return `<h3>Files changed while the app ran</h3>\n<p>No file was created, modified or deleted (${watch.filesBefore} files compared before and after).</p>`;
  const rows = watch.changes.map((change) => [code(change.path), escapeHtml(change.change), change.isConfig ? '<span class="status failed">config</span>' : 'no', change.writer ? code(formatLocation(change.writer)) : '']);
  const more = watch.changesOmitted > 0 ? `<p>... and ${watch.changesOmitted} more changes not listed.</p>` : '';
  return `<h3>Files changed while the app ran</h3>\n${htmlTable(['File', 'Change', 'Config?', 'Written from'], rows)}${more}`;
}

/** "Log summary": modules over the failure threshold, then the error groups with root causes. */
export function renderLogs(report: Report): string | undefined {
  const logs = report.sections.logs as LogsSection | undefined;
  if (!logs) return undefined;
  const lines = logs.sources.reduce((sum, source) => sum + source.lines, 0);
  const parts = [`<p>Read ${logs.sources.length} log source${logs.sources.length === 1 ? '' : 's'} (${logs.sources.map((source) => code(source.path)).join(', ')}): ${lines} lines. Recent window: ${escapeHtml(logs.window.description)}. A module with more than ${logs.failureThreshold} failures in the window is critical.</p>`];
  if (logs.groups.length === 0 && logs.modules.length === 0) parts.push('<p>No errors in the logs.</p>');
  else {
    const modules = logs.modules.map((module) => [code(module.module), escapeHtml(module.via), String(module.failures), String(module.total), module.overThreshold ? '<span class="status failed">critical</span>' : module.failures > 0 ? 'failing below the threshold' : 'no recent failures']);
    parts.push(htmlTable(['Module', 'Attributed by', 'Recent failures', 'Total', 'Status'], modules), '<h3>Error groups</h3>');
    const groups = logs.groups.slice(0, GROUPS_SHOWN).map((group) => [code(group.fingerprint), code(group.module), escapeHtml(group.rootCause), String(group.recentCount), String(group.count), escapeHtml(group.resource ?? ''), group.staticFinding ? `${code(group.staticFinding.checkId)} at ${code(`${group.staticFinding.file}:${group.staticFinding.line}`)}` : '']);
    parts.push(htmlTable(['Fingerprint', 'Module', 'Root cause', 'Recent', 'Total', 'Resource', 'Predicted by'], groups));
    const more = logs.groups.length - groups.length + logs.omittedGroups;
    if (more > 0) parts.push(`<p>${more} more group${more === 1 ? '' : 's'} in the JSON report (sections.logs).</p>`);
  }
  return section('logs', 'Log summary', parts.join('\n'));
}
