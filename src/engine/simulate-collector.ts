import { posix } from 'node:path';
import type { WatchEvidence } from '../facts/evidence/evidence.js';
import type { Finding } from '../model/finding.js';
import type { Collector } from './collectors.js';

/** Collector options the CLI passes (`--no-install`, `--python`). */
export interface SimulateCollectorOptions {
  noInstall?: boolean;
  python?: string;
}

/**
 * The simulate and watch stages' evidence: runs the app in a sandbox (see runtime/simulate.ts)
 * and stores `project.evidence.simulation` and `project.evidence.watch`.
 */
export const simulateCollector: Collector = {
  id: 'simulation',
  stage: 'simulate',
  executesCode: true,
  phase: 2,
  async collect(context) {
    const options = (context.options.simulate ?? {}) as SimulateCollectorOptions;
    // The runtime (sandbox, processes, probes, watcher) is loaded only when the app is run: a
    // --static audit never pays for it.
    const { simulate } = await import('../runtime/simulate.js');
    const result = await simulate({
      root: context.root,
      project: context.project,
      config: context.config.simulate ?? {},
      findings: context.findings,
      noInstall: options.noInstall === true,
      ...(options.python ? { python: options.python } : {}),
      machineEnv: process.env,
      signal: context.signal,
      onStep: (text) => context.onProgress?.({ type: 'message', text: `simulate: ${text}` }),
    });
    if ('skipped' in result) return { skipped: result.skipped };
    context.project.evidence.simulation = result.simulation;
    if (result.watch) context.project.evidence.watch = preferStaticWriters(result.watch, context.findings);
    return undefined;
  },
};

/** A scan-stage finding about a runtime config write beats the watcher's own guess at the writer. */
function preferStaticWriters(watch: WatchEvidence, findings: readonly Finding[]): WatchEvidence {
  for (const change of watch.changes) {
    if (!change.isConfig) continue;
    const name = posix.basename(change.path);
    const predicted = findings.find((finding) => /write|rewrite/.test(finding.checkId) && `${finding.message} ${finding.evidence ?? ''}`.includes(name));
    if (predicted) change.writer = predicted.location;
  }
  return watch;
}
