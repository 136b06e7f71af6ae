import type { Check } from '../checks/api.js';
import type { LivereadyConfig } from '../config/schema.js';
import { ConfigError } from '../model/errors.js';
import type { Severity } from '../model/severity.js';

export interface CheckSettings {
  enabled: boolean;
  /** Config override of every finding's severity. */
  severity?: Severity;
  options: Record<string, unknown>;
}

/** Per-check settings from config; an unknown check id is a configuration error (a typo silences nothing). */
export function resolveCheckSettings(config: LivereadyConfig, checks: readonly Check[]): Map<string, CheckSettings> {
  const known = new Set(checks.map((check) => check.meta.id));
  const settings = new Map<string, CheckSettings>();
  for (const check of checks) settings.set(check.meta.id, { enabled: true, options: {} });
  for (const [id, value] of Object.entries(config.checks ?? {})) {
    if (!known.has(id)) throw new ConfigError(`invalid config: checks.${id}: unknown check id${suggest(id, known)}`);
    const setting = settings.get(id) as CheckSettings;
    if (value === 'off') setting.enabled = false;
    else if (typeof value === 'string') setting.severity = value;
    else {
      if (value.enabled === false) setting.enabled = false;
      if (value.severity) setting.severity = value.severity;
      if (value.options) setting.options = value.options;
    }
  }
  for (const [index, entry] of (config.ignore ?? []).entries()) {
    if (entry.check !== '*' && !known.has(entry.check)) {
      throw new ConfigError(`invalid config: ignore[${index}].check: unknown check id "${entry.check}"${suggest(entry.check, known)}`);
    }
  }
  return settings;
}

function suggest(id: string, known: Set<string>): string {
  const name = id.split('/')[1] ?? id;
  // A near-typo names one check; otherwise list the domain's checks (a domain grows).
  const typo = [...known].filter((candidate) => editDistance(candidate, id) <= 2);
  const close = typo.length > 0 ? typo : [...known].filter((candidate) => candidate.endsWith(`/${name}`) || candidate.startsWith(`${id.split('/')[0]}/`));
  return close.length > 0 ? ` (did you mean ${close.slice(0, 3).join(', ')}?)` : '';
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let row = 1; row <= a.length; row += 1) {
    const current = [row];
    for (let column = 1; column <= b.length; column += 1) {
      const cost = a[row - 1] === b[column - 1] ? 0 : 1;
      current[column] = Math.min((previous[column] ?? 0) + 1, (current[column - 1] ?? 0) + 1, (previous[column - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
