import type { WatchEvidence } from '../../facts/evidence/evidence.js';
import type { Project } from '../../facts/project.js';
import { diffSnapshots } from './diff.js';
import { LiveWatcher } from './live-watcher.js';
import { locateWriter } from './locate-writer.js';
import { takeSnapshot } from './snapshot.js';

export interface SandboxWatch {
  /** Stops watching, takes the after snapshot and returns the diff. */
  finish(project: Project): WatchEvidence;
  cancel(): void;
}

/** The watch stage inside the simulation: a before snapshot, a live watcher, an after snapshot. */
export function startSandboxWatch(appDir: string, startedAt: number): SandboxWatch {
  const before = takeSnapshot(appDir);
  const live = new LiveWatcher(appDir);
  return {
    finish(project) {
      live.stop();
      const after = takeSnapshot(appDir);
      const changes = diffSnapshots(appDir, before, after, live.seen, startedAt);
      for (const change of changes) {
        if (!change.isConfig) continue;
        const writer = locateWriter(project, appDir, change.path);
        if (writer) change.writer = writer;
      }
      const evidence: WatchEvidence = { watched: '', changes, filesBefore: before.files.size, filesAfter: after.files.size, liveEvents: live.events };
      const truncated = before.truncated ?? after.truncated;
      if (truncated) evidence.truncated = truncated;
      return evidence;
    },
    cancel() {
      live.stop();
    },
  };
}
