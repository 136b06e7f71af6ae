import type { Report } from '../model/report.js';

/**
 * The lines every human format ends with. `LIVE_READY=true` appears only for a runtime-verified
 * verdict; a static run says so instead of implying readiness.
 */
export function verdictLines(report: Report): string[] {
  const { verdict, gate } = report;
  const lines = [gateLine(gate), `LIVE_READY=${verdict.liveReady ? 'true' : 'false'}`];
  if (verdict.deathLoopCause) lines.push(`DEATH_LOOP_CAUSE=${verdict.deathLoopCause.checkId}: ${verdict.deathLoopCause.summary}`);
  if (!verdict.runtimeVerified) lines.push('RUNTIME_VERIFIED=false (static audit: the app was not started, so it cannot be called live-ready)');
  return lines;
}

/** `GATE=failed (1 finding at or above critical)`: the outcome once, then why. */
export function gateLine(gate: Report['gate']): string {
  return `GATE=${gate.passed ? 'passed' : 'failed'} (${gateReason(gate)})`;
}

/** The gate's summary without the outcome it starts with (`failed: 2 findings...` -> `2 findings...`). */
export function gateReason(gate: Report['gate']): string {
  return gate.summary.replace(/^(?:passed|failed):?\s+/, '');
}
