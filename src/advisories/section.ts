import type { SectionBuilder } from '../engine/sections.js';
import { reportedSeverity, vulnerablePackages } from '../facts/advisories/vulnerable-packages.js';
import type { AdvisoriesEvidence } from '../facts/evidence/advisories.js';
import { projectSecrets } from '../facts/evidence/redact-change.js';
import type { Project } from '../facts/project.js';
import type { VulnerabilitiesSection } from '../model/vulnerabilities-section-schema.js';
import { redactDeep } from '../util/redact.js';

const MAX_LISTED_PACKAGES = 200;

/** `report.sections.vulnerabilities`, present when the advisories collector ran (the project locks packages). */
export const vulnerabilitiesSectionBuilder: SectionBuilder = {
  key: 'vulnerabilities',
  build: (project) => {
    const evidence = project.evidence.advisories;
    return evidence ? redactDeep(buildVulnerabilitiesSection(project, evidence), projectSecrets(project)) : undefined;
  },
};

function buildVulnerabilitiesSection(project: Project, evidence: AdvisoriesEvidence): VulnerabilitiesSection {
  const vulnerable = vulnerablePackages(project);
  const section: VulnerabilitiesSection = {
    sources: evidence.sources,
    errors: evidence.errors,
    packagesChecked: evidence.packagesChecked,
    vulnerableCount: vulnerable.length,
    packages: vulnerable.slice(0, MAX_LISTED_PACKAGES).map((entry) => ({
      file: entry.file,
      line: entry.package.line,
      ecosystem: entry.package.ecosystem,
      name: entry.package.name,
      version: entry.package.version,
      isDev: entry.package.isDev === true,
      severity: reportedSeverity(entry),
      advisories: entry.advisories.map((advisory) => advisory.id),
      ...(entry.upgradeTo ? { upgradeTo: entry.upgradeTo } : {}),
    })),
  };
  if (evidence.note) section.note = evidence.note;
  return section;
}
