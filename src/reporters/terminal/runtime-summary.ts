import type { StartSequenceSection } from '../../model/env-section-schema.js';
import type { Report } from '../../model/report.js';
import type { SimulationSection } from '../../model/simulation-section-schema.js';
import type { VulnerabilitiesSection } from '../../model/vulnerabilities-section-schema.js';
import type { Style } from './style.js';

/**
 * Two lines a reader needs before the findings: what the platform will run, and what happened when
 * liveready ran it (ready after how long, what the probes answered, how it stopped, or how it died).
 */
export function renderRuntimeSummary(report: Report, style: Style): string[] {
  const lines: string[] = [];
  const start = report.sections.startSequence as StartSequenceSection | undefined;
  if (start) lines.push(`  ${style.bold('Start')}       ${describeStart(start)}`);
  const advisories = report.sections.vulnerabilities as VulnerabilitiesSection | undefined;
  if (advisories) lines.push(`  ${style.bold('Advisories')}  ${describeAdvisories(advisories, style)}`);
  const simulation = report.sections.simulation as SimulationSection | undefined;
  if (simulation) lines.push(`  ${style.bold('Simulation')}  ${describeSimulation(simulation, style)}`);
  return lines.length > 0 ? ['', ...lines] : [];
}

/** How many locked packages were checked against which advisory source, or why they were not. */
function describeAdvisories(section: VulnerabilitiesSection, style: Style): string {
  const failed = section.errors.map((error) => `${error.kind === 'api' ? 'OSV API' : error.location}: ${error.message}`).join('; ');
  if (section.sources.length === 0) {
    const why = failed || section.note || 'no advisory source';
    return style.yellow(`${section.packagesChecked} locked package${section.packagesChecked === 1 ? '' : 's'} NOT checked for known vulnerabilities (${why}); give --osv-db <osv.dev export> to check offline`);
  }
  const from = section.sources.map((source) => (source.kind === 'api' ? 'the OSV API' : source.location)).join(' and ');
  const result = `${section.packagesChecked} locked package${section.packagesChecked === 1 ? '' : 's'} checked against ${from}: ${section.vulnerableCount} vulnerable`;
  return `${section.vulnerableCount > 0 ? style.red(result) : result}${failed ? style.yellow(` (also tried ${failed})`) : ''}`;
}

function describeStart(start: StartSequenceSection): string {
  const parts = [`\`${start.command}\` (${start.source})`];
  if (start.entry?.file ?? start.entry?.value) parts.push(start.entry?.file ?? start.entry?.value ?? '');
  if (start.server) parts.push(start.server);
  const port = start.portEnv ? `$${start.portEnv}${start.port ? ` (fallback ${start.port})` : ''}` : start.port ? String(start.port) : undefined;
  if (start.host || port) parts.push(`${start.host ?? ''}${port ? `:${port}` : ''}`);
  return parts.join(' -> ');
}

function describeSimulation(simulation: SimulationSection, style: Style): string {
  if (simulation.install?.status !== undefined && simulation.install.status !== 'ok') return style.red(`install ${simulation.install.status} after ${seconds(simulation.install.durationMs)}`);
  const attempts = simulation.attempts;
  const ready = attempts.find((attempt) => attempt.readyMs !== undefined);
  if (!ready) {
    const died = attempts.filter((attempt) => attempt.exitedOnItsOwn).length;
    const cause = simulation.classification?.summary ?? attempts[attempts.length - 1]?.result ?? 'never became ready';
    return style.red(died > 0 ? `died ${died} time${died === 1 ? '' : 's'}: ${cause}` : `not ready: ${cause}`);
  }
  const parts = [`ready after ${seconds((ready.readyMs as number) - ready.startMs)}${simulation.port ? ` on :${simulation.port}` : ''}`];
  const probes = simulation.probes.filter((probe) => probe.judgement !== 'absent');
  if (probes.length > 0) parts.push(probes.slice(0, 4).map((probe) => `${probe.method} ${probe.path} ${probe.status ?? probe.error ?? '-'}`).join(', '));
  if (simulation.shutdown) parts.push(describeShutdown(simulation.shutdown));
  const text = parts.join('; ');
  return simulation.healthy ? style.green(text) : style.yellow(text);
}

function describeShutdown(shutdown: NonNullable<SimulationSection['shutdown']>): string {
  if (shutdown.killed) return `ignored SIGTERM, killed after ${seconds(shutdown.graceMs)}`;
  const took = shutdown.durationMs === undefined ? '' : ` in ${seconds(shutdown.durationMs)}`;
  const ended = shutdown.exitCode !== undefined && shutdown.exitCode !== null ? `exit ${shutdown.exitCode}` : `ended by ${shutdown.signal ?? 'a signal'}`;
  return `SIGTERM -> ${ended}${took}`;
}

function seconds(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}
