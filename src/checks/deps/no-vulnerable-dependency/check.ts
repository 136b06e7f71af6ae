import { defineCheck } from '../../api.js';
import type { Advisory } from '../../../facts/advisories/advisory.js';
import { type VulnerablePackage, reportedSeverity, vulnerablePackages } from '../../../facts/advisories/vulnerable-packages.js';
import { packageKey } from '../../../facts/advisories/version-order.js';

/** Advisories named in full in one message; the rest are counted. */
const LISTED_ADVISORIES = 3;
const SUMMARY_LENGTH = 120;

export const noVulnerableDependency = defineCheck({
  meta: {
    id: 'deps/no-vulnerable-dependency',
    stage: 'schema',
    description: 'Disallow locked dependency versions with known vulnerabilities (OSV advisories)',
    severity: 'critical',
    category: 'security',
    appliesWhen: 'the project locks package versions and an advisory source answered (an OSV database or the OSV API)',
  },
  // The collector sets the advisories only when the project locks packages.
  appliesTo: (project) => (project.evidence.advisories?.sources.length ?? 0) > 0,
  run({ project, report }) {
    for (const vulnerable of vulnerablePackages(project)) {
      const locked = vulnerable.package;
      report({
        message: describe(vulnerable),
        remediation: remediate(vulnerable),
        location: { file: vulnerable.file, line: locked.line },
        severity: reportedSeverity(vulnerable),
        fingerprintContent: `${packageKey(locked.ecosystem, locked.name)}@${locked.version} ${vulnerable.advisories.map((advisory) => advisory.id).join(' ')}`,
      });
    }
  },
});

function describe(vulnerable: VulnerablePackage): string {
  const { package: locked, advisories } = vulnerable;
  const count = advisories.length === 1 ? 'a known vulnerability' : `${advisories.length} known vulnerabilities`;
  const listed = advisories.slice(0, LISTED_ADVISORIES).map(describeAdvisory).join('; ');
  const more = advisories.length > LISTED_ADVISORIES ? `; and ${advisories.length - LISTED_ADVISORIES} more` : '';
  const consequence = locked.isDev
    ? `${vulnerable.file} installs it for development only (it does not ship with the app, so one severity lower)`
    : `${vulnerable.file} installs it in every deploy`;
  return `${locked.name}@${locked.version} has ${count} (${listed}${more}), and ${consequence}.`;
}

function describeAdvisory(advisory: Advisory): string {
  const ids = [advisory.id, ...advisory.aliases.filter((alias) => /^(CVE|GHSA|PYSEC)-/.test(alias))].join(' / ');
  return advisory.summary ? `${ids}: ${clip(advisory.summary)}` : ids;
}

function remediate(vulnerable: VulnerablePackage): string {
  const { package: locked, advisories } = vulnerable;
  const fixed = advisories.filter((advisory) => advisory.fixed !== undefined).map((advisory) => advisory.id);
  const unfixed = advisories.filter((advisory) => advisory.fixed === undefined).map((advisory) => advisory.id);
  const upgrade = vulnerable.upgradeTo ? `Upgrade ${locked.name} to ${vulnerable.upgradeTo} or later in ${vulnerable.file} (fixes ${fixed.join(', ')})` : '';
  if (unfixed.length === 0) return `${upgrade}.`;
  const noFix = `no fixed version yet for ${unfixed.join(', ')}: replace ${locked.name} or apply the advisory's workaround, and watch it for a release`;
  return upgrade ? `${upgrade}; ${noFix}.` : `${noFix.charAt(0).toUpperCase()}${noFix.slice(1)}.`;
}

/** One line, control characters out (summaries come from files and the network), bounded. */
function clip(text: string): string {
  // eslint-disable-next-line no-control-regex
  const line = text.replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/\s+/g, ' ').trim();
  return line.length > SUMMARY_LENGTH ? `${line.slice(0, SUMMARY_LENGTH - 1)}…` : line;
}
