import type { GoalTracker, GoalsEvidence, MeasuredGoal, TrackerEntry } from '../facts/evidence/goals.js';
import type { LogModuleRef, LogsEvidence } from '../facts/evidence/logs.js';
import type { ProbeEvidence, SimulationEvidence } from '../facts/evidence/evidence.js';
import type { Project } from '../facts/project.js';
import { matchesRoutePath, matchesRouteSuffix } from '../facts/service/manifest-health.js';
import { moduleMap } from '../facts/service/module-map.js';
import { type RouteRow, routeTable } from '../facts/service/route-table.js';
import { summarizeModules } from '../logs/group/modules.js';
import type { Finding, SuppressedFinding } from '../model/finding.js';
import { coreModules, isUnder, normalizeTarget } from './core-modules.js';

export interface MeasureInput {
  project: Project;
  tracker: GoalTracker;
  /** Findings of every stage before goals, after suppressions. */
  findings: readonly Finding[];
  /** Findings a `--baseline` report hid (old, not accepted): their critical ones still fail a module. */
  baselined?: readonly SuppressedFinding[];
  logs?: LogsEvidence;
  simulation?: SimulationEvidence;
  /** Some static check (map, config, scan, schema) ran: only then can "its checks ran and passed" be said. */
  staticChecksRan: boolean;
}

const SOURCE_EXTENSIONS = ['.py', '.ts', '.tsx', '.js', '.jsx', '.mjs', '.cjs'];

/**
 * Each tracker entry's status from evidence, never from what the tracker says. An entry judges the
 * files under its path, except those of a more specific entry (`app/` leaves `app/billing/` to
 * billing's entry):
 * - `unknown`: its path (or module name as a path) matches no file;
 * - `failing`: a critical finding in its files, a module of its files over the log failure
 *   threshold, the simulation's failure located in its files, or a failed probe to its routes;
 * - `validated`: not failing, and exercised: a probe or smoke request answered on one of its
 *   routes (runtime), or the static checks ran and reported nothing in its code files (static: the
 *   most a static run can say);
 * - `untested`: everything else.
 * Pure.
 */
export function measureGoals(input: MeasureInput): GoalsEvidence {
  const core = coreModules(input.project);
  const coreFiles = core.flatMap((module) => module.files);
  const targets = input.tracker.entries.map((entry) => resolveTarget(entry, input.project));
  const goals = input.tracker.entries.map((entry, index) => {
    const target = targets[index];
    if (target === undefined) return unknownGoal(entry);
    // The most specific entry owns a file: `app/` does not judge `app/billing/` when billing has its own entry.
    const inner = targets.filter((other): other is string => other !== undefined && other !== target && isUnder(other, target));
    const owns = (file: string): boolean => isUnder(file, target) && !inner.some((other) => isUnder(file, other));
    return measureEntry(entry, target, owns, input, coreFiles);
  });
  const resolved = targets.filter((target): target is string => target !== undefined);
  const uncovered = core.filter((module) => module.files.some((file) => !resolved.some((target) => isUnder(file, target))));
  return { tracker: input.tracker, goals, coreModules: core, uncovered };
}

function unknownGoal(entry: TrackerEntry): MeasuredGoal {
  const wanted = normalizeTarget(entry.path ?? entry.module);
  return { entry, target: wanted, label: entry.path ?? wanted, files: 0, isCore: false, measured: 'unknown', evidence: [`${entry.path === undefined ? `module name "${entry.module}"` : `path ${entry.path}`} matches no file in the project`] };
}

function measureEntry(entry: TrackerEntry, target: string, owns: (file: string) => boolean, input: MeasureInput, coreFiles: readonly string[]): MeasuredGoal {
  const { project } = input;
  const shown = target === '' ? 'the project' : project.hasDirectory(target) ? `${target}/` : target;
  const files = project.files.filter((file) => owns(file.path)).length;
  const isCore = coreFiles.some(owns);
  const routes = routeTable(project).filter((route) => owns(route.file));
  const failures = failureEvidence(input, owns, shown, routes);
  const base = { entry, target, label: shown, files, isCore };
  if (failures.length > 0) return { ...base, measured: 'failing', evidence: failures };
  const reached = probesOf(input.simulation, routes, (probe) => probe.judgement === 'ok');
  if (reached.length > 0) return { ...base, measured: 'validated', basis: 'runtime', evidence: [`probes reached ${describeProbes(reached)}`] };
  const code = moduleMap(project).modules.filter((module) => owns(module.path));
  const noted: Array<Pick<Finding, 'severity'>> = [
    ...input.findings.filter((finding) => !finding.experimental && finding.stage !== 'goals' && owns(finding.location.file)),
    ...(input.baselined ?? []).filter((finding) => owns(finding.location.file)),
  ];
  if (input.staticChecksRan && code.length > 0 && noted.length === 0) {
    return { ...base, measured: 'validated', basis: 'static', evidence: [`static checks only: ${code.length} code file${code.length === 1 ? '' : 's'} scanned, no findings; ${input.simulation ? 'no probe reached its routes' : 'the app was not run'}`] };
  }
  return { ...base, measured: 'untested', evidence: [untestedReason(input, code.length, noted, shown)] };
}

