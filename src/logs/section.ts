import type { SectionBuilder } from '../engine/sections.js';
import type { LogErrorGroup, LogsEvidence } from '../facts/evidence/logs.js';
import type { Finding } from '../model/finding.js';
import type { LogGroupEntry, LogsSection } from '../model/logs-section-schema.js';
import { projectSecrets } from '../facts/evidence/redact-change.js';
import { redactDeep } from '../util/redact.js';
import { findPredictingFinding } from './group/link-findings.js';
import { describeException, describeOrigin, summarizeModules } from './group/modules.js';

/** Groups listed in the report; the rest are counted (the evidence keeps up to 1,000). */
const MAX_REPORTED_GROUPS = 200;
const MAX_EXAMPLE_LINES = 20;

/** `report.sections.logs` from the logs evidence: modules with their failures, groups with root causes. */
export const logsSectionBuilder: SectionBuilder = {
  key: 'logs',
  // Group texts are redacted of token shapes when read; the project's own secret values (from its committed env files) are masked here.
  build: (project, findings) => (project.evidence.logs ? redactDeep(buildLogsSection(project.evidence.logs, findings), projectSecrets(project)) : undefined),
};

export function buildLogsSection(evidence: LogsEvidence, findings: readonly Finding[]): LogsSection {
  const modules = summarizeModules(evidence);
  const listed = evidence.groups.slice(0, MAX_REPORTED_GROUPS);
  return {
    failureThreshold: evidence.failureThreshold,
    window: evidence.window,
    sources: evidence.sources,
    skipped: evidence.skipped,
    modules: modules.map((summary) => ({
      module: summary.module.name,
      via: summary.module.via,
      failures: summary.failures,
      total: summary.total,
      overThreshold: summary.isOverThreshold,
      groups: summary.groups.map((group) => group.fingerprint),
    })),
    groups: listed.map((group) => groupEntry(group, findings)),
    omittedGroups: evidence.groups.length - listed.length,
    foldedGroups: evidence.foldedGroups,
  };
}

function groupEntry(group: LogErrorGroup, findings: readonly Finding[]): LogGroupEntry {
  const entry: LogGroupEntry = {
    fingerprint: group.fingerprint,
    signature: group.signature,
    module: group.module.name,
    via: group.module.via,
    level: group.level,
    exception: group.exception,
    rootCause: `${describeException(group)} ${describeOrigin(group)}`,
    count: group.count,
    recentCount: group.recentCount,
    example: { ...group.example, text: group.example.text.slice(0, MAX_EXAMPLE_LINES) },
  };
  if (group.surfacedAs) entry.surfacedAs = group.surfacedAs;
  if (group.frame) entry.frame = { file: group.frame.file, line: group.frame.line, ...(group.frame.function ? { function: group.frame.function } : {}) };
  if (group.resource) entry.resource = group.resource;
  if (group.firstSeen) entry.firstSeen = group.firstSeen;
  if (group.lastSeen) entry.lastSeen = group.lastSeen;
  const predicted = findPredictingFinding(group, findings);
  if (predicted) entry.staticFinding = { checkId: predicted.checkId, file: predicted.location.file, line: predicted.location.line, fingerprint: predicted.fingerprint };
  return entry;
}
