import { readFileSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import type { Collector } from '../engine/collectors.js';
import type { GoalTracker } from '../facts/evidence/goals.js';
import { PHASE_OF_STAGE } from '../engine/phases.js';
import { measureGoals } from './measure.js';

export const DEFAULT_TRACKER_PATH = 'goal_tracker.json';
/** A tracker is a hand-written list; anything bigger is not one. */
const MAX_TRACKER_BYTES = 5 * 1024 * 1024;

/**
 * The goals stage's I/O: reads the goal tracker (`goals.path`, default `goal_tracker.json` at the
 * root), then measures each goal from the evidence every earlier stage left (findings after
 * suppressions, logs, the simulation) and stores it on `project.evidence.goals`. Runs after all
 * other stages; never executes anything. No tracker: the stage is skipped with the reason.
 */
export const goalsCollector: Collector = {
  id: 'goals',
  stage: 'goals',
  executesCode: false,
  phase: 3,
  async collect(context) {
    const configured = context.config.goals?.path ?? DEFAULT_TRACKER_PATH;
    const absolute = resolve(context.root, configured);
    const file = displayPath(context.root, absolute);
    let size: number | undefined;
    try {
      const stat = statSync(absolute);
      if (stat.isDirectory()) return { skipped: `${file} is a directory, not a goal tracker` };
      size = stat.size;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') return { skipped: `no ${file} (liveready goals init writes a starter from the module map)` };
    }
    // A tracker that exists but cannot be read (a symlink loop, no permission) is the tracker's problem, reported as a finding.
    const tracker = size !== undefined && size > MAX_TRACKER_BYTES ? tooLarge(file, size) : await readTracker(absolute, file);
    const project = context.project;
    const staticChecksRan = context.runs.some((run) => PHASE_OF_STAGE[run.stage] === 1 && run.status !== 'skipped');
    project.evidence.goals = measureGoals({
      project,
      tracker,
      findings: context.findings,
      // A baseline hides findings because they are old, not because they are accepted: they still fail a module.
      baselined: context.suppressed.filter((finding) => finding.by === 'baseline'),
      staticChecksRan,
      ...(project.evidence.logs ? { logs: project.evidence.logs } : {}),
      ...(project.evidence.simulation ? { simulation: project.evidence.simulation } : {}),
    });
  },
};

async function readTracker(absolute: string, file: string): Promise<GoalTracker> {
  // The tracker's schema and validator (~140 ms of module loading) only when there is a tracker.
  const { parseGoalTracker } = await import('./parse-tracker.js');
  try {
    return parseGoalTracker(readFileSync(absolute, 'utf8'), file);
  } catch (error) {
    return { file, shape: 'invalid', entries: [], problems: [{ message: `cannot read the tracker: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, effect: 'file', line: 1 }] };
  }
}

function tooLarge(file: string, size: number): GoalTracker {
  return { file, shape: 'invalid', entries: [], problems: [{ message: `the tracker is ${(size / 1024 / 1024).toFixed(1)} MB, more than a goal tracker can be (5 MB): not read`, effect: 'file', line: 1 }] };
}

/** Repo-relative when inside the audited tree, else as given. */
export function displayPath(root: string, absolute: string): string {
  const inside = relative(root, absolute);
  return inside && !inside.startsWith('..') && !isAbsolute(inside) ? inside.split('\\').join('/') : absolute;
}
