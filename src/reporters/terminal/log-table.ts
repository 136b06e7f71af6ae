import type { LogsSection } from '../../model/logs-section-schema.js';
import { gateLine } from '../verdict-lines.js';
import type { Report } from '../../model/report.js';
import { type Style, createStyle } from './style.js';

const MAX_GROUPS = 25;

/** `liveready logs`: the modules and error groups as tables, the findings' fixes, and the gate line. */
export function renderLogTable(report: Report, options: { color?: boolean } = {}): string {
  const style = createStyle(options.color ?? false);
  const section = report.sections.logs as LogsSection | undefined;
  const stage = report.stages.find((candidate) => candidate.id === 'logs');
  const out = [style.bold(`liveready ${report.tool.version} logs`) + style.dim(` · ${report.root}`)];
  if (!section) {
    out.push('', `No logs read: ${stage?.summary ?? 'the logs stage did not run'}`);
  } else {
    const lines = section.sources.reduce((sum, source) => sum + source.lines, 0);
    const events = section.sources.reduce((sum, source) => sum + source.events, 0);
    out.push(style.dim(`${section.sources.length} source${section.sources.length === 1 ? '' : 's'}, ${lines} lines, ${events} error events; window: ${section.window.description}`));
    out.push(style.dim(`a module with more than ${section.failureThreshold} failures in the window is critical`));
    out.push('', ...moduleTable(section, style), '', ...groupTable(section, style));
    for (const entry of section.skipped) out.push(style.yellow(`not read: ${entry.path}: ${entry.reason}`));
  }
  const fixes = report.findings.filter((finding) => finding.severity === 'critical' || finding.severity === 'moderate');
  if (fixes.length > 0) out.push('', style.bold('Fix first'));
  for (const finding of fixes.slice(0, 10)) out.push(`  ${style.severity(finding.severity, finding.severity.toUpperCase().padEnd(8))} ${finding.location.file}:${finding.location.line}  ${style.dim(finding.checkId)}`, `    ${finding.message}`, `    ${style.green('fix:')} ${finding.remediation}`);
  out.push('', gateLine(report.gate));
  return `${out.join('\n')}\n`;
}

function moduleTable(section: LogsSection, style: Style): string[] {
  if (section.modules.length === 0) return [style.green('No errors in the logs.')];
  const width = Math.min(48, Math.max(6, ...section.modules.map((module) => module.module.length + module.via.length + 3)));
  const rows = section.modules.map((module) => {
    const name = fitLeft(`${module.module} (${module.via})`, width).padEnd(width);
    const mark = module.overThreshold ? style.red('✘') : module.failures > 0 ? style.yellow('!') : style.dim('·');
    return `  ${mark} ${name} ${String(module.failures).padStart(6)} ${String(module.total).padStart(6)}  ${module.overThreshold ? style.red('critical') : ''}`;
  });
  return [style.bold(`  ${'Module'.padEnd(width + 2)} ${'recent'.padStart(6)} ${'total'.padStart(6)}`), ...rows];
}

function groupTable(section: LogsSection, style: Style): string[] {
  if (section.groups.length === 0) return [];
  const rows = section.groups.slice(0, MAX_GROUPS).map((group) => {
    const seen = group.lastSeen ? group.lastSeen.slice(0, 16).replace('T', ' ') : '-';
    const resource = group.resource ? style.yellow(` [${group.resource}]`) : '';
    const predicted = group.staticFinding ? style.dim(` (predicted by ${group.staticFinding.checkId} at ${group.staticFinding.file}:${group.staticFinding.line})`) : '';
    return `  ${style.dim(group.fingerprint)} ${String(group.recentCount).padStart(6)} ${String(group.count).padStart(6)}  ${seen.padEnd(16)}  ${group.rootCause}${resource}${predicted}`;
  });
  const more = section.groups.length - Math.min(section.groups.length, MAX_GROUPS) + section.omittedGroups;
  if (more > 0) rows.push(style.dim(`  ... ${more} more groups: --format json for all of them`));
  return [style.bold(`  ${'Group'.padEnd(12)} ${'recent'.padStart(6)} ${'total'.padStart(6)}  ${'last seen (UTC)'.padEnd(16)}  root cause`), ...rows];
}

/** Long module names are paths: keep their end (`…/logs/plain.log (log-file)`). */
function fitLeft(text: string, width: number): string {
  return text.length <= width ? text : `…${text.slice(text.length - width + 1)}`;
}
