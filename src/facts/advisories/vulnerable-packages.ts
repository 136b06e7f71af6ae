import type { LockedPackage } from '../manifest-types.js';
import type { Project } from '../project.js';
import type { Severity } from '../../model/severity.js';
import { severityRank } from '../../model/severity.js';
import { type Advisory, mergeAdvisories } from './advisory.js';
import { lockedPackagesOf } from '../locked-packages.js';
import { highestVersion, matchAdvisories } from './match.js';
import type { OsvRecord } from './osv-record.js';
import { packageKey } from './version-order.js';

/** One installed (file, package, version) with the advisories that apply to it. */
export interface VulnerablePackage {
  file: string;
  package: LockedPackage;
  advisories: Advisory[];
  /** The worst advisory's severity (before the dev-only step down). */
  severity: Severity;
  /** The lowest version that fixes every advisory that has a fix; absent when none has one. */
  upgradeTo?: string;
}

/** Every vulnerable locked package of the project, from the advisories the collector loaded. Memoized. */
export function vulnerablePackages(project: Project): VulnerablePackage[] {
  return project.derive('vulnerablePackages', () => {
    const records = project.evidence.advisories?.records ?? [];
    return findVulnerablePackages(lockedPackagesOf(project), records);
  });
}

export function findVulnerablePackages(locked: ReadonlyArray<{ file: string; package: LockedPackage }>, records: readonly OsvRecord[]): VulnerablePackage[] {
  const byPackage = indexRecords(records);
  const found: VulnerablePackage[] = [];
  for (const entry of locked) {
    const candidates = byPackage.get(packageKey(entry.package.ecosystem, entry.package.name));
    if (!candidates) continue;
    const matches = matchAdvisories(entry.package, candidates);
    if (matches.length === 0) continue;
    const advisories = mergeAdvisories(entry.package.ecosystem, matches);
    const vulnerable: VulnerablePackage = { file: entry.file, package: entry.package, advisories, severity: worstSeverity(advisories) };
    const upgradeTo = upgradeTarget(entry.package, candidates, advisories);
    if (upgradeTo) vulnerable.upgradeTo = upgradeTo;
    found.push(vulnerable);
  }
  return found;
}

/** Records by the packages their `affected` entries name. */
function indexRecords(records: readonly OsvRecord[]): Map<string, OsvRecord[]> {
  const index = new Map<string, OsvRecord[]>();
  for (const record of records) {
    for (const key of new Set(record.affected.map((affected) => packageKey(affected.package.ecosystem, affected.package.name)))) {
      const list = index.get(key);
      if (list) list.push(record);
      else index.set(key, [record]);
    }
  }
  return index;
}

/**
 * The highest of the advisories' fixes, raised while that version is itself affected by a record
 * that has a later fix (a fix on one branch can land inside another advisory's range).
 */
function upgradeTarget(locked: LockedPackage, records: readonly OsvRecord[], advisories: readonly Advisory[]): string | undefined {
  let target = highestVersion(locked.ecosystem, advisories.flatMap((advisory) => (advisory.fixed ? [advisory.fixed] : [])));
  for (let round = 0; target !== undefined && round < 5; round += 1) {
    const later = matchAdvisories({ ...locked, version: target }, records).flatMap((match) => (match.fixed ? [match.fixed] : []));
    const next = highestVersion(locked.ecosystem, later);
    if (next === undefined) break;
    target = next;
  }
  return target;
}

const STEP_DOWN: Record<Severity, Severity> = { critical: 'moderate', moderate: 'low', low: 'info', info: 'info' };

/** The severity to report: a development-only package does not ship, so it is one step lower. */
export function reportedSeverity(vulnerable: VulnerablePackage): Severity {
  return vulnerable.package.isDev ? STEP_DOWN[vulnerable.severity] : vulnerable.severity;
}

function worstSeverity(advisories: readonly Advisory[]): Severity {
  return advisories.reduce<Severity>((worst, advisory) => (severityRank(advisory.severity) > severityRank(worst) ? advisory.severity : worst), 'low');
}
