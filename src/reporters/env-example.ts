import type { EnvSection, EnvVariableRow } from '../model/env-section-schema.js';
import { isRealSecret } from '../facts/secret-values.js';
import { redact } from '../util/redact.js';

/**
 * A complete `.env.example` from the contract: every variable the app reads that the platform does
 * not set, required ones first, each with where it is read. Values are placeholders: empty, or a
 * default the code itself writes when it is not a secret. Never a provided value.
 */
export function renderEnvExample(env: EnvSection | undefined, only?: ReadonlySet<string>): string {
  const variables = (env?.variables ?? []).filter((variable) => !variable.platform && variable.status !== 'unused' && (!only || only.has(variable.name)));
  const required = variables.filter((variable) => variable.required);
  const optional = variables.filter((variable) => !variable.required);
  const out: string[] = [];
  if (required.length > 0) out.push('# Required: the app needs these (set real values in the platform, not in this file).', '', ...required.flatMap(entry), '');
  if (optional.length > 0) out.push('# Optional: the code has a default.', '', ...optional.flatMap(entry), '');
  return out.join('\n');
}

function entry(variable: EnvVariableRow): string[] {
  const read = variable.readAt[0];
  const where = read ? `${read.file}:${read.line}${variable.readCount > 1 ? ` (+${variable.readCount - 1})` : ''}` : 'manifests';
  const notes = [variable.secret ? 'secret' : '', variable.strict ? 'the app stops without it' : ''].filter(Boolean).join('; ');
  return [`# read at ${where}${notes ? `; ${notes}` : ''}`, `${variable.name}=${placeholder(variable)}`];
}

function placeholder(variable: EnvVariableRow): string {
  if (variable.secret) return '';
  const value = variable.readAt.find((read) => read.default !== undefined)?.default;
  if (value === undefined || isRealSecret(variable.name, value) || redact(value) !== value || /[\s#"'$`\\]/.test(value)) return '';
  return value;
}
