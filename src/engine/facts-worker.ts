import { parentPort, workerData } from 'node:worker_threads';
import { type FileJob, type FileOutcome, extractFile } from './extract-file.js';

/** Worker thread of the facts pool: batches of file jobs in, batches of outcomes out. */
const { maxFileSize } = workerData as { maxFileSize: number };
parentPort?.on('message', (batch: FileJob[]) => {
  const outcomes: FileOutcome[] = batch.map((job) => extractFile(job, maxFileSize));
  parentPort?.postMessage(outcomes);
});
