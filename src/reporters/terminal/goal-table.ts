import type { GoalsSection } from '../../model/goals-section-schema.js';
import type { Report } from '../../model/report.js';
import { type Style, createStyle } from './style.js';

/** `liveready goals`: each goal with its declared and measured status and the evidence, then what the tracker misses. */
export function renderGoalTable(report: Report, options: { color?: boolean } = {}): string {
  const style = createStyle(options.color ?? false);
  const section = report.sections.goals as GoalsSection | undefined;
  const out = [style.bold(`liveready ${report.tool.version} goals`) + style.dim(` · ${report.root}`)];
  if (!section) {
    const stage = report.stages.find((candidate) => candidate.id === 'goals');
    return `${[...out, '', `No goals read: ${stage?.summary ?? 'the goals stage did not run'}`].join('\n')}\n`;
  }
  out.push(style.dim(`${section.tracker}: ${section.goals.length} goal${section.goals.length === 1 ? '' : 's'}; measured from ${report.verdict.basis === 'runtime' ? 'findings, logs and the simulation' : 'findings and logs (the app was not run: --simulate runs it)'}`), '');
  const width = Math.max(6, ...section.goals.map((goal) => goal.module.length));
  for (const goal of section.goals) {
    const mark = goal.measured === 'validated' ? style.green('✔') : goal.measured === 'failing' ? style.red('✘') : style.yellow('○');
    const disagrees = goal.declared === 'validated' && (goal.measured === 'failing' || goal.measured === 'untested');
    const declared = `declared ${goal.declared ?? '-'}`;
    out.push(`${mark} ${style.bold(goal.module.padEnd(width))}  ${goal.path}${goal.isCore ? '' : style.dim(' (not core)')}`);
    out.push(`    measured ${colorStatus(goal.measured, style)}${goal.basis === 'static' ? style.dim(' (static checks only)') : ''}  ${disagrees ? style.red(`${declared}: disagrees`) : style.dim(declared)}`);
    out.push(`    goal: ${goal.goal.trim() === '' ? style.dim('(empty)') : goal.goal}`);
    for (const line of goal.evidence) out.push(style.dim(`    - ${line}`));
  }
  if (section.uncovered.length > 0) out.push('', style.yellow(`Core modules with no goal: ${section.uncovered.join(', ')}`));
  for (const problem of section.problems) out.push(style.yellow(`${section.tracker}:${problem.line}: ${problem.message}`));
  return `${out.join('\n')}\n`;
}

function colorStatus(status: string, style: Style): string {
  return status === 'validated' ? style.green(status) : status === 'failing' ? style.red(status) : style.yellow(status);
}
