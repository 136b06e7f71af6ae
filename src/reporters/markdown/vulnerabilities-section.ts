import type { Report } from '../../model/report.js';
import type { VulnerabilitiesSection } from '../../model/vulnerabilities-section-schema.js';
import { inlineCode, markdownTable } from './table.js';

/** The "Dependency vulnerabilities" section: sources, counts, vulnerable packages and their fixes. */
export function renderVulnerabilities(report: Report): string[] | undefined {
  const section = report.sections.vulnerabilities as VulnerabilitiesSection | undefined;
  if (!section) return ['_No lockfile: the project pins no package versions, so no dependency was checked against advisories._'];
  const sources = section.sources.map((source) => `${source.kind === 'api' ? 'the OSV API' : 'the OSV database'} ${inlineCode(source.location)} (${source.records} record${source.records === 1 ? '' : 's'})`);
  const lines = [
    sources.length > 0 ? `Advisories from ${sources.join(' and ')}.` : `_No advisory source answered${section.note ? `: ${section.note}` : ''}; nothing was checked._`,
    '',
    `${section.packagesChecked} locked package version${section.packagesChecked === 1 ? '' : 's'} checked, ${section.vulnerableCount} vulnerable.`,
  ];
  if (section.packages.length > 0) {
    const rows = section.packages.map((entry) => [
      `${inlineCode(`${entry.name}@${entry.version}`)}${entry.isDev ? ' (dev)' : ''}`,
      `${entry.file}:${entry.line}`,
      entry.severity,
      entry.advisories.join(', '),
      entry.upgradeTo ?? 'no fix yet',
    ]);
    lines.push('', ...markdownTable(['Package', 'Locked in', 'Severity', 'Advisories', 'Upgrade to'], rows));
  }
  if (section.errors.length > 0) lines.push('', 'Sources that could not be used (their advisories are missing here):', ...section.errors.map((error) => `- ${error.kind} ${inlineCode(error.location)}: ${error.message}`));
  return lines;
}
