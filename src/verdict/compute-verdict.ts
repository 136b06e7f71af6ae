import type { Category } from '../model/category.js';
import type { Finding } from '../model/finding.js';
import type { RuntimeOutcome } from '../model/runtime-outcome.js';
import type { DeathLoopCause, Gate, Verdict } from '../model/report.js';
import { type Severity, isAtLeast } from '../model/severity.js';
import type { StageId } from '../model/stage.js';

export type { RuntimeOutcome };
export type UnmetGoal = NonNullable<Verdict['unmetGoals']>[number];

/** Reasons listed one by one; the rest are counted (a tracker can name hundreds of modules). */
const MAX_GOAL_REASONS = 5;

export interface VerdictInput {
  /** Findings after suppressions. */
  findings: readonly Finding[];
  /** What the simulation measured; absent when the app was not started. */
  runtime?: RuntimeOutcome;
  /** Goals naming core modules that are not measured `validated` (from the goals stage); absent when the stage did not run. */
  unmetGoals?: readonly UnmetGoal[];
  failOn: Severity;
}

const RUNTIME_ORDER = { 'crash-loop': 0, install: 1, readiness: 2, shutdown: 3 } as const;
/**
 * Which static blocker is most fundamental: what kills the process at start (configuration, broken
 * code, missing dependencies) before what hurts it while it runs, before what exposes it.
 */
const CATEGORY_ORDER: Record<Category, number> = { configuration: 0, correctness: 1, dependencies: 2, reliability: 3, portability: 4, operations: 5, security: 6, maintainability: 7 };
const STAGE_ORDER: Record<StageId, number> = { simulate: 0, config: 1, scan: 2, map: 3, schema: 4, watch: 5, logs: 6, goals: 7 };

/**
 * The verdict, as a pure function. LIVE_READY=true needs the runtime: a static audit can fail the
 * gate but never pass it as ready.
 */
export function computeVerdict(input: VerdictInput): { verdict: Verdict; gate: Gate } {
  const blocking = input.findings.filter((finding) => finding.severity === 'critical' && !finding.experimental);
  // A goal is unmet because something else fails: the goals stage's own findings never name the cause first.
  const ordered = [...blocking].sort((a, b) => Number(a.stage === 'goals') - Number(b.stage === 'goals') || CATEGORY_ORDER[a.category] - CATEGORY_ORDER[b.category] || STAGE_ORDER[a.stage] - STAGE_ORDER[b.stage]);
  const runtimeFailures = [...(input.runtime?.failures ?? [])].sort((a, b) => RUNTIME_ORDER[a.kind] - RUNTIME_ORDER[b.kind]);
  const reasons: string[] = [];
  let cause: DeathLoopCause | null = null;

  const firstRuntime = runtimeFailures[0];
  if (firstRuntime) cause = { checkId: firstRuntime.checkId, summary: firstRuntime.summary };
  for (const failure of runtimeFailures) reasons.push(`${failure.kind}: ${failure.summary}`);
  const firstStatic = ordered[0];
  if (!cause && firstStatic) cause = { checkId: firstStatic.checkId, summary: summarize(firstStatic) };
  if (blocking.length > 0) reasons.push(`${blocking.length} critical finding${blocking.length === 1 ? '' : 's'} remain${blocking.length === 1 ? 's' : ''}`);
  const firstGoal = input.unmetGoals?.[0];
  if (!cause && firstGoal) cause = { checkId: firstGoal.checkId, summary: firstGoal.summary };
  const unmet = input.unmetGoals ?? [];
  for (const goal of unmet.slice(0, MAX_GOAL_REASONS)) reasons.push(`goal not met: ${goal.summary}`);
  if (unmet.length > MAX_GOAL_REASONS) reasons.push(`${unmet.length - MAX_GOAL_REASONS} more goals not met (see verdict.unmetGoals)`);

  const runtimeVerified = input.runtime !== undefined;
  if (!runtimeVerified) reasons.push('the app was not started (static audit): the runtime was not verified');
  const liveReady = runtimeVerified && input.runtime?.healthy === true && runtimeFailures.length === 0 && blocking.length === 0 && (input.unmetGoals?.length ?? 0) === 0;

  const atThreshold = input.findings.filter((finding) => !finding.experimental && isAtLeast(finding.severity, input.failOn));
  const gatePassed = atThreshold.length === 0 && (runtimeVerified ? liveReady : true);
  const gateSummary = !gatePassed
    ? runtimeVerified && !liveReady && atThreshold.length === 0
      ? 'failed: the app is not live-ready'
      : `failed: ${atThreshold.length} finding${atThreshold.length === 1 ? '' : 's'} at or above ${input.failOn}`
    : runtimeVerified
      ? 'passed: the app started, answered its probes and stopped cleanly'
      : `passed on static findings only: none at or above ${input.failOn}`;

  return {
    verdict: { liveReady, basis: runtimeVerified ? 'runtime' : 'static', deathLoopCause: liveReady ? null : cause, runtimeVerified, reasons, ...(input.unmetGoals ? { unmetGoals: [...input.unmetGoals] } : {}) },
    gate: { failOn: input.failOn, passed: gatePassed, summary: gateSummary },
  };
}

function summarize(finding: Finding): string {
  const cut = finding.message.length > 200 ? finding.message.lastIndexOf(' ', 197) : -1;
  const sentence = cut > 0 ? `${finding.message.slice(0, cut)}...` : finding.message;
  return `${sentence} (${finding.location.file}:${finding.location.line})`;
}
