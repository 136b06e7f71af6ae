import { defineCheck } from '../../api.js';
import type { LogsEvidence } from '../../../facts/evidence/logs.js';
import { type LogModuleSummary, describeException, describeModule, describeOrigin, summarizeModules } from '../../../logs/group/modules.js';
import type { Finding } from '../../../model/finding.js';
import type { FindingInput } from '../../api.js';
import { groupEvidence, groupLocation, predictedBy, times, windowPhrase } from '../log-findings.js';

export const noFailingModules = defineCheck({
  meta: {
    id: 'logs/no-failing-modules',
    stage: 'logs',
    description: 'Disallow modules that fail more often than the failure threshold in the recent logs',
    severity: 'critical',
    category: 'reliability',
    appliesWhen: 'log files or captured output to read',
  },
  appliesTo: (project) => project.evidence.logs !== undefined,
  run({ project, findings, report }) {
    const evidence = project.evidence.logs as LogsEvidence;
    for (const summary of summarizeModules(evidence)) {
      if (summary.isOverThreshold) report(moduleFinding(summary, evidence, findings));
    }
  },
});

function moduleFinding(summary: LogModuleSummary, evidence: LogsEvidence, findings: readonly Finding[]): FindingInput {
  const recent = summary.groups.filter((group) => group.recentCount > 0);
  const top = recent[0] ?? (summary.groups[0] as (typeof summary.groups)[number]);
  const name = describeModule(summary.module);
  // `Module app/payments.py`, `Process worker`, `Route GET /items/:id`: never a capitalized file path.
  const capitalized = name === summary.module.name ? `Module ${name}` : `${name.charAt(0).toUpperCase()}${name.slice(1)}`;
  const predicted = predictedBy(top, findings);
  const others = recent.length > 1 ? `, plus ${recent.length - 1} other error${recent.length > 2 ? 's' : ''} (${recent.slice(1, 4).map((group) => `${group.recentCount}x ${group.exception.type}`).join(', ')})` : '';
  const seen = top.lastSeen ? `, last at ${top.lastSeen.slice(0, 19).replace('T', ' ')} UTC` : '';
  const input: FindingInput = {
    message:
      `${capitalized} failed ${times(summary.failures)} ${windowPhrase(recent, evidence.window)}, more than the threshold of ${evidence.failureThreshold}: ` +
      `root cause ${describeException(top)} ${describeOrigin(top)} (${times(top.recentCount)}${seen})${others}, so this part of the app keeps failing for real.${predicted.sentence}`,
    remediation: top.frame
      ? `Fix the ${top.exception.type} ${describeOrigin(top)}, then watch the logs for fingerprint ${top.fingerprint} to stop.${predicted.fix}`
      : `Fix what makes ${name} fail (${describeException(top)}), then watch the logs for fingerprint ${top.fingerprint} to stop.${predicted.fix}`,
    location: groupLocation(top),
    fingerprintContent: `module ${summary.module.via}:${summary.module.name}`,
    related: [...recent.slice(1, 6).map(groupLocation), ...predicted.related],
  };
  const evidenceLine = groupEvidence(top);
  if (evidenceLine !== undefined) input.evidence = evidenceLine;
  return input;
}
