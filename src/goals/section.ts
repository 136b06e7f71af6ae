import type { SectionBuilder } from '../engine/sections.js';
import type { GoalsEvidence } from '../facts/evidence/goals.js';
import type { GoalsSection } from '../model/goals-section-schema.js';

/** `report.sections.goals`: each entry with declared and measured status and the evidence; absent without a tracker. */
export const goalsSectionBuilder: SectionBuilder = {
  key: 'goals',
  build: (project) => (project.evidence.goals ? buildGoalsSection(project.evidence.goals) : undefined),
};

export function buildGoalsSection(evidence: GoalsEvidence): GoalsSection {
  return {
    tracker: evidence.tracker.file,
    goals: evidence.goals.map((goal) => ({
      module: goal.entry.module,
      path: goal.label,
      goal: goal.entry.goal,
      declared: goal.entry.declared ?? null,
      measured: goal.measured,
      ...(goal.basis ? { basis: goal.basis } : {}),
      isCore: goal.isCore,
      evidence: goal.evidence,
      line: goal.entry.line,
      index: goal.entry.index,
    })),
    uncovered: evidence.uncovered.map((module) => module.path),
    problems: evidence.tracker.problems.map((problem) => ({ line: problem.line, message: problem.message })),
  };
}
