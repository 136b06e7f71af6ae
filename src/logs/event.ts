/**
 * What the log parsers produce: one error event per failure, whatever format it was written in.
 * Plain data, so the grouper (and tests) can read it without knowing the format.
 */

/** One frame of a stack trace, as the log printed it (paths are the deployed machine's). */
export interface StackFrame {
  file: string;
  line?: number;
  column?: number;
  function?: string;
  /** The source line Python prints under the frame. */
  code?: string;
}

/** One exception of a chain. Frames are innermost first (where it was raised comes first). */
export interface ExceptionInfo {
  type: string;
  message: string;
  frames: StackFrame[];
  /** Node's `code: 'ECONNREFUSED'`, a signal name, an exit status: what classifies resource failures. */
  code?: string;
}

export type EventLevel = 'error' | 'critical' | 'fatal';

/** Who wrote the line when no stack says where the failure is. */
export interface EventOrigin {
  name: string;
  kind: 'logger' | 'process' | 'route';
}

export interface LogEvent {
  level: EventLevel;
  /** Epoch milliseconds, when the line (or the line that introduced the block) had a timestamp. */
  time?: number;
  origin?: EventOrigin;
  /** The log line's own message (`Charge failed`), or the exception's when there is no header. */
  message: string;
  /**
   * The exception chain, first raised first: [0] is the root cause (`raise ... from` / "During
   * handling" put the original first), the last one is what finally surfaced. Empty for plain lines.
   */
  exceptions: ExceptionInfo[];
  /** 1-based line of the source where the event starts. */
  line: number;
  /** The lines of the event as written (capped), for the example. */
  text: string[];
}

/** Lines of one event kept for its example: enough to recognise it, never the whole 1,000-frame trace. */
export const MAX_EVENT_LINES = 40;
export const MAX_LINE_CHARS = 400;

export function clipLine(text: string): string {
  return text.length > MAX_LINE_CHARS ? `${text.slice(0, MAX_LINE_CHARS)}…` : text;
}
