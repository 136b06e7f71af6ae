import type { ExceptionInfo, StackFrame } from '../event.js';
import type { ErrorLine } from './error-line.js';
import { parseErrorLine } from './error-line.js';
import type { PushResult } from './python-traceback.js';

const FRAME = /^\s+at (?:async )?(?:(.+?) \((.+)\)|(.+))$/;
const LOCATION = /^(.*?):(\d+)(?::(\d+))?$/;
const ELIDED = /^\s+\.\.\. \d+ (?:more|lines matching)/;
const CODE_PROPERTY = /^\s+code: '([A-Z0-9_]+)'/;
const CAUSE = /^\s+\[cause\]: (.*)$/;
const MAX_FRAMES = 100;

/** The whole line starts a Node stack frame (`    at fn (/app/x.js:1:2)`). */
export function isNodeFrameLine(line: string): boolean {
  return line.charCodeAt(0) === 32 && /^\s+at \S/.test(line);
}

/**
 * Reads a Node.js stack after its `Error: message` line: frames, the `{ code: 'ECONNREFUSED' }`
 * property block, a `[cause]`, and the "Require stack" of MODULE_NOT_FOUND. A `[cause]` becomes
 * the root cause (first in the chain).
 */
export class NodeStack {
  private readonly frames: StackFrame[] = [];
  private cause: ErrorLine | undefined;
  private depth = 0;
  private code: string | undefined;

  constructor(private readonly head: ErrorLine) {
    this.code = head.code;
  }

  push(line: string): PushResult {
    if (this.depth > 0) return this.pushProperty(line);
    if (isNodeFrameLine(line)) {
      const frame = parseNodeFrame(line);
      if (frame && this.frames.length < MAX_FRAMES) this.frames.push(frame);
      if (line.trimEnd().endsWith('{')) this.depth = 1;
      return 'consumed';
    }
    if (ELIDED.test(line)) {
      if (line.trimEnd().endsWith('{')) this.depth = 1;
      return 'consumed';
    }
    if (this.frames.length === 0 && (line === 'Require stack:' || line.startsWith('- '))) return 'consumed';
    return 'done';
  }

  finish(): ExceptionInfo[] {
    const outer: ExceptionInfo = { type: this.head.type, message: this.head.message, frames: this.frames };
    if (this.code !== undefined) outer.code = this.code;
    if (!this.cause) return [outer];
    const cause: ExceptionInfo = { type: this.cause.type, message: this.cause.message, frames: [] };
    if (this.cause.code !== undefined) cause.code = this.cause.code;
    return [cause, outer];
  }

  private pushProperty(line: string): PushResult {
    const trimmed = line.trim();
    if (trimmed.startsWith('}')) this.depth -= 1;
    if (trimmed.endsWith('{')) this.depth += 1;
    const code = CODE_PROPERTY.exec(line);
    if (code && this.depth === 1 && this.code === undefined) this.code = code[1];
    const cause = CAUSE.exec(line);
    if (cause && !this.cause) this.cause = parseErrorLine((cause[1] ?? '').replace(/\s*\{$/, '')) ?? undefined;
    return 'consumed';
  }
}

export function parseNodeFrame(line: string): StackFrame | undefined {
  const match = FRAME.exec(line.replace(/\s*\{$/, ''));
  if (!match) return undefined;
  const where = (match[2] ?? match[3] ?? '').trim();
  const location = LOCATION.exec(where);
  if (!location) return undefined;
  const frame: StackFrame = { file: location[1] as string, line: Number(location[2]) };
  if (location[3]) frame.column = Number(location[3]);
  if (match[1]) frame.function = match[1].replace(/^new /, '');
  return frame;
}
