import type { StageId } from '../model/stage.js';

/**
 * Checks run in three phases. Static stages read the code; evidence stages read what the
 * collectors gathered (logs, the simulation, the watcher); goals judge modules by all of it.
 */
export const PHASE_OF_STAGE: Record<StageId, 1 | 2 | 3> = {
  map: 1,
  config: 1,
  scan: 1,
  schema: 1,
  logs: 2,
  watch: 2,
  simulate: 2,
  goals: 3,
};
