import { delimiter } from 'node:path';
import type { SimulateConfig } from '../config/schema.js';
import type { EnvironmentSummary } from '../facts/evidence/evidence.js';
import type { EnvContract, EnvVariable } from '../facts/env-contract.js';
import { isExampleEnvFile } from '../facts/env-files.js';
import { isPlaceholderValue } from '../facts/secret-values.js';

export interface AppEnvironment {
  env: Record<string, string>;
  summary: EnvironmentSummary;
}

export interface BaseEnvironment {
  /** Directories put before the machine's PATH (venv, node_modules/.bin, wrappers). */
  pathPrefix: string[];
  /** The machine's PATH (where the tools are); nothing else of the user's environment is passed. */
  machinePath: string;
  home: string;
  tmp: string;
}

/** What every process needs and nothing of the user's own: PATH, HOME in the sandbox, locale. */
export function baseEnvironment(base: BaseEnvironment): Record<string, string> {
  return {
    PATH: [...base.pathPrefix, base.machinePath].filter(Boolean).join(delimiter),
    HOME: base.home,
    TMPDIR: base.tmp,
    LANG: 'C.UTF-8',
    LC_ALL: 'C.UTF-8',
    TZ: 'UTC',
    // Unbuffered output: lines arrive when written, and nothing is lost when the process is killed.
    PYTHONUNBUFFERED: '1',
  };
}

/**
 * The app's environment, built from the environment contract and nothing else: values the
 * project provides (non-secret), clearly fake placeholders for secrets the project provides or
 * documents, `simulate.env` from the config, and PORT. A required variable that nothing provides
 * or documents is NOT invented: the app must crash the way a fresh deploy would, so the audit can
 * name the cause.
 */
export function buildAppEnvironment(contract: EnvContract, config: SimulateConfig, base: Record<string, string>, port: number | undefined): AppEnvironment {
  const env: Record<string, string> = { ...base };
  const summary: EnvironmentSummary = { passed: [], placeholders: [], missing: [] };
  for (const variable of contract.variables) {
    if (variable.platform || variable.name in (config.env ?? {})) continue;
    const value = chooseValue(variable);
    if (value === undefined) {
      if (variable.required) summary.missing.push(variable.name);
      continue;
    }
    env[variable.name] = value.value;
    (value.placeholder ? summary.placeholders : summary.passed).push(variable.name);
  }
  for (const [name, value] of Object.entries(config.env ?? {})) {
    env[name] = value;
    summary.passed.push(name);
  }
  if (port !== undefined) env.PORT = String(port);
  return { env, summary };
}

function chooseValue(variable: EnvVariable): { value: string; placeholder: boolean } | undefined {
  const provisions = variable.provided.filter((provision) => !isExampleEnvFile(provision.file));
  const provided = provisions.find((provision) => provision.value !== undefined);
  if (variable.secret) {
    // Never the real secret: a value that cannot work anywhere but lets the app start.
    if (provisions.length > 0 || variable.documented.length > 0) return { value: placeholderFor(variable.name), placeholder: true };
    return undefined;
  }
  if (provided?.value !== undefined) return { value: provided.value, placeholder: false };
  // Provided by the platform without a value in the repo (render.yaml fromDatabase, sync: false...).
  if (provisions.length > 0) return { value: placeholderFor(variable.name), placeholder: true };
  const documented = variable.documented.find((entry) => entry.value.trim() !== '' && !isPlaceholderValue(entry.value));
  if (documented) return { value: documented.value, placeholder: false };
  if (variable.documented.length > 0) return { value: placeholderFor(variable.name), placeholder: true };
  return undefined;
}

export function placeholderFor(name: string): string {
  return `liveready-placeholder-${name.toLowerCase().replace(/_/g, '-')}`;
}
