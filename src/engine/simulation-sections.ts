import { stripSandboxPaths } from '../facts/evidence/describe-simulation.js';
import { projectSecrets, redactChangeLine } from '../facts/evidence/redact-change.js';
import type { SimulationSection, WatchSection } from '../model/simulation-section-schema.js';
import { redact as redactKnown } from '../util/redact.js';
import type { SectionBuilder } from './sections.js';

const OUTPUT_TAIL = 20;
const MAX_CHANGES = 200;

/** `report.sections.simulation`: the timeline, probes, restarts and classification, redacted. */
export const simulationSection: SectionBuilder = {
  key: 'simulation',
  build(project): SimulationSection | undefined {
    const evidence = project.evidence.simulation;
    if (!evidence) return undefined;
    const output = evidence.output ?? [];
    const secrets = projectSecrets(project);
    const redact = (text: string): string => redactKnown(stripSandboxPaths(text), secrets);
    const section: SimulationSection = {
      healthy: evidence.outcome.healthy,
      timeline: (evidence.timeline ?? []).map((event) => ({ ...event, detail: redact(event.detail) })),
      attempts: (evidence.attempts ?? []).map(({ error: _error, ...attempt }) => attempt),
      restartsAllowed: evidence.restartsAllowed ?? 0,
      probes: (evidence.probes ?? []).map((probe) => (probe.bodyExcerpt === undefined ? probe : { ...probe, bodyExcerpt: redact(probe.bodyExcerpt) })),
      environment: evidence.environment ?? { passed: [], placeholders: [], missing: [] },
      limits: evidence.limits ?? { readyTimeoutMs: 0, aliveMs: 0, graceMs: 0, installTimeoutMs: 0 },
      outputLines: output.length,
      droppedLines: evidence.droppedLines ?? 0,
      outputTail: output.filter((line) => line.process !== 'install').slice(-OUTPUT_TAIL).map((line) => ({ ...line, text: redact(line.text) })),
    };
    if (evidence.plan) section.plan = { ...evidence.plan, command: redact(evidence.plan.command) };
    if (evidence.port !== undefined) section.port = evidence.port;
    if (evidence.install) {
      const { command, source, status, exitCode, durationMs, tail } = evidence.install;
      section.install = { command: redact(command), source, status, durationMs, tail: tail.slice(-15).map((line) => redact(line)), ...(exitCode === undefined ? {} : { exitCode }) };
    }
    if (evidence.shutdown) section.shutdown = evidence.shutdown;
    if (evidence.classification) {
      const { line, summary, ...rest } = evidence.classification;
      section.classification = { ...rest, summary: redact(summary), ...(line === undefined ? {} : { line: redact(line) }) };
    }
    return section;
  },
};

/** `report.sections.watch`: what changed in the sandbox while the app ran. */
export const watchSection: SectionBuilder = {
  key: 'watch',
  build(project): WatchSection | undefined {
    const evidence = project.evidence.watch;
    if (!evidence) return undefined;
    // Config files first: they are what the watch stage judges.
    const ordered = [...evidence.changes].sort((a, b) => Number(b.isConfig) - Number(a.isConfig));
    const section: WatchSection = {
      watched: evidence.watched,
      filesBefore: evidence.filesBefore,
      filesAfter: evidence.filesAfter,
      liveEvents: evidence.liveEvents,
      changes: ordered.slice(0, MAX_CHANGES).map((change) => (change.excerpt ? { ...change, excerpt: change.excerpt.map(redactChangeLine) } : change)),
      changesOmitted: Math.max(0, ordered.length - MAX_CHANGES),
    };
    if (evidence.truncated) section.truncated = evidence.truncated;
    return section;
  },
};
