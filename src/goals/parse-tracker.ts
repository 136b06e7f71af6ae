import { validateAgainst } from '../config/validate.js';
import type { GoalTracker, TrackerEntry, TrackerProblem } from '../facts/evidence/goals.js';
import { GOAL_STATUSES, GoalEntrySchema, type GoalStatus } from '../model/goal-tracker-schema.js';
import { parseJson } from '../parsers/json.js';

/** Problems listed per file: a tracker of 10,000 broken entries still gives a readable report. */
const MAX_PROBLEMS = 50;

/**
 * Reads `goal_tracker.json` text: a JSON array of entries, or an object with a `modules` array.
 * Each entry is validated against the published schema; every problem (bad JSON, wrong type,
 * unknown status, duplicate module) names the entry and its line. Never throws: an entry that
 * names a module is kept with its valid fields, so one typo does not hide the rest of the file.
 */
export function parseGoalTracker(text: string, file: string): GoalTracker {
  const lines = text.split(/\r?\n/);
  const lineText = (line: number): string => lines[line - 1] ?? '';
  const json = parseJson(text);
  const problems: TrackerProblem[] = json.problems.map((problem) => ({ ...problem, effect: 'file', lineText: lineText(problem.line) }));
  if (problems.length > 0) return { file, shape: 'invalid', entries: [], problems };
  const data = json.data;
  const isObject = typeof data === 'object' && data !== null && !Array.isArray(data);
  const modules = isObject ? (data as Record<string, unknown>).modules : undefined;
  if (!Array.isArray(data) && !Array.isArray(modules)) {
    const found = data === undefined ? 'an empty file' : isObject ? 'an object without a "modules" array' : `a ${typeof data}`;
    return { file, shape: 'invalid', entries: [], problems: [{ message: `the tracker must be a JSON array of entries or an object with a "modules" array (found ${found})`, effect: 'file', line: 1, lineText: lineText(1) }] };
  }
  const base = Array.isArray(data) ? [] : ['modules'];
  const items = (Array.isArray(data) ? data : modules) as unknown[];
  const entries: TrackerEntry[] = [];
  const seen = new Map<string, number>();
  items.forEach((item, index) => {
    const at = json.positionOf([...base, index]) ?? { line: 1, column: 1 };
    const fields = typeof item === 'object' && item !== null && !Array.isArray(item) ? (item as Record<string, unknown>) : {};
    const name = typeof fields.module === 'string' && fields.module.trim() !== '' ? fields.module : undefined;
    const label = `entry ${index + 1}${name === undefined ? '' : ` ("${name}")`}`;
    for (const error of validateAgainst(GoalEntrySchema, item)) {
      const key = /^([A-Za-z_$][\w$]*)\s*:/.exec(error)?.[1];
      const position = (key ? json.positionOf([...base, index, key]) : undefined) ?? at;
      problems.push({ message: `${label}: ${error.replace(/^\(top level\): /, '')}`, effect: name === undefined ? 'entry' : 'field', ...position, lineText: lineText(position.line), index, ...(name === undefined ? {} : { module: name }) });
    }
    if (name === undefined) return;
    const position = json.positionOf([...base, index, 'module']) ?? at;
    const first = seen.get(name);
    if (first !== undefined) {
      problems.push({ message: `${label}: duplicate module "${name}" (entry ${first + 1} has the same name)`, effect: 'entry', ...position, lineText: lineText(position.line), index, module: name });
      return;
    }
    seen.set(name, index);
    entries.push(toEntry(fields, name, index, position, lineText(position.line)));
  });
  return { file, shape: Array.isArray(data) ? 'array' : 'object', entries, problems: problems.slice(0, MAX_PROBLEMS) };
}

function toEntry(fields: Record<string, unknown>, module: string, index: number, position: { line: number; column: number }, lineText: string): TrackerEntry {
  const entry: TrackerEntry = { index, line: position.line, column: position.column, lineText, module, goal: typeof fields.goal === 'string' ? fields.goal : '' };
  if (typeof fields.path === 'string' && fields.path.trim() !== '') entry.path = fields.path;
  if (isGoalStatus(fields.status)) entry.declared = fields.status;
  return entry;
}

export function isGoalStatus(value: unknown): value is GoalStatus {
  return typeof value === 'string' && (GOAL_STATUSES as readonly string[]).includes(value);
}
