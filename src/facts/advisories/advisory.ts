import type { Severity } from '../../model/severity.js';
import { severityRank } from '../../model/severity.js';
import type { LockEcosystem } from '../manifest-types.js';
import type { AdvisoryMatch } from './match.js';
import { highestVersion } from './match.js';

/** One vulnerability as the report names it: records that alias each other (GHSA + PYSEC + CVE) merged. */
export interface Advisory {
  /** The preferred id (GHSA first, then PYSEC, then the first seen). */
  id: string;
  /** Every other id of the same vulnerability (CVE, PYSEC, GHSA...), sorted. */
  aliases: string[];
  summary?: string;
  severity: Severity;
  /** The version that fixes it for this install; absent: no fixed version yet. */
  fixed?: string;
}

/** GHSA severities (database_specific.severity) on liveready's scale; unknown is moderate. */
function severityOfRecord(label: string | undefined): Severity {
  switch (label) {
    case 'CRITICAL':
      return 'critical';
    case 'LOW':
      return 'low';
    default:
      return 'moderate';
  }
}

/** Merges matches of records that name the same vulnerability (an id or alias in common). */
export function mergeAdvisories(ecosystem: LockEcosystem, matches: readonly AdvisoryMatch[]): Advisory[] {
  const groups: Array<{ names: Set<string>; matches: AdvisoryMatch[] }> = [];
  for (const match of matches) {
    const names = [match.record.id, ...match.record.aliases];
    const group = groups.find((candidate) => names.some((name) => candidate.names.has(name)));
    if (group) {
      group.matches.push(match);
      for (const name of names) group.names.add(name);
    } else groups.push({ names: new Set(names), matches: [match] });
  }
  return groups.map((group) => toAdvisory(ecosystem, group.names, group.matches)).sort((left, right) => severityRank(right.severity) - severityRank(left.severity) || left.id.localeCompare(right.id));
}

function toAdvisory(ecosystem: LockEcosystem, names: Set<string>, matches: readonly AdvisoryMatch[]): Advisory {
  const ids = matches.map((match) => match.record.id);
  const id = ids.find((name) => name.startsWith('GHSA-')) ?? ids.find((name) => name.startsWith('PYSEC-')) ?? ids[0] ?? '';
  const severities = matches.map((match) => severityOfRecord(match.record.severity));
  // A record without a severity says nothing; a GHSA twin that rates it decides.
  const rated = matches.filter((match) => match.record.severity !== undefined).map((match) => severityOfRecord(match.record.severity));
  const severity = [...(rated.length > 0 ? rated : severities)].sort((left, right) => severityRank(right) - severityRank(left))[0] ?? 'moderate';
  const advisory: Advisory = { id, aliases: [...names].filter((name) => name !== id).sort(), severity };
  const summary = matches.find((match) => match.record.id === id)?.record.summary ?? matches.find((match) => match.record.summary)?.record.summary;
  if (summary) advisory.summary = summary;
  // Twins should agree on the fix; when they do not, the higher one is the safe recommendation.
  const fixed = highestVersion(ecosystem, matches.flatMap((match) => (match.fixed ? [match.fixed] : [])));
  if (fixed) advisory.fixed = fixed;
  return advisory;
}
