import type { ResourceKind } from '../../facts/evidence/logs.js';
import type { LogEvent } from '../event.js';

/**
 * Failures of a resource rather than of the code's logic: the fix is in capacity, configuration or
 * a dependency, and they often come back until it is made. First match wins (a SIGKILL that
 * gunicorn calls "Perhaps out of memory?" is out of memory).
 */
const RULES: Array<[ResourceKind, RegExp]> = [
  ['out-of-memory', /\bMemoryError\b|out of memory|OutOfMemory|\bENOMEM\b|Cannot allocate memory|heap limit|\boom(?:-kill)?\b|OOM killer/i],
  ['disk-full', /\bENOSPC\b|No space left on device|\[Errno 28\]|\bDiskFull|disk (?:is )?full/i],
  ['too-many-open-files', /\bE[MN]FILE\b|Too many open files|\[Errno 24\]/i],
  ['address-in-use', /\bEADDRINUSE\b|address already in use|\[Errno (?:98|48)\]|Connection in use:/i],
  ['connection-refused', /\bECONNREFUSED\b|ConnectionRefusedError|Connection refused|\[Errno (?:111|61)\]/i],
  // Case-sensitive: a KeyError on 'timeout' is not a timeout.
  ['timeout', /\bE(?:SOCKET)?TIMEDOUT\b|\b(?:[A-Z]\w*)?Timeout(?:Error|Exception)?\b|\b[Tt]imed out\b|\bi\/o timeout\b|\bWORKER TIMEOUT\b|[Dd]eadline exceeded|\btimeout (?:exceeded|expired)/],
  ['killed-by-signal', /\bSIG(?:KILL|SEGV|ABRT|BUS)\b|killed by signal|terminated by SIG|\bexit(?: code| status)? 137\b|^Killed$/im],
];

export function classifyResource(event: LogEvent): ResourceKind | undefined {
  const parts = [event.message];
  for (const exception of event.exceptions.slice(0, 10)) parts.push(exception.type, exception.message, exception.code ?? '');
  const text = parts.map((part) => part.slice(0, 1000)).join('\n');
  for (const [kind, pattern] of RULES) if (pattern.test(text)) return kind;
  return undefined;
}

export const RESOURCE_LABELS: Record<ResourceKind, string> = {
  'out-of-memory': 'out of memory',
  'killed-by-signal': 'killed by a signal',
  timeout: 'timeout',
  'connection-refused': 'connection refused',
  'address-in-use': 'address already in use',
  'too-many-open-files': 'too many open files',
  'disk-full': 'disk full',
};
