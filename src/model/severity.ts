export const SEVERITIES = ['critical', 'moderate', 'low', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

const RANK: Record<Severity, number> = { critical: 3, moderate: 2, low: 1, info: 0 };

/** Higher is worse. */
export function severityRank(severity: Severity): number {
  return RANK[severity];
}

export function isAtLeast(severity: Severity, threshold: Severity): boolean {
  return RANK[severity] >= RANK[threshold];
}

export function isSeverity(value: unknown): value is Severity {
  return typeof value === 'string' && (SEVERITIES as readonly string[]).includes(value);
}
