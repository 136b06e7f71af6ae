import { describe, expect, it } from 'vitest';
import { parseGoalTracker } from './parse-tracker.js';

describe('parseGoalTracker', () => {
  it('reads an array of entries with positions, declared statuses and extra keys ignored', () => {
    const text = '[\n  {"module": "auth", "path": "app/auth/", "goal": "sign users in", "status": "validated", "owner": "ada"},\n  {"module": "billing", "goal": "charge cards"}\n]\n';
    const tracker = parseGoalTracker(text, 'goal_tracker.json');
    expect(tracker.shape).toBe('array');
    expect(tracker.problems).toEqual([]);
    expect(tracker.entries).toEqual([
      { index: 0, line: 2, column: 14, lineText: text.split('\n')[1], module: 'auth', path: 'app/auth/', goal: 'sign users in', declared: 'validated' },
      { index: 1, line: 3, column: 14, lineText: text.split('\n')[2], module: 'billing', goal: 'charge cards' },
    ]);
  });

  it('reads an object with a modules array', () => {
    const tracker = parseGoalTracker('{"$schema": "x", "modules": [{"module": "api", "goal": "serve"}]}', 'goals.json');
    expect(tracker.shape).toBe('object');
    expect(tracker.entries.map((entry) => entry.module)).toEqual(['api']);
  });

  it('names the entry and the problem: wrong types, unknown status, missing keys, duplicates', () => {
    const text = [
      '[',
      '  {"module": "auth", "goal": 42, "status": "done"},',
      '  {"goal": "no name"},',
      '  "billing",',
      '  {"module": "auth", "goal": "again"}',
      ']',
    ].join('\n');
    const tracker = parseGoalTracker(text, 'goal_tracker.json');
    expect(tracker.problems.map((problem) => `${problem.line}: ${problem.message}`)).toEqual([
      '2: entry 1 ("auth"): goal: must be string',
      '2: entry 1 ("auth"): status: must be one of "validated", "failing", "untested", "unknown"',
      '3: entry 2: missing required key "module"',
      '4: entry 3: must be object',
      '5: entry 4 ("auth"): duplicate module "auth" (entry 1 has the same name)',
    ]);
    // The first auth entry is kept with what is valid in it: no goal text, no declared status.
    expect(tracker.entries).toMatchObject([{ module: 'auth', goal: '' }]);
    expect(tracker.entries[0]?.declared).toBeUndefined();
  });

  it('turns bad JSON and a wrong top level into problems, never an exception', () => {
    expect(parseGoalTracker('[{"module": "auth",', 'g.json')).toMatchObject({ shape: 'invalid', entries: [] });
    expect(parseGoalTracker('[{"module": "auth",', 'g.json').problems[0]?.message).toMatch(/^JSON syntax error/);
    expect(parseGoalTracker('{"auth": "validated"}', 'g.json').problems[0]?.message).toBe('the tracker must be a JSON array of entries or an object with a "modules" array (found an object without a "modules" array)');
    expect(parseGoalTracker('', 'g.json').shape).toBe('invalid');
    expect(parseGoalTracker('\u0000\u00ff\u0001binary', 'g.json').shape).toBe('invalid');
    expect(parseGoalTracker(`${'['.repeat(100_000)}`, 'g.json').shape).toBe('invalid');
  });
});
