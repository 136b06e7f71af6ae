import { defineCheck } from '../../api.js';
import type { FindingInput } from '../../api.js';
import type { LogErrorGroup, LogsEvidence, ResourceKind } from '../../../facts/evidence/logs.js';
import { describeException, describeOrigin } from '../../../logs/group/modules.js';
import { RESOURCE_LABELS } from '../../../logs/group/resource.js';
import type { Finding } from '../../../model/finding.js';
import { groupFinding, times, windowPhrase } from '../log-findings.js';

const CONSEQUENCE: Record<ResourceKind, string> = {
  'out-of-memory': 'the process ran out of memory and was killed or crashed, dropping whatever it was doing',
  'killed-by-signal': 'the process was killed by a signal (SIGKILL is usually the OOM killer or a platform limit), dropping its requests',
  timeout: 'an operation timed out, so the request or job failed or a worker was restarted',
  'connection-refused': 'a service it depends on refused the connection: it is down, not started yet, or at the wrong address',
  'address-in-use': 'it could not bind its port because another process holds it, so this instance never served',
  'too-many-open-files': 'it ran out of file descriptors, so new connections and files fail until it restarts',
  'disk-full': 'the disk is full, so writes (logs, uploads, databases) fail',
};

const FIX: Record<ResourceKind, string> = {
  'out-of-memory': 'Find what grows (unbounded caches, whole files read into memory, leaks) and bound it, or give the instance more memory; set worker counts to fit the memory limit.',
  'killed-by-signal': 'Check the platform and kernel logs for why it was killed (memory limit, health-check timeout) and fix that limit or the usage that hits it.',
  timeout: 'Give the call an explicit timeout with a retry or fallback, or move the slow work out of the request into a background job.',
  'connection-refused': 'Make sure the dependency runs before the app starts and its address comes from the environment (not localhost in production); retry with backoff at start.',
  'address-in-use': 'Bind only to $PORT, start one process per port, and make sure the previous instance is stopped (no second server started by a reloader).',
  'too-many-open-files': 'Close files, sockets and HTTP clients (use context managers or one shared client), or raise the open-file limit.',
  'disk-full': 'Rotate and cap logs, clean temporary files, and store uploads in object storage instead of the local disk.',
};

export const noResourceFailures = defineCheck({
  meta: {
    id: 'logs/no-resource-failures',
    stage: 'logs',
    description: 'Disallow resource failures in the recent logs: out of memory, killed by signal, timeouts, refused connections, ports in use, file descriptors, full disks',
    severity: 'moderate',
    category: 'operations',
    appliesWhen: 'log files or captured output to read',
  },
  appliesTo: (project) => project.evidence.logs !== undefined,
  run({ project, findings, report }) {
    const evidence = project.evidence.logs as LogsEvidence;
    for (const group of evidence.groups) {
      if (group.resource && group.recentCount > 0) report(describeGroup(group, group.resource, evidence, findings));
    }
  },
});

function describeGroup(group: LogErrorGroup, kind: ResourceKind, evidence: LogsEvidence, findings: readonly Finding[]): FindingInput {
  return groupFinding(group, findings, (predicted) => ({
    message: `Resource failure (${RESOURCE_LABELS[kind]}) ${times(group.recentCount)} ${windowPhrase([group], evidence.window)}: ${describeException(group)} (${describeOrigin(group)}); ${CONSEQUENCE[kind]}.${predicted.sentence}`,
    remediation: `${FIX[kind]}${predicted.fix}`,
  }));
}