/** The entry's path, else its module name read as a path (`app.auth` -> `app/auth`, `app/auth.py`...). */
function resolveTarget(entry: TrackerEntry, project: Project): string | undefined {
  const exists = (path: string): boolean => project.hasFile(path) || project.hasDirectory(path);
  if (entry.path !== undefined) {
    const path = normalizeTarget(entry.path);
    return exists(path) ? path : undefined;
  }
  const name = normalizeTarget(entry.module);
  const candidates = [name, name.replace(/\./g, '/')];
  for (const candidate of candidates) {
    if (exists(candidate)) return candidate;
    const file = SOURCE_EXTENSIONS.map((extension) => `${candidate}${extension}`).find((path) => project.hasFile(path));
    if (file) return file;
  }
  return undefined;
}

function failureEvidence(input: MeasureInput, owns: (file: string) => boolean, shown: string, routes: readonly RouteRow[]): string[] {
  const evidence: string[] = [];
  // Log failures are measured from the logs themselves below, not counted again through their finding.
  const critical = input.findings.filter((finding) => finding.severity === 'critical' && !finding.experimental && finding.stage !== 'goals' && finding.stage !== 'logs' && owns(finding.location.file));
  if (critical.length > 0) {
    const ids = [...new Set(critical.map((finding) => finding.checkId))];
    evidence.push(`${critical.length} critical finding${critical.length === 1 ? '' : 's'} in ${shown} (${ids.slice(0, 3).join(', ')}${ids.length > 3 ? ', ...' : ''})`);
  }
  const baselined = (input.baselined ?? []).filter((finding) => finding.severity === 'critical' && finding.checkId.split('/')[0] !== 'logs' && owns(finding.location.file));
  if (baselined.length > 0) evidence.push(`${baselined.length} critical finding${baselined.length === 1 ? '' : 's'} in ${shown} hidden by the baseline (${[...new Set(baselined.map((finding) => finding.checkId))].slice(0, 3).join(', ')})`);
  if (input.logs) {
    for (const summary of summarizeModules(input.logs)) {
      if (!summary.isOverThreshold || !logModuleIsOwned(summary.module, owns, routes)) continue;
      const top = summary.groups.find((group) => group.recentCount > 0) ?? summary.groups[0];
      const where = summary.module.via === 'route' ? `on route ${summary.module.name}` : `in ${summary.module.name}`;
      evidence.push(`${summary.failures} log failures${top ? ` (${top.exception.type})` : ''} ${where}, over the threshold of ${input.logs.failureThreshold}`);
    }
  }
  const failure = input.simulation?.classification;
  if (failure?.location && owns(failure.location.file)) {
    evidence.push(`the simulation failed at ${failure.location.file}:${failure.location.line} (${failure.kind}: ${failure.summary})`);
  }
  const failed = probesOf(input.simulation, routes, (probe) => probe.judgement === 'failed');
  if (failed.length > 0) evidence.push(`probes failed on ${describeProbes(failed)}`);
  return evidence;
}

/** A log module is the entry's when it is one of its files, or an HTTP route (`POST /billing/charge`) one of its handlers answers. */
function logModuleIsOwned(module: LogModuleRef, owns: (file: string) => boolean, routes: readonly RouteRow[]): boolean {
  if (module.via === 'frame' || module.via === 'logger') return owns(module.name);
  if (module.via !== 'route') return false;
  const [method = '', path = ''] = module.name.split(' ');
  return path.startsWith('/') && routes.some((route) => routeAnswers(route, method, path));
}

function probesOf(simulation: SimulationEvidence | undefined, routes: readonly RouteRow[], keep: (probe: ProbeEvidence) => boolean): ProbeEvidence[] {
  return (simulation?.probes ?? []).filter((probe) => keep(probe) && routes.some((route) => routeAnswers(route, probe.method, probe.path)));
}

function routeAnswers(route: RouteRow, requestMethod: string, path: string): boolean {
  const methods = route.method.toUpperCase().split('|');
  const method = requestMethod.toUpperCase();
  const methodMatches = methods.includes('ANY') || methods.includes(method) || (method === 'HEAD' && methods.includes('GET'));
  // A router's prefix the route table could not resolve (an aliased import) leaves the route's own path: its end still tells.
  return methodMatches && (matchesRoutePath(route.path, path) || matchesRouteSuffix(route.path, path));
}

function describeProbes(probes: readonly ProbeEvidence[]): string {
  const unique = [...new Set(probes.map((probe) => `${probe.method.toUpperCase()} ${probe.path}${probe.judgement === 'failed' ? ` (${probe.status ?? probe.error ?? 'no answer'})` : ''}`))];
  return `${unique.slice(0, 3).join(', ')}${unique.length > 3 ? `, and ${unique.length - 3} more` : ''}`;
}

function untestedReason(input: MeasureInput, codeFiles: number, noted: ReadonlyArray<Pick<Finding, 'severity'>>, shown: string): string {
  const runtime = input.simulation ? 'no probe or smoke request reached its routes' : 'the app was not run';
  if (codeFiles === 0) return `${shown} holds no code the static checks read, and ${runtime}`;
  if (!input.staticChecksRan) return `the static checks did not run, and ${runtime}`;
  const bySeverity = ['moderate', 'low', 'info'].map((severity) => [severity, noted.filter((finding) => finding.severity === severity).length] as const).filter(([, count]) => count > 0);
  return `its checks did not pass (${bySeverity.map(([severity, count]) => `${count} ${severity}`).join(', ')} finding${noted.length === 1 ? '' : 's'} in ${shown}), and ${runtime}`;
}
