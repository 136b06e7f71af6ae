import type { LivereadyConfig } from '../config/schema.js';
import { logsCollector } from '../logs/collector.js';
import type { Project } from '../facts/project.js';
import type { Finding, SuppressedFinding } from '../model/finding.js';
import type { CheckRun } from '../model/report.js';
import type { StageId } from '../model/stage.js';
import type { ProgressListener } from './progress.js';
import { simulateCollector } from './simulate-collector.js';
import { goalsCollector } from '../goals/collector.js';
import { advisoriesCollector } from '../advisories/collector.js';

export interface CollectorContext {
  root: string;
  project: Project;
  config: LivereadyConfig;
  /** Findings of the phases before this collector, after suppressions. */
  findings: readonly Finding[];
  /** Findings of those phases that suppressions silenced (inline, config, baseline). */
  suppressed: readonly SuppressedFinding[];
  /** Check runs of the phases before this collector (which stages actually ran). */
  runs: readonly CheckRun[];
  /** Options the CLI passed for collectors (log paths, --no-install...), by name. */
  options: Readonly<Record<string, unknown>>;
  onProgress?: ProgressListener;
  /** Aborted on Ctrl-C or a global timeout: stop, clean up, return. */
  signal: AbortSignal;
}

export interface CollectorResult {
  /** The stage could not run here (no logs found, no start command): shown as its skip reason. */
  skipped?: string;
}

/**
 * Gathers evidence with I/O (reads logs, runs the app, watches the tree, loads the goal tracker)
 * and stores it on `project.evidence`. Runs before the checks of its phase.
 */
export interface Collector {
  id: string;
  stage: StageId;
  /** Executes the audited code: skipped under --static. */
  executesCode: boolean;
  /** The phase whose checks read what it collects (1: schema advisories, 2: logs/watch/simulate, 3: goals). */
  phase: 1 | 2 | 3;
  collect(context: CollectorContext): Promise<CollectorResult | void>;
}

/** Every collector, in the order they run within a phase. */
// The simulation runs first: the logs stage reads the output it captured.
// The goals collector (phase 3) measures goals from everything the others gathered.
// The advisories collector (phase 1) loads OSV records for the schema stage's vulnerability check.
export const COLLECTORS: readonly Collector[] = [simulateCollector, logsCollector, goalsCollector, advisoriesCollector];
