import { existsSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { FileJob, FileOutcome } from './extract-file.js';

/** Below this much work, starting threads (~50 ms each to load the extractors) costs more than it saves. */
export const PARALLEL_MIN_FILES = 400;
export const PARALLEL_MIN_BYTES = 4 * 1024 * 1024;
const BATCH_BYTES = 512 * 1024;
const BATCH_FILES = 128;

/**
 * How many worker threads to use for `jobs`: 0 when the work is too small or fewer than three cores
 * are idle. The main thread needs a core of its own to receive the facts (structured cloning
 * them costs about as much as a third of extracting them), so threads only pay with two workers
 * beside it: on an idle 2-core machine, two workers took as long as one thread for 1.6x the CPU.
 */
export function threadsFor(jobs: readonly FileJob[], requested: number | 'auto', machine: { cores: number; load: number } = { cores: availableParallelism(), load: loadavg()[0] ?? 0 }): number {
  if (requested !== 'auto') return Math.max(0, requested);
  const bytes = jobs.reduce((total, job) => total + job.size, 0);
  if (jobs.length < PARALLEL_MIN_FILES && bytes < PARALLEL_MIN_BYTES) return 0;
  // Cores other processes are not already using (like `make -l`): on a busy machine, threads only
  // fight each other and this process, and one thread is faster.
  const idle = Math.max(0, Math.min(machine.cores, Math.round(machine.cores - machine.load + 0.5)));
  return idle < 3 ? 0 : Math.min(idle - 1, 4);
}

/**
 * Reads and extracts files on worker threads, in batches, keeping two batches in flight per
 * thread. Resolves with one outcome per job, in job order; rejects if a thread fails (the caller
 * then does the work itself) or when the compiled worker is not there (running from sources).
 */
export function extractInWorkers(jobs: readonly FileJob[], threads: number, maxFileSize: number, onBatch?: (done: number) => void): Promise<FileOutcome[]> {
  const script = fileURLToPath(new URL('./facts-worker.js', import.meta.url));
  if (!existsSync(script)) return Promise.reject(new Error('worker script not built'));
  const batches = makeBatches(jobs);
  const outcomes: FileOutcome[] = new Array(jobs.length);
  return new Promise((resolve, reject) => {
    const workers: Worker[] = [];
    let next = 0;
    let finished = 0;
    let done = 0;
    let failed = false;
    const stopAll = (): void => {
      for (const worker of workers) void worker.terminate();
    };
    const send = (worker: Worker, inFlight: number[]): void => {
      if (next >= batches.length) return;
      const index = next;
      next += 1;
      inFlight.push(index);
      worker.postMessage((batches[index] as { jobs: FileJob[] }).jobs);
    };
    for (let count = 0; count < Math.min(threads, batches.length); count += 1) {
      const worker = new Worker(script, { workerData: { maxFileSize } });
      const inFlight: number[] = [];
      workers.push(worker);
      worker.on('message', (results: FileOutcome[]) => {
        const batch = batches[inFlight.shift() as number] as { start: number };
        results.forEach((outcome, offset) => (outcomes[batch.start + offset] = outcome));
        finished += 1;
        done += results.length;
        onBatch?.(done);
        if (finished === batches.length) {
          stopAll();
          resolve(outcomes);
        } else send(worker, inFlight);
      });
      worker.on('error', (error) => {
        if (failed) return;
        failed = true;
        stopAll();
        reject(error);
      });
      send(worker, inFlight);
      send(worker, inFlight);
    }
    if (batches.length === 0) resolve(outcomes);
  });
}

function makeBatches(jobs: readonly FileJob[]): Array<{ start: number; jobs: FileJob[] }> {
  const batches: Array<{ start: number; jobs: FileJob[] }> = [];
  let current: FileJob[] = [];
  let bytes = 0;
  let start = 0;
  jobs.forEach((job, index) => {
    if (current.length > 0 && (current.length >= BATCH_FILES || bytes + job.size > BATCH_BYTES)) {
      batches.push({ start, jobs: current });
      current = [];
      bytes = 0;
      start = index;
    }
    current.push(job);
    bytes += job.size;
  });
  if (current.length > 0) batches.push({ start, jobs: current });
  return batches;
}
