import type { RuntimeOutcome } from '../../model/runtime-outcome.js';
import type { LogsEvidence } from './logs.js';

/**
 * What the audit learned by doing something other than reading source: ingesting logs, running
 * the app, watching the tree, reading the goal tracker. Collectors (engine/runtime/logs, which do
 * I/O) fill it between check phases; checks of the later stages read it like any other fact.
 * Each stage owns one optional key.
 */
export interface Evidence {
  /** Set by the simulation collector when it ran (absent: the app was not started). */
  simulation?: SimulationEvidence;
  /** Set by the logs collector: error groups from the log files and the simulation's output. */
  logs?: LogsEvidence;
  [key: string]: unknown;
}

/** One line the started app wrote, as the simulation captured it (the logs stage reads these too). */
export interface CapturedLine {
  /** Which process wrote it (`web`, `worker`, `install`). */
  process: string;
  stream: 'stdout' | 'stderr';
  /** Milliseconds since the simulation started. */
  timeMs: number;
  text: string;
}

/** The minimum the verdict and the logs stage need from the simulation; the simulate stage extends it. */
export interface SimulationEvidence {
  outcome: RuntimeOutcome;
  /** Everything the app wrote, in order (secrets are the app's own business: redact before printing). */
  output?: CapturedLine[];
}
