import { describe, expect, it } from 'vitest';
import { parseGoalTracker } from './parse-tracker.js';
import { applyMeasuredStatuses, renderStarterTracker } from './write-tracker.js';

describe('renderStarterTracker', () => {
  it('writes one valid entry per core module, unique names, status unknown', () => {
    const text = renderStarterTracker([{ path: 'api/routers/', files: [] }, { path: 'main.py', files: [] }, { path: 'web/routers/', files: [] }]);
    const tracker = parseGoalTracker(text, 'goal_tracker.json');
    expect(tracker.problems).toEqual([]);
    expect(tracker.entries.map((entry) => [entry.module, entry.path, entry.goal, entry.declared])).toEqual([
      ['routers', 'api/routers/', '', 'unknown'],
      ['main.py', 'main.py', '', 'unknown'],
      ['web/routers', 'web/routers/', '', 'unknown'],
    ]);
  });
});

describe('applyMeasuredStatuses', () => {
  it('changes only the status values, adds a missing one, keeps every other byte', () => {
    const text = '[\n  // sign-in first\n  { "module": "auth", "goal": "sign in", "status": "validated", "owner": "ada" },\n  { "module": "billing", "goal": "charge", "notes": "v2" }\n]\n';
    const updated = applyMeasuredStatuses(text, 'array', [{ index: 0, status: 'failing' }, { index: 1, status: 'untested' }]);
    expect(updated.split('\n').slice(0, 3).join('\n')).toBe(text.split('\n').slice(0, 3).join('\n').replace('"validated"', '"failing"'));
    expect(parseGoalTracker(updated, 'g.json').entries.map((entry) => [entry.module, entry.declared])).toEqual([['auth', 'failing'], ['billing', 'untested']]);
    expect(updated).toContain('"notes": "v2"');
    expect(updated.endsWith(']\n')).toBe(true);
  });
});
