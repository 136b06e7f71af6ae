import type { GoalStatus } from '../../model/goal-tracker-schema.js';

/**
 * What the goals stage read and measured, as plain data: the tracker's entries with their
 * declared status, the problems found in the file, and each entry's measured status with the
 * evidence behind it. The goals collector fills it after every other stage; the goals checks,
 * the report and the verdict read it.
 */

export interface TrackerEntry {
  /** Index in the entries array. */
  index: number;
  /** 1-based line and column of the entry's `module` value (else of the entry). */
  line: number;
  column: number;
  /** The tracker line at `line`, as written (for evidence). */
  lineText: string;
  module: string;
  path?: string;
  goal: string;
  /** The status written in the tracker; absent when missing or not a known status. */
  declared?: GoalStatus;
}

export interface TrackerProblem {
  message: string;
  /** What it costs: the whole file cannot be read, the entry is left out, or one field of it is ignored. */
  effect: 'file' | 'entry' | 'field';
  line: number;
  column?: number;
  lineText?: string;
  /** The entry it concerns, when it concerns one. */
  index?: number;
  module?: string;
}

export interface GoalTracker {
  /** Repo-relative path (as configured). */
  file: string;
  /** array: a JSON array of entries; object: `{ "modules": [...] }`; invalid: neither (nothing could be read). */
  shape: 'array' | 'object' | 'invalid';
  /** Entries that name a module (invalid fields dropped), in file order. */
  entries: TrackerEntry[];
  problems: TrackerProblem[];
}

/** A core module as the goals stage groups the module map: a directory of core code files, or a code file at the root. */
export interface CoreModule {
  /** `app/auth/` (a directory, trailing slash) or `main.py` (a file at the root). */
  path: string;
  /** Its core code files. */
  files: string[];
}

export interface MeasuredGoal {
  entry: TrackerEntry;
  /** The path the entry resolved to ('' for the whole project); the entry's path or module name when nothing matched. */
  target: string;
  /** The target as shown to people: `app/auth/` for a directory, `the project` for ''. */
  label: string;
  /** Listed files under the target. */
  files: number;
  /** It covers a core module's files. */
  isCore: boolean;
  measured: GoalStatus;
  /** For validated: exercised at runtime (probes reached its routes), or only by the static checks. */
  basis?: 'runtime' | 'static';
  /** Short sentences behind the measurement ("2 critical findings in app/auth/ (...)"). */
  evidence: string[];
}

export interface GoalsEvidence {
  tracker: GoalTracker;
  goals: MeasuredGoal[];
  coreModules: CoreModule[];
  /** Core modules with core files no entry covers. */
  uncovered: CoreModule[];
}
