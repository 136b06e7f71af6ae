import type { LogErrorGroup, LogsEvidence } from '../../facts/evidence/logs.js';
import { type LogEvent, MAX_EVENT_LINES } from '../event.js';
import { redactDeep } from '../../util/redact.js';
import { type ErrorIdentity, fingerprintOf, identifyEvent } from './identify.js';
import type { ProjectFiles } from './project-files.js';
import { WindowCounter, bucketMsFor } from './window-counter.js';

/** Where an event was read: which source (by index and display path), and in which run of it. */
export interface EventPlace {
  source: number;
  file: string;
  run: number;
  /** The simulation's output: recent by definition. */
  isRecent: boolean;
}

export interface GroupingOptions {
  project: ProjectFiles;
  windowHours: number;
  recentRuns: number;
  maxGroups?: number;
}

interface Accumulator {
  identity: ErrorIdentity;
  level: LogEvent['level'];
  counter: WindowCounter;
  first?: number;
  last?: number;
  example: LogErrorGroup['example'];
}

const DEFAULT_MAX_GROUPS = 1000;
const MAX_FOLDED_MODULES = 200;

/**
 * Groups error events by fingerprint as they stream by, keeping per group only counts, first and
 * last time, and the latest example. Distinct errors beyond `maxGroups` are folded into an
 * "other errors" group of their module, so memory stays bounded on any input.
 */
export class ErrorGroups {
  private readonly groups = new Map<string, Accumulator>();
  private readonly runsBySource = new Map<number, number>();
  private readonly windowMs: number;
  private readonly bucketMs: number;
  private newest: number | undefined;
  private folded = 0;
  private hasUntimed = false;
  private foldedModules = 0;

  constructor(private readonly options: GroupingOptions) {
    this.windowMs = options.windowHours * 3_600_000;
    this.bucketMs = bucketMsFor(this.windowMs);
  }

  observeTime(ms: number): void {
    if (this.newest === undefined || ms > this.newest) this.newest = ms;
  }

  observeRun(source: number, run: number): void {
    this.runsBySource.set(source, Math.max(run + 1, this.runsBySource.get(source) ?? 1));
  }

  add(event: LogEvent, place: EventPlace): void {
    const identity = identifyEvent(event, this.options.project, place.file);
    const group = this.groupFor(identity, event.level);
    if (place.isRecent) group.counter.addRecent();
    else if (event.time !== undefined) group.counter.addTimed(event.time, this.newest ?? event.time, this.windowMs);
    else {
      this.hasUntimed = true;
      group.counter.addRun(place.source, place.run, (source, run) => run < (this.runsBySource.get(source) ?? 1) - this.options.recentRuns);
    }
    if (event.time !== undefined) {
      if (group.first === undefined || event.time < group.first) group.first = event.time;
      if (group.last === undefined || event.time > group.last) group.last = event.time;
    }
    group.example = { file: place.file, line: event.line, text: event.text.slice(0, MAX_EVENT_LINES).map(detach) };
  }

  /** The groups with their recent counts, most recent failures first; and the window they were counted in. */
  finish(): Pick<LogsEvidence, 'groups' | 'window' | 'foldedGroups'> {
    const cutoff = this.newest === undefined ? undefined : this.newest - this.windowMs;
    const isRecentRun = (source: number, run: number): boolean => run >= (this.runsBySource.get(source) ?? 1) - this.options.recentRuns;
    const groups = [...this.groups.values()].map((group) => redactDeep(toGroup(group, cutoff, isRecentRun)));
    groups.sort((a, b) => b.recentCount - a.recentCount || b.count - a.count || a.fingerprint.localeCompare(b.fingerprint));
    return { groups, window: this.describeWindow(cutoff), foldedGroups: this.folded };
  }

  private groupFor(identity: ErrorIdentity, level: LogEvent['level']): Accumulator {
    const existing = this.groups.get(identity.fingerprint);
    if (existing) return existing;
    if (this.groups.size < (this.options.maxGroups ?? DEFAULT_MAX_GROUPS)) return this.create(identity, level);
    this.folded += 1;
    const module = this.foldedModules < MAX_FOLDED_MODULES ? identity.module : { name: '(many modules)', via: identity.module.via };
    const signature = `(other errors) @ ${module.via}:${module.name}`;
    const fingerprint = fingerprintOf(signature);
    const folded = this.groups.get(fingerprint);
    if (folded) return folded;
    this.foldedModules += 1;
    return this.create({ fingerprint, signature, module, exception: { type: '(other errors)', message: 'distinct errors beyond the group limit' }, projectFrames: [] }, level);
  }

  private create(identity: ErrorIdentity, level: LogEvent['level']): Accumulator {
    const group: Accumulator = { identity: detachIdentity(identity), level, counter: new WindowCounter(this.bucketMs), example: { file: '', line: 1, text: [] } };
    this.groups.set(identity.fingerprint, group);
    return group;
  }

  private describeWindow(cutoff: number | undefined): LogsEvidence['window'] {
    const { windowHours: hours, recentRuns } = this.options;
    const runs = `the last ${recentRuns} run${recentRuns === 1 ? '' : 's'} of logs without timestamps`;
    if (this.newest === undefined || cutoff === undefined) return { hours, recentRuns, description: this.hasUntimed ? runs : 'all of the logs (no timestamps, no errors)' };
    const to = new Date(this.newest).toISOString();
    const timed = `the last ${hours} h of the logs (to ${to.slice(0, 16).replace('T', ' ')} UTC)`;
    return { hours, recentRuns, from: new Date(cutoff).toISOString(), to, description: this.hasUntimed ? `${timed}, and ${runs}` : timed };
  }
}

function toGroup(group: Accumulator, cutoff: number | undefined, isRecentRun: (source: number, run: number) => boolean): LogErrorGroup {
  const { identity } = group;
  const result: LogErrorGroup = {
    fingerprint: identity.fingerprint,
    signature: identity.signature,
    module: identity.module,
    level: group.level,
    exception: identity.exception,
    projectFrames: identity.projectFrames,
    count: group.counter.total,
    recentCount: group.counter.recent(cutoff, isRecentRun),
    example: group.example,
  };
  if (identity.surfacedAs) result.surfacedAs = identity.surfacedAs;
  if (identity.frame) result.frame = identity.frame;
  if (identity.resource) result.resource = identity.resource;
  if (group.first !== undefined) result.firstSeen = new Date(group.first).toISOString();
  if (group.last !== undefined) result.lastSeen = new Date(group.last).toISOString();
  return result;
}

/** A copy of a string that does not keep the 1 MB chunk it was cut from alive (V8 slices share their parent). */
function detach(text: string): string {
  return ` ${text}`.slice(1);
}

function detachIdentity(identity: ErrorIdentity): ErrorIdentity {
  return JSON.parse(JSON.stringify(identity)) as ErrorIdentity;
}

