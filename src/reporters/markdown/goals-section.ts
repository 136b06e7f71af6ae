import type { GoalRow, GoalsSection } from '../../model/goals-section-schema.js';
import type { Report } from '../../model/report.js';
import { inlineCode, markdownTable } from './table.js';

/** The "Goal tracker" section: module, goal, declared status, measured status, evidence. */
export function renderGoalTracker(report: Report): string[] | undefined {
  const section = report.sections.goals as GoalsSection | undefined;
  if (!section) return undefined;
  const lines = [`From ${inlineCode(section.tracker)}. The measured status comes from the evidence (findings, logs, the simulation); the declared one is what the tracker says.`, ''];
  if (section.goals.length === 0) lines.push('The tracker lists no goals.');
  else lines.push(...goalTable(section.goals));
  if (section.uncovered.length > 0) lines.push('', `Core modules with no goal: ${section.uncovered.map(inlineCode).join(', ')}.`);
  if (section.problems.length > 0) lines.push('', 'Problems in the tracker:', ...section.problems.map((problem) => `- line ${problem.line}: ${problem.message}`));
  return lines;
}

/** The goal table, shared by the markdown report and `liveready goals`. */
export function goalTable(goals: readonly GoalRow[]): string[] {
  const rows = goals.map((goal) => [
    `${inlineCode(goal.module)}${goal.path === goal.module ? '' : ` (${goal.path === 'the project' ? goal.path : inlineCode(goal.path)})`}${goal.isCore ? '' : ' _(not core)_'}`,
    goal.goal.trim() === '' ? '_(empty)_' : goal.goal,
    goal.declared ?? '-',
    measuredCell(goal),
    goal.evidence.join('; '),
  ]);
  return markdownTable(['Module', 'Goal', 'Declared', 'Measured', 'Evidence'], rows);
}

export function measuredCell(goal: GoalRow): string {
  const mark = goal.measured === 'validated' ? '✅' : goal.measured === 'failing' ? '❌' : goal.measured === 'untested' ? '⚪' : '❔';
  const basis = goal.basis === 'static' ? ' (static only)' : '';
  const disagrees = goal.declared === 'validated' && (goal.measured === 'failing' || goal.measured === 'untested') ? ' ⚠️ declared validated' : '';
  return `${mark} ${goal.measured}${basis}${disagrees}`;
}
