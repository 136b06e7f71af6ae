import type { Report } from '../model/report.js';

/**
 * The lines every human format ends with. `LIVE_READY=true` appears only for a runtime-verified
 * verdict; a static run says so instead of implying readiness.
 */
export function verdictLines(report: Report): string[] {
  const { verdict, gate } = report;
  const lines = [`GATE=${gate.passed ? 'passed' : 'failed'} (${gate.summary})`, `LIVE_READY=${verdict.liveReady ? 'true' : 'false'}`];
  if (verdict.deathLoopCause) lines.push(`DEATH_LOOP_CAUSE=${verdict.deathLoopCause.checkId}: ${verdict.deathLoopCause.summary}`);
  if (!verdict.runtimeVerified) lines.push('RUNTIME_VERIFIED=false (static audit: the app was not started, so it cannot be called live-ready)');
  return lines;
}
