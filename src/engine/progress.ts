import type { StageId } from '../model/stage.js';

/** What the library tells its caller while it works; the CLI draws these on stderr. */
export type ProgressEvent =
  | { type: 'discovered'; files: number }
  | { type: 'files-read'; done: number; total: number }
  | { type: 'stage-start'; stage: StageId }
  | { type: 'stage-end'; stage: StageId; status: string }
  | { type: 'message'; text: string };

export type ProgressListener = (event: ProgressEvent) => void;
