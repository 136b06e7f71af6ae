import type { EnvSection, EnvVariableRow, StartSequenceSection } from '../../model/env-section-schema.js';
import type { Report } from '../../model/report.js';
import { inlineCode, markdownTable } from './table.js';

const MAX_PLACES = 3;

/** "Environment variables": the start sequence, then the contract table (never a value). */
export function renderEnvironment(report: Report): string[] | undefined {
  const env = report.sections.env as EnvSection | undefined;
  const start = report.sections.startSequence as StartSequenceSection | undefined;
  if (!env && !start) return undefined;
  const out: string[] = ['### Start sequence', '', ...renderStartSequence(start), '', '### Variables', ''];
  if (!env) return [...out, 'The code reads no environment variables and no file sets any.'];
  const counts = countBy(env.variables.map((variable) => variable.status));
  out.push(
    `${env.variables.length} variables: ${Object.entries(counts).map(([status, count]) => `${count} ${status}`).join(', ')}. Documented in: ${env.exampleFiles.length > 0 ? env.exampleFiles.map(inlineCode).join(', ') : 'no .env.example file'}.`,
    '',
  );
  out.push(...markdownTable(['Variable', 'Required?', 'Read at', 'Provided by', 'Documented in', 'Secret?'], env.variables.map(row)));
  return out;
}

function renderStartSequence(start: StartSequenceSection | undefined): string[] {
  if (!start) return ['No start command found: no manifest declares one and no conventional entry file (main.py, app.py, server.js...) exists.'];
  const where = start.location ? ` at ${inlineCode(`${start.location.file}:${start.location.line}`)}` : '';
  const port = start.portEnv ? `$${start.portEnv}${start.port !== undefined ? ` (fallback ${start.port})` : ''}` : (start.port?.toString() ?? 'unknown port');
  const steps = [
    inlineCode(start.command),
    start.entry ? `entry ${inlineCode(start.entry.file ?? start.entry.value)}${start.entry.file ? '' : ' (not found)'}` : 'entry unknown',
    start.server ? `server ${inlineCode(start.server)}` : 'server unknown',
    start.host !== undefined || start.port !== undefined || start.portEnv ? `listens on ${inlineCode(`${start.host ?? '?'}:${port}`)}${start.bindAt ? ` (${start.bindAt.file}:${start.bindAt.line})` : ''}` : 'port not known statically',
  ];
  const lines = [`From ${start.source}${where}${start.cwd ? `, run in ${inlineCode(start.cwd)}` : ''}${start.isInContainer ? ', inside the container image' : ''}:`, '', steps.join(' -> ')];
  if (start.alternatives.length > 0) {
    lines.push('', `Takes precedence over: ${start.alternatives.map((alternative) => `${alternative.source} (${inlineCode(`${alternative.file}:${alternative.line}`)})`).join(', ')}.`);
  }
  return lines;
}

function row(variable: EnvVariableRow): string[] {
  return [inlineCode(variable.name), requiredCell(variable), readCell(variable), providedCell(variable), places(variable.documentedIn.map((place) => `${place.file}:${place.line}`)), variable.secret ? 'yes' : 'no'];
}

function requiredCell(variable: EnvVariableRow): string {
  switch (variable.status) {
    case 'platform':
      return 'set by the platform';
    case 'unused':
      return 'not read';
    case 'optional':
      return 'no (has a default)';
    case 'missing':
      return `**yes, MISSING**${variable.strict ? ' (the app dies at start)' : ''}`;
    default:
      return variable.required ? `yes${variable.strict ? ' (strict)' : ''}` : 'no';
  }
}

function readCell(variable: EnvVariableRow): string {
  return places(variable.readAt.map((read) => `${read.file}:${read.line} ${read.via}${read.default !== undefined ? ` (default ${JSON.stringify(read.default)})` : ''}`), variable.readCount);
}

function providedCell(variable: EnvVariableRow): string {
  return places(variable.providedBy.map((provision) => `${provision.source} (${provision.file}:${provision.line})${provision.forwarded ? ' forwarded from the shell' : ''}`));
}

/** Up to MAX_PLACES places; `total` counts places the section did not list. */
function places(items: string[], total = items.length): string {
  if (items.length === 0) return '—';
  const shown = items.slice(0, MAX_PLACES);
  return total > shown.length ? `${shown.join('<br>')}<br>+${total - shown.length} more` : shown.join('<br>');
}

function countBy(values: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}
