import type { LogGroupEntry, LogsSection } from '../../model/logs-section-schema.js';
import type { Report } from '../../model/report.js';
import { inlineCode, markdownTable } from './table.js';

const GROUPS_IN_TABLE = 30;
const EXAMPLES = 5;

/** The "Log summary" section: modules over the failure threshold, then error groups with root causes and examples. */
export function renderLogSummary(report: Report): string[] | undefined {
  const section = report.sections.logs as LogsSection | undefined;
  if (!section) return undefined;
  const lines = [describeScope(section), ''];
  if (section.groups.length === 0 && section.modules.length === 0) {
    lines.push('No errors in the logs.');
  } else {
    lines.push(...renderModules(section), '', '### Error groups', '', ...renderGroups(section), ...renderExamples(section.groups.slice(0, EXAMPLES)));
  }
  if (section.skipped.length > 0) lines.push('', 'Not read:', ...section.skipped.map((entry) => `- ${inlineCode(entry.path)}: ${entry.reason}`));
  return lines;
}

function describeScope(section: LogsSection): string {
  const lines = section.sources.reduce((sum, source) => sum + source.lines, 0);
  const events = section.sources.reduce((sum, source) => sum + source.events, 0);
  const sources = section.sources.map((source) => inlineCode(source.path)).join(', ');
  return `Read ${section.sources.length} log source${section.sources.length === 1 ? '' : 's'} (${sources}): ${lines} lines, ${events} error events. Recent window: ${section.window.description}. A module with more than ${section.failureThreshold} failures in the window is critical.`;
}

function renderModules(section: LogsSection): string[] {
  const rows = section.modules.map((module) => [
    inlineCode(module.module),
    module.via,
    String(module.failures),
    String(module.total),
    module.overThreshold ? `❌ critical (more than ${section.failureThreshold})` : module.failures > 0 ? 'failing below the threshold' : 'no recent failures',
  ]);
  return markdownTable(['Module', 'Attributed by', 'Recent failures', 'Total', 'Status'], rows);
}

function renderGroups(section: LogsSection): string[] {
  const shown = section.groups.slice(0, GROUPS_IN_TABLE);
  const rows = shown.map((group) => [
    inlineCode(group.fingerprint),
    inlineCode(group.module),
    group.rootCause,
    String(group.recentCount),
    String(group.count),
    group.lastSeen ? group.lastSeen.slice(0, 19).replace('T', ' ') : '-',
    group.resource ?? '',
    group.staticFinding ? `${inlineCode(group.staticFinding.checkId)} at ${group.staticFinding.file}:${group.staticFinding.line}` : '',
  ]);
  const table = markdownTable(['Fingerprint', 'Module', 'Root cause', 'Recent', 'Total', 'Last seen (UTC)', 'Resource', 'Predicted by'], rows);
  const more = section.groups.length - shown.length + section.omittedGroups;
  return more > 0 ? [...table, '', `_${more} more group${more === 1 ? '' : 's'} in the JSON report (sections.logs)._`] : table;
}

function renderExamples(groups: readonly LogGroupEntry[]): string[] {
  const out: string[] = [];
  for (const group of groups) {
    out.push('', `#### ${inlineCode(group.fingerprint)}: ${group.rootCause}`, '');
    const seen = group.firstSeen && group.lastSeen ? `, first seen ${group.firstSeen.slice(0, 19).replace('T', ' ')}, last seen ${group.lastSeen.slice(0, 19).replace('T', ' ')} UTC` : '';
    out.push(`${group.recentCount} recent of ${group.count}${seen}. Latest at ${inlineCode(`${group.example.file}:${group.example.line}`)}:`, '');
    out.push('```text', ...group.example.text.map((line) => line.replace(/```/g, "'''")), '```');
  }
  return out;
}
