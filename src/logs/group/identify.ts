import { createHash } from 'node:crypto';
import type { LogFrame, LogModuleRef, ResourceKind } from '../../facts/evidence/logs.js';
import type { ExceptionInfo, LogEvent } from '../event.js';
import { normalizeMessage, normalizeRoute } from './normalize.js';
import type { ProjectFiles } from './project-files.js';
import { classifyResource } from './resource.js';

/** What makes an event the same error as another, and where it belongs. */
export interface ErrorIdentity {
  fingerprint: string;
  signature: string;
  module: LogModuleRef;
  exception: { type: string; message: string };
  surfacedAs?: { type: string; message: string };
  frame?: LogFrame;
  projectFrames: LogFrame[];
  resource?: ResourceKind;
}

const MAX_PROJECT_FRAMES = 6;
// Bounds on what a group keeps: a garbage line can be 64 KB, and reports (and redaction) must stay cheap.
const MAX_TYPE = 200;
const MAX_MESSAGE = 500;
const MAX_NAME = 200;
const MAX_CODE = 400;

/**
 * Identifies an event like an error tracker: the root cause (first exception of the chain), its
 * deepest project frame (the module, else the logger, process or route, else the log file), and a
 * fingerprint of exception type + normalized message + that frame.
 */
export function identifyEvent(event: LogEvent, project: ProjectFiles, logFile: string): ErrorIdentity {
  const root = event.exceptions[0];
  const surfaced = event.exceptions[event.exceptions.length - 1];
  const projectFrames = collectProjectFrames(event.exceptions, project);
  const frame = projectFrames[0];
  const module = moduleOf(event, frame, project, logFile);
  const exception = root ? { type: clip(root.type, MAX_TYPE), message: clip(root.message, MAX_MESSAGE) } : { type: event.level.toUpperCase(), message: clip(event.message, MAX_MESSAGE) };
  const normalized = exception.type.startsWith('HTTP') && module.via === 'route' ? module.name : normalizeMessage(exception.message);
  const anchor = frame ? `${frame.file}:${frame.function ?? '?'}` : `${module.via}:${module.name}`;
  const signature = `${exception.type}: ${normalized} @ ${anchor}`;
  const identity: ErrorIdentity = { fingerprint: fingerprintOf(signature), signature, module, exception, projectFrames };
  if (surfaced && surfaced !== root) identity.surfacedAs = { type: clip(surfaced.type, MAX_TYPE), message: clip(surfaced.message, MAX_MESSAGE) };
  if (frame) identity.frame = frame;
  const resource = classifyResource(event);
  if (resource) identity.resource = resource;
  return identity;
}

export function fingerprintOf(signature: string): string {
  return createHash('sha1').update(signature).digest('hex').slice(0, 12);
}

/** Project frames, innermost first: the root cause's own, then those of the exceptions that wrapped it. */
function collectProjectFrames(chain: readonly ExceptionInfo[], project: ProjectFiles): LogFrame[] {
  const frames: LogFrame[] = [];
  for (const exception of chain) {
    for (const frame of exception.frames) {
      if (frames.length >= MAX_PROJECT_FRAMES) return frames;
      const file = project.resolveFrame(frame.file);
      if (!file || frame.line === undefined) continue;
      const resolved: LogFrame = { file, line: frame.line };
      if (frame.function !== undefined) resolved.function = clip(frame.function, MAX_NAME);
      if (frame.code !== undefined) resolved.code = clip(frame.code, MAX_CODE);
      frames.push(resolved);
    }
  }
  return frames;
}

function moduleOf(event: LogEvent, frame: LogFrame | undefined, project: ProjectFiles, logFile: string): LogModuleRef {
  if (frame) return { name: frame.file, via: 'frame' };
  const origin = event.origin && { ...event.origin, name: clip(event.origin.name, MAX_NAME) };
  if (!origin) return { name: logFile, via: 'log-file' };
  if (origin.kind === 'route') return { name: normalizeRouteName(origin.name), via: 'route' };
  if (origin.kind === 'logger') {
    const file = project.resolveLogger(origin.name);
    return { name: file ?? origin.name, via: 'logger' };
  }
  return { name: origin.name, via: 'process' };
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

function normalizeRouteName(name: string): string {
  const space = name.indexOf(' ');
  return space === -1 ? normalizeRoute(name) : `${name.slice(0, space)} ${normalizeRoute(name.slice(space + 1))}`;
}
