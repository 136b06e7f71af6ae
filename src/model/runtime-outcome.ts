/** What the simulation measured, as far as the verdict is concerned. */
export interface RuntimeOutcome {
  /** The app was started, became ready, passed its probes and stopped gracefully. */
  healthy: boolean;
  /** Blockers, each linked to the check that reported it; ordered by the verdict (crash loop first). */
  failures: Array<{ kind: 'crash-loop' | 'install' | 'readiness' | 'shutdown'; checkId: string; summary: string }>;
}
