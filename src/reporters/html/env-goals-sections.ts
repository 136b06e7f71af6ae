import type { EnvSection, EnvVariableRow, StartSequenceSection } from '../../model/env-section-schema.js';
import type { GoalRow, GoalsSection } from '../../model/goals-section-schema.js';
import type { Report } from '../../model/report.js';
import { code, escapeHtml, htmlTable, section } from './escape.js';

const MAX_PLACES = 3;

/** "Environment variables": the start command, then the contract (never a value). */
export function renderEnvironment(report: Report): string | undefined {
  const env = report.sections.env as EnvSection | undefined;
  const start = report.sections.startSequence as StartSequenceSection | undefined;
  if (!env && !start) return undefined;
  const parts = [startLine(start)];
  if (!env || env.variables.length === 0) parts.push('<p>The code reads no environment variables and no file sets any.</p>');
  else {
    const documented = env.exampleFiles.length > 0 ? env.exampleFiles.map(code).join(', ') : 'no .env.example file';
    parts.push(`<p>${env.variables.length} variable${env.variables.length === 1 ? '' : 's'}. Documented in: ${documented}.</p>`);
    parts.push(htmlTable(['Variable', 'Status', 'Required?', 'Secret?', 'Read at', 'Provided by', 'Documented in'], env.variables.map(variableRow), 'env'));
  }
  return section('environment', 'Environment variables', parts.join('\n'));
}

function startLine(start: StartSequenceSection | undefined): string {
  if (!start) return '<p>No start command found: no manifest declares one and no conventional entry file exists.</p>';
  const where = start.location ? ` at ${code(`${start.location.file}:${start.location.line}`)}` : '';
  const port = start.portEnv ? `$${start.portEnv}${start.port !== undefined ? ` (fallback ${start.port})` : ''}` : (start.port?.toString() ?? '?');
  const steps = [code(start.command), `entry ${start.entry ? code(start.entry.file ?? start.entry.value) : 'unknown'}`, `server ${start.server ? code(start.server) : 'unknown'}`, `listens on ${code(`${start.host ?? '?'}:${port}`)}`];
  return `<p>Start command from ${escapeHtml(start.source)}${where}${start.cwd ? `, run in ${code(start.cwd)}` : ''}: ${steps.join(' → ')}</p>`;
}

function variableRow(variable: EnvVariableRow): string[] {
  const required = variable.platform ? 'set by the platform' : variable.required ? `yes${variable.strict ? ' (strict)' : ''}` : 'no';
  return [
    code(variable.name),
    `<span class="env-status ${escapeHtml(variable.status)}">${escapeHtml(variable.status)}</span>`,
    required,
    variable.secret ? 'yes' : 'no',
    places(variable.readAt.map((read) => `${read.file}:${read.line} ${read.via}`), variable.readCount),
    places(variable.providedBy.map((provision) => `${provision.source} (${provision.file}:${provision.line})`)),
    places(variable.documentedIn.map((place) => `${place.file}:${place.line}`)),
  ];
}

function places(items: string[], total = items.length): string {
  if (items.length === 0) return '—';
  const shown = items.slice(0, MAX_PLACES).map(escapeHtml);
  return total > shown.length ? `${shown.join('<br>')}<br>+${total - shown.length} more` : shown.join('<br>');
}

/** "Goal tracker" (goals stage): module, goal, declared status, measured status with its basis, evidence. */
export function renderGoals(report: Report): string | undefined {
  const goals = report.sections.goals as GoalsSection | undefined;
  if (!goals) return undefined;
  const parts = [`<p>From ${code(goals.tracker)}. The measured status comes from the evidence (findings, logs, the simulation); the declared one is what the tracker says.</p>`];
  parts.push(goals.goals.length === 0 ? '<p>The tracker lists no goals.</p>' : htmlTable(['Module', 'Goal', 'Declared', 'Measured', 'Evidence'], goals.goals.map(goalRow)));
  if (goals.uncovered.length > 0) parts.push(`<p>Core modules with no goal: ${goals.uncovered.map(code).join(', ')}.</p>`);
  if (goals.problems.length > 0) parts.push(`<p>Problems in the tracker:</p><ul>${goals.problems.map((problem) => `<li>line ${problem.line}: ${escapeHtml(problem.message)}</li>`).join('')}</ul>`);
  return section('goals', 'Goal tracker', parts.join('\n'));
}

function goalRow(goal: GoalRow): string[] {
  const tone = goal.measured === 'validated' ? 'passed' : goal.measured === 'failing' ? 'failed' : 'skipped';
  const disagrees = goal.declared === 'validated' && goal.measured !== 'validated' ? ' <strong class="bad">declared validated</strong>' : '';
  return [
    `${code(goal.module)}${goal.isCore ? '' : ' <span class="tag">not core</span>'}`,
    goal.goal.trim() === '' ? '<em>(empty)</em>' : escapeHtml(goal.goal),
    escapeHtml(goal.declared ?? '—'),
    `<span class="status ${tone}">${escapeHtml(goal.measured)}</span>${goal.basis === 'static' ? ' (static only)' : ''}${disagrees}`,
    goal.evidence.map(escapeHtml).join('<br>'),
  ];
}
