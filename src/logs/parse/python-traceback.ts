import type { ExceptionInfo, StackFrame } from '../event.js';

export const TRACEBACK_START = 'Traceback (most recent call last):';
const CHAIN_MARKERS = ['During handling of the above exception, another exception occurred:', 'The above exception was the direct cause of the following exception:'];
const FRAME = /^\s+File "(.+?)", line (\d+)(?:, in (.+))?\s*$/;
const EXCEPTION = /^([A-Za-z_][\w.]*)(?::\s?(.*))?$/;
const CARETS = /^\s*[~^]+\s*$/;
const MAX_FRAMES = 200;
const MAX_BLANKS = 2;

export type PushResult = 'consumed' | 'done';

/** `  File "/app/x.py", line 3, in f`: a frame line, also where a trace has no "Traceback" line. */
export function isPythonFrameLine(line: string): boolean {
  return line.charCodeAt(0) === 32 && FRAME.test(line);
}

/**
 * Reads a Python traceback line by line, chained exceptions included ("During handling of the
 * above exception..." / "The above exception was the direct cause..."). `push` says whether the
 * line belonged to it; the first line that does not ends the block and must be read again by the
 * caller. Python prints the first-raised exception first, so `exceptions[0]` is the root cause.
 */
export class PythonTraceback {
  readonly exceptions: ExceptionInfo[] = [];
  private frames: StackFrame[] = [];
  private state: 'frames' | 'after-exception' | 'after-marker' = 'frames';
  private blanks = 0;

  push(line: string): PushResult {
    if (this.state === 'frames') return this.pushFrameLine(line);
    if (line.trim() === '') {
      this.blanks += 1;
      return this.blanks > MAX_BLANKS ? 'done' : 'consumed';
    }
    this.blanks = 0;
    if (this.state === 'after-exception') {
      if (CHAIN_MARKERS.includes(line.trim())) {
        this.state = 'after-marker';
        return 'consumed';
      }
      // psycopg2 and friends continue the message on indented lines.
      return /^\s/.test(line) ? 'consumed' : 'done';
    }
    if (line.trim() === TRACEBACK_START) {
      this.state = 'frames';
      this.frames = [];
      return 'consumed';
    }
    return 'done';
  }

  /** The chain so far; a traceback cut off before its exception line still counts, as `Traceback`. */
  finish(): ExceptionInfo[] {
    if (this.state === 'frames' && this.frames.length > 0) this.closeException({ type: 'Traceback', message: 'traceback cut off before its exception line' });
    return this.exceptions;
  }

  private pushFrameLine(line: string): PushResult {
    const frame = FRAME.exec(line);
    if (frame) {
      const parsed: StackFrame = { file: frame[1] as string, line: Number(frame[2]) };
      if (frame[3]) parsed.function = frame[3];
      if (this.frames.length >= MAX_FRAMES) this.frames.splice(0, this.frames.length - MAX_FRAMES + 1);
      this.frames.push(parsed);
      return 'consumed';
    }
    if (/^\s/.test(line) || line === '') {
      const last = this.frames[this.frames.length - 1];
      const code = line.trim();
      if (last && last.code === undefined && code !== '' && !CARETS.test(line) && !code.startsWith('[Previous line repeated')) last.code = code;
      return 'consumed';
    }
    const exception = EXCEPTION.exec(line);
    if (!exception) {
      // Something else interrupted the traceback (another process's line): keep what we have.
      this.closeException({ type: 'Traceback', message: 'traceback cut off before its exception line' });
      return 'done';
    }
    this.closeException({ type: exception[1] as string, message: (exception[2] ?? '').trim() });
    return 'consumed';
  }

  private closeException(head: { type: string; message: string }): void {
    this.exceptions.push({ ...head, frames: this.frames.reverse() });
    this.frames = [];
    this.state = 'after-exception';
  }
}
