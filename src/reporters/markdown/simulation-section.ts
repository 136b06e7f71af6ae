import { formatLocation } from '../../model/location.js';
import type { Report } from '../../model/report.js';
import type { SimulationSection, WatchSection } from '../../model/simulation-section-schema.js';
import { inlineCode, markdownTable } from './table.js';

/**
 * "Simulation timeline": the startup sequence drawn as a Mermaid sequence diagram, the timeline
 * as a table, the probes, how the app died if it did, and what changed on disk (watch stage).
 */
export function renderSimulationTimeline(report: Report): string[] | undefined {
  const simulation = report.sections.simulation as SimulationSection | undefined;
  if (!simulation) return undefined;
  const out: string[] = [...renderHeadline(simulation)];
  out.push('', '```mermaid', ...sequenceDiagram(simulation), '```');
  out.push('', ...markdownTable(['Time', 'Step', 'Start #', 'Detail'], simulation.timeline.map((event) => [seconds(event.timeMs), event.step, event.attempt === undefined ? '' : String(event.attempt + 1), event.detail])));
  if (simulation.probes.length > 0) {
    out.push('', '### Probes', '');
    out.push(...markdownTable(['Request', 'Source', 'Answer', 'Latency', 'Judgement', 'Body'], simulation.probes.map((probe) => [
      `${probe.method} ${probe.path}`,
      probe.source,
      probe.status === undefined ? (probe.error ?? 'no answer') : String(probe.status),
      `${probe.latencyMs} ms`,
      probe.judgement === 'ok' ? '✅ ok' : probe.judgement === 'failed' ? '❌ failed' : '➖ not served',
      probe.bodyExcerpt ? inlineCode(probe.bodyExcerpt.slice(0, 80)) : '',
    ])));
  }
  out.push(...renderFailure(simulation));
  const watch = report.sections.watch as WatchSection | undefined;
  if (watch) out.push(...renderWatch(watch));
  return out;
}

function renderHeadline(simulation: SimulationSection): string[] {
  const plan = simulation.plan;
  const lines = [
    simulation.healthy
      ? '**The app started, became ready, answered its probes and stopped cleanly.**'
      : '**The app did not pass the simulation.** See the findings of the simulate stage for what to fix.',
    '',
  ];
  if (plan) lines.push(`- Start command: ${inlineCode(plan.command)} (${plan.source}${plan.location ? `, ${formatLocation(plan.location)}` : ''}), run as a ${plan.mode} process${plan.cwd ? ` in ${inlineCode(plan.cwd)}` : ''}`);
  if (simulation.port !== undefined) lines.push(`- PORT: ${simulation.port} (loopback)`);
  if (simulation.install) lines.push(`- Install: ${inlineCode(simulation.install.command)} from ${simulation.install.source}: ${simulation.install.status} in ${seconds(simulation.install.durationMs)}`);
  const env = simulation.environment;
  lines.push(`- Environment: ${env.passed.length} variable${env.passed.length === 1 ? '' : 's'} from the project or config, ${env.placeholders.length} secret placeholder${env.placeholders.length === 1 ? '' : 's'}${env.missing.length > 0 ? `, not provided by anything: ${env.missing.map(inlineCode).join(', ')}` : ''}`);
  const { limits } = simulation;
  lines.push(`- Limits: ready within ${seconds(limits.readyTimeoutMs)}, alive for ${seconds(limits.aliveMs)}, grace ${seconds(limits.graceMs)}, ${simulation.restartsAllowed} restart${simulation.restartsAllowed === 1 ? '' : 's'}; ${simulation.attempts.length} start${simulation.attempts.length === 1 ? '' : 's'} made`);
  return lines;
}

/** The startup sequence as the platform sees it. */
export function sequenceDiagram(simulation: SimulationSection): string[] {
  const role = simulation.plan?.role ?? 'app';
  const lines = ['sequenceDiagram', '  participant P as Platform (liveready)', `  participant A as App (${mermaidText(role)})`];
  for (const event of simulation.timeline) {
    const at = `[${seconds(event.timeMs)}]`;
    const detail = mermaidText(event.detail);
    switch (event.step) {
      case 'install':
      case 'installed':
      case 'install-failed':
        lines.push(`  Note over P: ${at} ${event.step}: ${detail}`);
        break;
      case 'spawn':
      case 'sigterm':
      case 'sigkill':
        lines.push(`  P->>A: ${at} ${event.step}: ${detail}`);
        break;
      case 'restart':
        lines.push(`  Note over P,A: ${at} ${detail}`);
        break;
      case 'first-probe-ok':
      case 'probe-failed':
        lines.push(`  P->>A: ${at} ${mermaidText(event.detail.split(' -> ')[0] ?? event.detail)}`, `  A-->>P: ${mermaidText(event.detail.split(' -> ')[1] ?? event.step)}`);
        break;
      default:
        lines.push(`  A-->>P: ${at} ${event.step}: ${detail}`);
    }
  }
  return lines;
}

function renderFailure(simulation: SimulationSection): string[] {
  const classification = simulation.classification;
  if (!classification) return [];
  const out = ['', '### How it died', '', `- Cause: **${classification.kind}**${classification.variable ? ` (${inlineCode(classification.variable)})` : ''}${classification.module ? ` (${inlineCode(classification.module)})` : ''}: ${classification.summary}`];
  if (classification.location) out.push(`- Where: ${inlineCode(formatLocation(classification.location))}`);
  if (classification.predictedBy) out.push(`- Predicted by the static finding ${inlineCode(classification.predictedBy.checkId)} at ${inlineCode(formatLocation(classification.predictedBy.location))}`);
  if (simulation.outputTail.length > 0) out.push('', 'Last lines the app wrote:', '', '```text', ...simulation.outputTail.map((line) => `${seconds(line.timeMs).padStart(7)} ${line.stream === 'stderr' ? 'err' : 'out'} | ${line.text}`), '```');
  return out;
}

function renderWatch(watch: WatchSection): string[] {
  const out = ['', '### Files changed while the app ran', ''];
  if (watch.changes.length === 0) return [...out, `No file was created, modified or deleted (${watch.filesBefore} files compared before and after).`];
  out.push(...markdownTable(['File', 'Change', 'Config?', 'When', 'Lines', 'Written from'], watch.changes.map((change) => [
    inlineCode(change.path),
    change.change,
    change.isConfig ? '⚠️ yes' : 'no',
    change.timeMs === undefined ? '' : seconds(change.timeMs),
    change.linesAdded === undefined ? '' : `+${change.linesAdded} -${change.linesRemoved ?? 0}`,
    change.writer ? inlineCode(formatLocation(change.writer)) : '',
  ])));
  if (watch.changesOmitted > 0) out.push('', `... and ${watch.changesOmitted} more changes not listed (the report keeps the first 200, config files first).`);
  for (const change of watch.changes.filter((candidate) => candidate.isConfig && (candidate.excerpt ?? []).length > 0)) {
    out.push('', `${inlineCode(change.path)}:`, '', '```diff', ...(change.excerpt ?? []).map((line) => line.replace(/^([+-]) /, '$1')), '```');
  }
  return out;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

/** Mermaid message text: no statement separators, comments or markup. */
function mermaidText(text: string): string {
  return text.replace(/[;#`<>{}]/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 120);
}
