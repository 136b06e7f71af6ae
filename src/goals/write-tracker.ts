import { applyEdits, modify } from 'jsonc-parser';
import type { CoreModule } from '../facts/evidence/goals.js';
import type { GoalStatus } from '../model/goal-tracker-schema.js';

export const TRACKER_SCHEMA_URL = 'https://liveready.dev/schemas/goal-tracker.schema.json';

/**
 * A starter `goal_tracker.json`: one entry per core module, goals left empty for people to fill,
 * status `unknown`; one entry per line so reviews and diffs stay readable. Names are the module's
 * last path segment (`app/auth/` -> `auth`), its whole path when that name is taken.
 */
export function renderStarterTracker(modules: readonly CoreModule[]): string {
  const taken = new Set<string>();
  const lines = modules.map((module) => {
    const short = module.path.replace(/\/$/, '').split('/').pop() ?? module.path;
    const name = taken.has(short) ? module.path.replace(/\/$/, '') : short;
    taken.add(name);
    return `    { "module": ${JSON.stringify(name)}, "path": ${JSON.stringify(module.path)}, "goal": "", "status": "unknown" }`;
  });
  return `{\n  "$schema": "${TRACKER_SCHEMA_URL}",\n  "modules": [\n${lines.join(',\n')}\n  ]\n}\n`;
}

/**
 * Writes measured statuses into the tracker text: only each entry's `status` value changes (or is
 * added); every other byte, key and entry order stays as written.
 */
export function applyMeasuredStatuses(text: string, shape: 'array' | 'object', statuses: ReadonlyArray<{ index: number; status: GoalStatus }>): string {
  const base = shape === 'array' ? [] : ['modules'];
  let updated = text;
  for (const { index, status } of statuses) {
    const edits = modify(updated, [...base, index, 'status'], status, { formattingOptions: { insertSpaces: true, tabSize: 2, eol: '\n' } });
    updated = applyEdits(updated, edits);
  }
  return updated;
}
