import type { LogErrorGroup, LogModuleRef, LogsEvidence } from '../../facts/evidence/logs.js';

/** One module's failures: the sum of its groups. */
export interface LogModuleSummary {
  module: LogModuleRef;
  /** Failures in the recent window. */
  failures: number;
  total: number;
  /** More than the failure threshold in the window: critical. */
  isOverThreshold: boolean;
  /** Its groups, most recent failures first. */
  groups: LogErrorGroup[];
}

/** Modules with their failures, worst first. Pure: the checks and the report both use it. */
export function summarizeModules(evidence: LogsEvidence): LogModuleSummary[] {
  const byModule = new Map<string, LogModuleSummary>();
  for (const group of evidence.groups) {
    const key = `${group.module.via}\u0000${group.module.name}`;
    let summary = byModule.get(key);
    if (!summary) {
      summary = { module: group.module, failures: 0, total: 0, isOverThreshold: false, groups: [] };
      byModule.set(key, summary);
    }
    summary.failures += group.recentCount;
    summary.total += group.count;
    summary.groups.push(group);
  }
  const modules = [...byModule.values()];
  for (const summary of modules) {
    summary.isOverThreshold = summary.failures > evidence.failureThreshold;
    summary.groups.sort((a, b) => b.recentCount - a.recentCount || b.count - a.count);
  }
  return modules.sort((a, b) => b.failures - a.failures || b.total - a.total || a.module.name.localeCompare(b.module.name));
}

/** `ValueError: amount must be positive`, the root cause in one line. */
export function describeException(group: LogErrorGroup): string {
  const { type, message } = group.exception;
  const status = /^HTTP(\d{3})$/.exec(type);
  // A log line with no exception: its level is the only "type" it has.
  const isLogLine = /^(?:ERROR|CRITICAL|FATAL)$/.test(type);
  const text = status ? `HTTP ${status[1]} response` : isLogLine ? `${type.toLowerCase()} "${message}"` : message ? `${type}: ${message}` : type;
  return text.length > 160 ? `${text.slice(0, 160)}…` : text;
}

/** `raised at app/payments.py:42 in charge`, or where the log says it came from. */
export function describeOrigin(group: LogErrorGroup): string {
  if (group.frame) {
    const { file, line, function: name } = group.frame;
    const where = name === undefined ? '' : TOP_LEVEL.has(name) ? ' at module level' : ` in ${name}`;
    return `raised at ${file}:${line}${where}`;
  }
  const { name, via } = group.module;
  if (via === 'route') return `on ${name}`;
  if (via === 'process') return `in process ${name}`;
  if (via === 'logger') return `logged by ${name}`;
  return `in ${name}:${group.example.line}`;
}

/** `app/payments.py`, `process worker`, `route GET /items/:id`, `logger uvicorn.error`: a module as a reader sees it. */
export function describeModule(module: LogModuleRef): string {
  if (module.via === 'process') return `process ${module.name}`;
  if (module.via === 'route') return `route ${module.name}`;
  if (module.via === 'logger' && !module.name.includes('/')) return `logger ${module.name}`;
  return module.name;
}

// What Python and Node call code that runs at import, outside any function.
const TOP_LEVEL = new Set(['<module>', 'Object.<anonymous>', '<anonymous>']);
