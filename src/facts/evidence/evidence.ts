import type { RuntimeOutcome } from '../../model/runtime-outcome.js';

/**
 * What the audit learned by doing something other than reading source: ingesting logs, running
 * the app, watching the tree, reading the goal tracker. Collectors (engine/runtime/logs, which do
 * I/O) fill it between check phases; checks of the later stages read it like any other fact.
 * Each stage owns one optional key.
 */
export interface Evidence {
  /** Set by the simulation collector when it ran (absent: the app was not started). */
  simulation?: SimulationEvidence;
  [key: string]: unknown;
}

/** The minimum the verdict needs from the simulation; the simulate stage extends it. */
export interface SimulationEvidence {
  outcome: RuntimeOutcome;
}
