import type { Location as SarifLocation, Log, ReportingDescriptor, Result } from 'sarif';
import type { Finding, SuppressedFinding } from '../model/finding.js';
import type { Report } from '../model/report.js';
import type { Severity } from '../model/severity.js';

/** SARIF 2.1.0 `level` per severity: code-scanning UIs colour and gate on it. */
const LEVELS: Record<Severity, 'error' | 'warning' | 'note'> = { critical: 'error', moderate: 'warning', low: 'note', info: 'note' };
/** GitHub code scanning reads `security-severity` (0-10) for security rules: critical >= 9, high >= 7, medium >= 4, low. */
const SECURITY_SEVERITY: Record<Severity, string> = { critical: '9.0', moderate: '5.0', low: '2.0', info: '0.0' };
const SUPPRESSION_KIND: Record<SuppressedFinding['by'], 'inSource' | 'external'> = { inline: 'inSource', config: 'external', baseline: 'external' };
const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const ROOT_BASE = 'SRCROOT';

type Rule = ReportingDescriptor & { properties: { tags: string[]; 'security-severity'?: string } };

/**
 * The report as one SARIF 2.1.0 run: a rule per check that ran, a result per finding (suppressed
 * findings too, marked with their suppression, so code-scanning UIs show them as dismissed), the
 * liveready fingerprint as the partial fingerprint, the verdict in the run's properties. Pure.
 */
export function renderSarif(report: Report): string {
  const rules = rulesOf(report);
  const index = new Map(rules.map((rule, position) => [rule.id, position]));
  const results = [...report.findings.map((finding) => result(finding, index)), ...report.suppressed.map((entry) => suppressedResult(entry, index))];
  const log: Log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: report.tool.name, version: report.tool.version, semanticVersion: report.tool.version, rules } },
        originalUriBaseIds: { [ROOT_BASE]: { uri: rootUri(report.root) } },
        invocations: [{ executionSuccessful: true, properties: { gate: report.gate, verdict: report.verdict } }],
        results,
        properties: { liveReady: report.verdict.liveReady, basis: report.verdict.basis, deathLoopCause: report.verdict.deathLoopCause },
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function rulesOf(report: Report): Rule[] {
  const ids = new Set([...report.checks.map((check) => check.id), ...report.findings.map((finding) => finding.checkId), ...report.suppressed.map((entry) => entry.checkId)]);
  const runs = new Map(report.checks.map((check) => [check.id, check]));
  const seen = new Map(report.findings.map((finding) => [finding.checkId, finding]));
  return [...ids].sort().map((id) => {
    const run = runs.get(id);
    const severity = run?.severity ?? seen.get(id)?.severity ?? 'moderate';
    const category = run?.category ?? seen.get(id)?.category;
    const rule: Rule = {
      id,
      name: ruleName(id),
      shortDescription: { text: run?.description ?? id },
      defaultConfiguration: { level: LEVELS[severity] },
      properties: { tags: [run?.stage ?? 'liveready', ...(category ? [category] : [])] },
    };
    if (category === 'security') rule.properties['security-severity'] = SECURITY_SEVERITY[severity];
    return rule;
  });
}

/** `env/require-provided-variable` -> `EnvRequireProvidedVariable` (SARIF names are identifiers). */
function ruleName(id: string): string {
  return id
    .split(/[/-]/)
    .filter(Boolean)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}

function result(finding: Finding, index: Map<string, number>): Result {
  const entry: Result = {
    ruleId: finding.checkId,
    ruleIndex: index.get(finding.checkId),
    level: LEVELS[finding.severity],
    message: { text: `${finding.message}\nFix: ${finding.remediation}` },
    locations: [physicalLocation(finding.location, finding.evidence)],
    partialFingerprints: { 'liveready/v1': finding.fingerprint },
    properties: { severity: finding.severity, stage: finding.stage, category: finding.category, remediation: finding.remediation, ...(finding.experimental ? { experimental: true } : {}) },
  };
  if (finding.related && finding.related.length > 0) {
    entry.relatedLocations = finding.related.map((location, id) => ({ id, ...physicalLocation(location) }));
  }
  return entry;
}

function suppressedResult(entry: SuppressedFinding, index: Map<string, number>): Result {
  return {
    ruleId: entry.checkId,
    ruleIndex: index.get(entry.checkId),
    level: LEVELS[entry.severity],
    message: { text: `Suppressed (${entry.by})${entry.reason ? `: ${entry.reason}` : ''}` },
    locations: [physicalLocation(entry.location)],
    partialFingerprints: { 'liveready/v1': entry.fingerprint },
    suppressions: [{ kind: SUPPRESSION_KIND[entry.by], status: 'accepted', ...(entry.reason ? { justification: entry.reason } : {}) }],
  };
}

function physicalLocation(location: { file: string; line: number; column?: number }, snippet?: string): SarifLocation {
  const region: NonNullable<NonNullable<SarifLocation['physicalLocation']>['region']> = { startLine: Math.max(1, location.line) };
  if (location.column !== undefined) region.startColumn = Math.max(1, location.column);
  if (snippet !== undefined) region.snippet = { text: snippet };
  return { physicalLocation: { artifactLocation: { uri: encodeURI(location.file), uriBaseId: ROOT_BASE }, region } };
}

/** The audited root as a `file://` URI ending in a slash (SARIF resolves artifact URIs against it). */
function rootUri(root: string): string {
  const posix = root.replace(/\\/g, '/');
  const absolute = posix.startsWith('/') ? posix : `/${posix}`;
  return `file://${encodeURI(absolute.endsWith('/') ? absolute : `${absolute}/`)}`;
}
