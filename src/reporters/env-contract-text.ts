import type { EnvSection, EnvVariableRow, StartSequenceSection } from '../model/env-section-schema.js';

/** `liveready env`: the contract as a plain-text table (no colour, no values). */
export function renderEnvTable(env: EnvSection | undefined, start: StartSequenceSection | undefined): string {
  const lines: string[] = [];
  if (start) {
    const port = start.portEnv ? `$${start.portEnv}${start.port !== undefined ? ` (fallback ${start.port})` : ''}` : (start.port?.toString() ?? '?');
    lines.push(`start: ${start.command}  [${start.source}]`, `       -> ${start.entry?.file ?? start.entry?.value ?? '?'} -> ${start.server ?? '?'} -> ${start.host ?? '?'}:${port}`, '');
  }
  if (!env || env.variables.length === 0) return `${lines.join('\n')}No environment variables are read, provided or documented.\n`;
  const rows = env.variables.map((variable) => [variable.name, variable.status, required(variable), variable.secret ? 'yes' : 'no', firstAndMore(variable.readAt.map((read) => `${read.file}:${read.line}`), variable.readCount), firstAndMore(variable.providedBy.map((provision) => `${provision.file}:${provision.line}${provision.forwarded ? ' (fwd)' : ''}`)), firstAndMore(variable.documentedIn.map((place) => `${place.file}:${place.line}`))]);
  const header = ['VARIABLE', 'STATUS', 'REQUIRED', 'SECRET', 'READ AT', 'PROVIDED BY', 'DOCUMENTED IN'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  const format = (row: string[]): string => row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ').trimEnd();
  lines.push(format(header), ...rows.map(format));
  const missing = env.variables.filter((variable) => variable.status === 'missing').map((variable) => variable.name);
  lines.push('', missing.length > 0 ? `missing: ${missing.join(', ')} (required, and nothing provides or documents them)` : 'missing: none');
  return `${lines.join('\n')}\n`;
}

function required(variable: EnvVariableRow): string {
  if (variable.platform) return 'platform';
  if (!variable.required) return 'no';
  return variable.strict ? 'yes, strict' : 'yes';
}

/** The first place and how many more (`total` counts places the section did not list). */
function firstAndMore(items: string[], total = items.length): string {
  if (items.length === 0) return '-';
  return total === 1 ? (items[0] as string) : `${items[0]} +${total - 1}`;
}
