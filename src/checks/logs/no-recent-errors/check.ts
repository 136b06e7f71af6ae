import { defineCheck } from '../../api.js';
import type { FindingInput } from '../../api.js';
import type { LogErrorGroup, LogsEvidence } from '../../../facts/evidence/logs.js';
import { describeException, describeOrigin, summarizeModules } from '../../../logs/group/modules.js';
import type { Finding } from '../../../model/finding.js';
import { groupFinding, times, windowPhrase } from '../log-findings.js';

export const noRecentErrors = defineCheck({
  meta: {
    id: 'logs/no-recent-errors',
    stage: 'logs',
    description: 'Disallow errors in the recent logs, each grouped by fingerprint with its root cause',
    severity: 'low',
    category: 'reliability',
    appliesWhen: 'log files or captured output to read',
  },
  appliesTo: (project) => project.evidence.logs !== undefined,
  run({ project, findings, report }) {
    const evidence = project.evidence.logs as LogsEvidence;
    // Modules over the threshold and resource failures have their own, louder findings.
    const failing = new Set(summarizeModules(evidence).filter((summary) => summary.isOverThreshold).map((summary) => `${summary.module.via}:${summary.module.name}`));
    for (const group of evidence.groups) {
      if (group.recentCount === 0 || group.resource || failing.has(`${group.module.via}:${group.module.name}`)) continue;
      report(describeGroup(group, evidence, findings));
    }
  },
});

function describeGroup(group: LogErrorGroup, evidence: LogsEvidence, findings: readonly Finding[]): FindingInput {
  return groupFinding(group, findings, (predicted) => ({
    message: `${describeException(group)} (${describeOrigin(group)}) happened ${times(group.recentCount)} ${windowPhrase([group], evidence.window)}, fingerprint ${group.fingerprint}; each occurrence is a request or job that failed.${predicted.sentence}`,
    remediation: `Fix the ${group.exception.type} ${describeOrigin(group)} or handle it where it is expected, so it stops reaching the logs.${predicted.fix}`,
  }));
}
