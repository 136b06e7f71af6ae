import type { Project } from '../facts/project.js';
import { type TreeMemo, watchReads } from './tree-memo.js';
import type { Finding } from '../model/finding.js';
import { envSection, startSequenceSection } from '../facts/env-report-sections.js';
import { simulationSection, watchSection } from './simulation-sections.js';
import { logsSectionBuilder } from '../logs/section.js';
import { moduleMapSection, routesSection } from '../facts/service/map-sections.js';
import { goalsSectionBuilder } from '../goals/section.js';
import { vulnerabilitiesSectionBuilder } from '../advisories/section.js';

/**
 * Builds one key of `report.sections` (stage-level data the reporters render: the env contract,
 * the module map, the simulation timeline...). Pure; `undefined` leaves the key out.
 */
export interface SectionBuilder {
  key: string;
  build(project: Project, findings: readonly Finding[]): unknown;
}

export const SECTION_BUILDERS: readonly SectionBuilder[] = [
  logsSectionBuilder,
  // config stage (issue 3)
  { key: 'env', build: (project) => envSection(project) },
  { key: 'startSequence', build: (project) => startSequenceSection(project) },
  // simulate and watch stages (issue 6)
  simulationSection,
  watchSection,
  // map stage (issue 5)
  { key: 'moduleMap', build: (project) => moduleMapSection(project) },
  { key: 'routes', build: (project) => routesSection(project) },
  // goals stage (issue 7)
  goalsSectionBuilder,
  // schema stage: dependency advisories
  vulnerabilitiesSectionBuilder,
];

/**
 * Builds every section. With a memo, a section built from the tree alone (it read neither the
 * evidence nor the findings) is taken from the last audit of the same tree.
 */
export function buildSections(project: Project, findings: readonly Finding[], builders: readonly SectionBuilder[] = SECTION_BUILDERS, memo?: TreeMemo): Record<string, unknown> {
  const sections: Record<string, unknown> = {};
  for (const builder of builders) {
    const value = memo ? buildOrRecall(builder, project, findings, memo) : builder.build(project, findings);
    if (value !== undefined) sections[builder.key] = value;
  }
  return sections;
}

function buildOrRecall(builder: SectionBuilder, project: Project, findings: readonly Finding[], memo: TreeMemo): unknown {
  const name = `section:${builder.key}`;
  const recalled = memo.recall(name, undefined)?.value as { section?: unknown } | undefined;
  if (recalled) return recalled.section;
  const watch = watchReads(project, findings);
  const section = builder.build(project, watch.findings);
  // JSON has no undefined: an object without `section` stands for "no section".
  if (watch.readTreeOnly()) memo.remember(name, undefined, section === undefined ? {} : { section });
  return section;
}
