import { type EventOrigin, type ExceptionInfo, type LogEvent, MAX_EVENT_LINES, clipLine } from '../event.js';
import { type Candidate, type Classified } from './classify-line.js';
import { findEmbeddedError } from './error-line.js';
import { isFailureLevel } from './level.js';
import { NodeStack, isNodeFrameLine } from './node-stack.js';
import { PythonTraceback, TRACEBACK_START, isPythonFrameLine } from './python-traceback.js';

interface Block {
  builder: PythonTraceback | NodeStack;
  /** The log line that introduced the trace (`ERROR app: charge failed`), if any. */
  head?: Candidate;
  line: number;
  time?: number;
  text: string[];
}

/**
 * The state of one process's output: the traceback or stack being read, and the last line that
 * might be continued by one. One error line and the trace under it are one event, not two.
 */
export class StreamReader {
  private previous: Candidate | undefined;
  private block: Block | undefined;

  constructor(
    private readonly emit: (event: LogEvent) => void,
    private readonly origin?: EventOrigin,
  ) {}

  /** Reads one line; `classify` is called only when no trace is being read. */
  push(text: string, lineNumber: number, time: number | undefined, classify: () => Classified): Classified | undefined {
    if (this.block) {
      if (this.block.builder.push(text) === 'consumed') {
        if (this.block.text.length < MAX_EVENT_LINES) this.block.text.push(clipLine(text));
        return undefined;
      }
      this.emitBlock();
    }
    if (text.trim() === TRACEBACK_START) {
      this.startBlock(new PythonTraceback(), this.headForTraceback(), lineNumber, time, text);
      return undefined;
    }
    if (isPythonFrameLine(text)) {
      // A SyntaxError from `python app.py` has frames but no "Traceback" line.
      this.startBlock(new PythonTraceback(), this.headForTraceback(), lineNumber, time, undefined).builder.push(text);
      (this.block as Block).text.push(clipLine(text));
      return undefined;
    }
    if (isNodeFrameLine(text) && this.previous) {
      const head = this.previous;
      this.previous = undefined;
      const block = this.startBlock(new NodeStack(head.errorLine ?? findEmbeddedError(head.message) ?? { type: 'Error', message: head.message }), head, head.line, head.time, undefined);
      block.builder.push(text);
      block.text.push(clipLine(text));
      return undefined;
    }
    if (this.previous?.errorLine && (text === 'Require stack:' || text.startsWith('- '))) {
      if (this.previous.text.length < MAX_EVENT_LINES) this.previous.text.push(clipLine(text));
      return undefined;
    }
    this.flushPrevious();
    const classified = classify();
    if (classified.cls.kind === 'candidate') this.previous = classified.cls.candidate;
    else if (classified.cls.kind === 'event') this.emit(withOrigin(classified.cls.event, this.origin));
    return classified;
  }

  /** Ends whatever is open (end of input, or another stream taking over). */
  end(): void {
    if (this.block) this.emitBlock();
    this.flushPrevious();
  }

  private startBlock(builder: PythonTraceback | NodeStack, head: Candidate | undefined, lineNumber: number, time: number | undefined, text: string | undefined): Block {
    const block: Block = { builder, line: head?.line ?? lineNumber, text: head ? [...head.text] : [] };
    if (text !== undefined) block.text.push(clipLine(text));
    if (head) block.head = head;
    const at = head?.time ?? time;
    if (at !== undefined) block.time = at;
    this.block = block;
    return block;
  }

  /**
   * The log line a traceback belongs to: `logger.exception(...)` writes an error line and then the
   * trace, `logger.warning(..., exc_info=True)` a handled one. After an info or debug line the trace
   * is an uncaught exception of its own (the excepthook writes to the same stream); that line is let go.
   */
  private headForTraceback(): Candidate | undefined {
    const previous = this.takePrevious();
    if (previous && (isFailureLevel(previous.level) || previous.isWarning)) return previous;
    return undefined;
  }

  private takePrevious(): Candidate | undefined {
    const previous = this.previous;
    this.previous = undefined;
    return previous;
  }

  private flushPrevious(): void {
    const candidate = this.takePrevious();
    if (!candidate || !isFailureLevel(candidate.level)) return;
    const exceptions: ExceptionInfo[] = candidate.errorLine ? [{ ...candidate.errorLine, frames: [] }] : [];
    this.emit(withOrigin(eventFrom(candidate, candidate.message, exceptions, candidate.text), candidate.origin ?? this.origin));
  }

  private emitBlock(): void {
    const block = this.block as Block;
    this.block = undefined;
    const level = block.head?.level ?? 'error';
    if (!isFailureLevel(level)) return;
    const exceptions = block.builder.finish();
    const surfaced = exceptions[exceptions.length - 1];
    const message = block.head?.message || (surfaced ? `${surfaced.type}: ${surfaced.message}` : 'stack trace');
    const head: Candidate = block.head ?? { level, line: block.line, message, text: [] };
    const event = eventFrom({ ...head, level, ...(block.time !== undefined ? { time: block.time } : {}) }, message, exceptions, block.text);
    this.emit(withOrigin(event, head.origin ?? this.origin));
  }
}

function eventFrom(candidate: Candidate, message: string, exceptions: ExceptionInfo[], text: string[]): LogEvent {
  const event: LogEvent = { level: isFailureLevel(candidate.level) ? candidate.level : 'error', message, exceptions, line: candidate.line, text };
  if (candidate.time !== undefined) event.time = candidate.time;
  return event;
}

function withOrigin(event: LogEvent, origin: EventOrigin | undefined): LogEvent {
  if (!event.origin && origin) event.origin = origin;
  return event;
}
