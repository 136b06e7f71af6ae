import type { GoalsEvidence, MeasuredGoal } from '../../facts/evidence/goals.js';
import type { Project } from '../../facts/project.js';
import type { FindingInput } from '../api.js';

/** The goals evidence, when a tracker was read. */
export function goalsOf(project: Project): GoalsEvidence | undefined {
  return project.evidence.goals;
}

/** What the goals checks need (their `appliesWhen`, beside `hasReadableTracker`). */
export const READABLE_TRACKER = 'a readable goal tracker';

/** A tracker whose entries could be read (an unreadable file is require-valid-tracker's alone). */
export function hasReadableTracker(project: Project): boolean {
  const goals = goalsOf(project);
  return goals !== undefined && goals.tracker.shape !== 'invalid';
}

/** Where a finding about one entry points: the entry's `module` in the tracker, its line as evidence. */
export function entryLocation(goals: GoalsEvidence, goal: MeasuredGoal): Pick<FindingInput, 'location' | 'evidence'> {
  return { location: { file: goals.tracker.file, line: goal.entry.line, column: goal.entry.column }, evidence: goal.entry.lineText };
}

/** `The goal "authenticate users" of auth_service (app/auth)`. */
export function describeGoal(goal: MeasuredGoal, capitalized = false): string {
  const what = `${capitalized ? 'The' : 'the'} goal${goal.entry.goal.trim() === '' ? '' : ` "${goal.entry.goal.trim()}"`}`;
  return `${what} of ${goal.entry.module} (${goal.label})`;
}

/** The measurement's evidence as one clause. */
export function evidenceClause(goal: MeasuredGoal): string {
  return goal.evidence.join('; ');
}
