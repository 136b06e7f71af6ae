import type { LockEcosystem, LockedPackage } from '../manifest-types.js';
import type { OsvAffected, OsvEvent, OsvRange, OsvRecord } from './osv-record.js';
import { compareVersions, packageKey } from './version-order.js';

/** One advisory that applies to an installed version. */
export interface AdvisoryMatch {
  record: OsvRecord;
  /** The lowest `fixed` version above the installed one across the ranges that matched; absent: no fix yet. */
  fixed?: string;
}

/**
 * The advisories (not withdrawn) whose `affected` entries include this exact version: listed in
 * `versions[]`, or inside a SEMVER/ECOSYSTEM range (GIT ranges name commits, not releases).
 */
export function matchAdvisories(locked: LockedPackage, records: readonly OsvRecord[]): AdvisoryMatch[] {
  const key = packageKey(locked.ecosystem, locked.name);
  const matches: AdvisoryMatch[] = [];
  for (const record of records) {
    if (record.withdrawn !== undefined) continue;
    const fixes: string[] = [];
    let isAffected = false;
    for (const affected of record.affected) {
      if (packageKey(affected.package.ecosystem, affected.package.name) !== key) continue;
      const verdict = judgeAffected(locked.ecosystem, locked.version, affected);
      if (!verdict.isAffected) continue;
      isAffected = true;
      fixes.push(...verdict.fixes);
    }
    if (!isAffected) continue;
    const fixed = lowestVersion(locked.ecosystem, fixes);
    matches.push(fixed === undefined ? { record } : { record, fixed });
  }
  return matches;
}

function judgeAffected(ecosystem: LockEcosystem, version: string, affected: OsvAffected): { isAffected: boolean; fixes: string[] } {
  const versioned = affected.ranges.filter((range) => range.type !== 'GIT');
  const hit = versioned.filter((range) => isInRange(ecosystem, version, range));
  const isListed = affected.versions.some((listed) => listed === version || compareVersions(ecosystem, listed, version) === 0);
  if (hit.length === 0 && !isListed) return { isAffected: false, fixes: [] };
  // Listed without a matching range (a range we could not order): any later fix in the entry is the way out.
  const fixes = (hit.length > 0 ? hit : versioned).flatMap((range) => range.events.flatMap((event) => (event.fixed !== undefined && compareVersions(ecosystem, event.fixed, version) === 1 ? [event.fixed] : [])));
  return { isAffected: true, fixes };
}

/**
 * OSV's range evaluation: walk the events in version order; `introduced` at or below the version
 * opens, `fixed` at or below closes, `last_affected` below closes; `limit` at or below excludes.
 */
export function isInRange(ecosystem: LockEcosystem, version: string, range: OsvRange): boolean {
  const ordered: Array<{ event: OsvEvent; order: number; isZero: boolean }> = [];
  for (const event of range.events) {
    const isZero = event.introduced === '0';
    // How the installed version compares with the event's; an event we cannot order is left out, not guessed.
    const order = isZero ? 1 : compareVersions(ecosystem, version, eventVersion(event));
    if (order !== undefined) ordered.push({ event, order, isZero });
  }
  if (ordered.some(({ event, order }) => event.limit !== undefined && order >= 0)) return false;
  let isAffected = false;
  for (const { event, order } of sortEvents(ecosystem, ordered)) {
    if (event.introduced !== undefined && order >= 0) isAffected = true;
    else if (event.fixed !== undefined && order >= 0) isAffected = false;
    else if (event.last_affected !== undefined && order > 0) isAffected = false;
  }
  return isAffected;
}

function sortEvents<T extends { event: OsvEvent; isZero: boolean }>(ecosystem: LockEcosystem, events: readonly T[]): T[] {
  return [...events].sort((left, right) => {
    if (left.isZero || right.isZero) return Number(right.isZero) - Number(left.isZero);
    const byVersion = compareVersions(ecosystem, eventVersion(left.event), eventVersion(right.event)) ?? 0;
    // At one version, the introduction comes first, so an introduce-and-fix at the same release is a fix.
    return byVersion !== 0 ? byVersion : Number(left.event.introduced === undefined) - Number(right.event.introduced === undefined);
  });
}

function eventVersion(event: OsvEvent): string {
  return event.introduced ?? event.fixed ?? event.last_affected ?? event.limit ?? '';
}

/** The lowest of some versions in the ecosystem's order (unparseable ones ignored). */
function lowestVersion(ecosystem: LockEcosystem, versions: readonly string[]): string | undefined {
  let lowest: string | undefined;
  for (const version of versions) {
    if (lowest === undefined || (compareVersions(ecosystem, version, lowest) ?? 0) < 0) lowest = version;
  }
  return lowest;
}

/** The highest of some versions in the ecosystem's order (unparseable ones ignored). */
export function highestVersion(ecosystem: LockEcosystem, versions: readonly string[]): string | undefined {
  let highest: string | undefined;
  for (const version of versions) {
    if (highest === undefined || (compareVersions(ecosystem, version, highest) ?? 0) > 0) highest = version;
  }
  return highest;
}
