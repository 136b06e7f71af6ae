import { resolve } from 'node:path';
import type { VulnerabilitiesConfig } from '../config/schema.js';

const DEFAULT_OSV_API = 'https://api.osv.dev';
/** The whole API exchange (every request) must end within this. */
const DEFAULT_API_BUDGET_MS = 10_000;

/** What the CLI (or a library caller) passes as `collectorOptions.advisories`. */
export interface AdvisoriesCollectorOptions {
  /** `--osv-db`: an absolute path (wins over `vulnerabilities.database`). */
  database?: string;
  /** `--offline`: never query the API. */
  offline?: boolean;
  /** A base URL for the API (wins over the environment and the config). */
  api?: string;
  /** Time budget of the API exchange, in milliseconds. */
  apiBudgetMs?: number;
  /** The facts cache directory: an OSV zip's index is kept there (`osv-index/`); none: every run scans the zip. */
  cacheDir?: string;
}

export interface AdvisorySettings {
  /** Absolute path of the local database, when one is given. */
  database?: string;
  /** The database as the user wrote it (for the report). */
  databaseShown?: string;
  /** API base URL without a trailing slash; undefined: no API. */
  api?: string;
  apiBudgetMs: number;
}

/**
 * Where advisories come from. API: `--offline` turns it off; otherwise an explicit option, then
 * `LIVEREADY_OSV_API` (`off` or a base URL), then `vulnerabilities.api`, then the public API.
 */
export function resolveAdvisorySettings(root: string, config: VulnerabilitiesConfig | undefined, options: AdvisoriesCollectorOptions, environment: Readonly<Record<string, string | undefined>>): AdvisorySettings {
  const settings: AdvisorySettings = { apiBudgetMs: options.apiBudgetMs ?? DEFAULT_API_BUDGET_MS };
  const database = options.database ?? config?.database;
  if (database !== undefined) {
    settings.database = resolve(root, database);
    settings.databaseShown = database;
  }
  const api = options.offline ? undefined : chooseApi(options.api, environment.LIVEREADY_OSV_API, config?.api);
  if (api !== undefined) settings.api = api.replace(/\/+$/, '');
  return settings;
}

function chooseApi(option: string | undefined, environment: string | undefined, configured: boolean | string | undefined): string | undefined {
  if (option !== undefined) return option;
  const fromEnvironment = environment?.trim();
  if (fromEnvironment) return /^(off|false|0|no)$/i.test(fromEnvironment) ? undefined : fromEnvironment;
  if (configured === false) return undefined;
  return typeof configured === 'string' ? configured : DEFAULT_OSV_API;
}
