/**
 * Counts occurrences so that "how many in the recent window" can be answered after the whole log
 * is read, in bounded memory: timed occurrences in buckets (1/1440 of the window, 1 s to 1 min),
 * buckets older than the window dropped as newer times arrive; untimed ones per run of their source.
 */
export class WindowCounter {
  total = 0;
  private readonly buckets = new Map<number, number>();
  private readonly runs = new Map<string, number>();
  private always = 0;

  constructor(private readonly bucketMs: number) {}

  addTimed(ms: number, newestMs: number, windowMs: number): void {
    this.total += 1;
    const bucket = Math.floor(ms / this.bucketMs);
    this.buckets.set(bucket, (this.buckets.get(bucket) ?? 0) + 1);
    if (this.buckets.size > 1500) this.prune(newestMs - windowMs);
  }

  /** An occurrence with no time of its own, in run `run` of source `source`; `isStale` drops runs that can no longer be recent. */
  addRun(source: number, run: number, isStale: (source: number, run: number) => boolean): void {
    this.total += 1;
    const key = `${source}:${run}`;
    this.runs.set(key, (this.runs.get(key) ?? 0) + 1);
    if (this.runs.size <= 256) return;
    for (const old of this.runs.keys()) {
      const [oldSource, oldRun] = old.split(':').map(Number);
      if (isStale(oldSource ?? 0, oldRun ?? 0)) this.runs.delete(old);
    }
  }

  /** An occurrence that is recent by definition (the simulation's output). */
  addRecent(): void {
    this.total += 1;
    this.always += 1;
  }

  /** Occurrences at or after `cutoffMs`, in recent runs, or recent by definition. */
  recent(cutoffMs: number | undefined, isRecentRun: (source: number, run: number) => boolean): number {
    let count = this.always;
    if (cutoffMs !== undefined) {
      const first = Math.floor(cutoffMs / this.bucketMs);
      for (const [bucket, value] of this.buckets) if (bucket >= first) count += value;
    }
    for (const [key, value] of this.runs) {
      const [source, run] = key.split(':').map(Number);
      if (isRecentRun(source ?? 0, run ?? 0)) count += value;
    }
    return count;
  }

  private prune(cutoffMs: number): void {
    const first = Math.floor(cutoffMs / this.bucketMs);
    for (const bucket of this.buckets.keys()) if (bucket < first) this.buckets.delete(bucket);
  }
}

/** Bucket width for a window: fine enough to be exact to the second for short windows. */
export function bucketMsFor(windowMs: number): number {
  return Math.min(60_000, Math.max(1000, Math.floor(windowMs / 1440)));
}
