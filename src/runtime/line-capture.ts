import type { CapturedLine } from '../facts/evidence/evidence.js';

const MAX_LINE_CHARS = 4000;

/**
 * Collects what processes write, line by line, with a timestamp on every line. Bounded: lines are
 * cut at 4,000 characters and only the first `maxLines` are kept (the rest are counted), so an app
 * that floods its output cannot exhaust liveready's memory.
 */
export class LineCapture {
  readonly lines: CapturedLine[] = [];
  dropped = 0;

  constructor(
    private readonly startedAt: number,
    private readonly maxLines = 20_000,
  ) {}

  /** A writer for one stream of one process; `onLine` sees every line, kept or not. */
  writer(process: string, stream: 'stdout' | 'stderr', onLine?: (line: CapturedLine) => void): LineSplitter {
    return new LineSplitter((text) => {
      const line: CapturedLine = { process, stream, timeMs: Date.now() - this.startedAt, text };
      if (this.lines.length < this.maxLines) this.lines.push(line);
      else this.dropped += 1;
      onLine?.(line);
    });
  }

  /** Kept lines of one process, in order. */
  linesOf(process: string, fromMs = 0): CapturedLine[] {
    return this.lines.filter((line) => line.process === process && line.timeMs >= fromMs);
  }
}

/** Splits a byte stream into lines without holding more than one (cut) line in memory. */
export class LineSplitter {
  private pending = '';
  private readonly decoder = new TextDecoder('utf-8');

  constructor(private readonly emit: (text: string) => void) {}

  write(chunk: Buffer): void {
    const text = this.pending + this.decoder.decode(chunk, { stream: true });
    const parts = text.split(/\r?\n/);
    this.pending = parts.pop() ?? '';
    for (const part of parts) this.emit(cut(part));
    // A line with no newline in sight: emit it in pieces rather than grow without bound.
    if (this.pending.length > MAX_LINE_CHARS * 4) {
      this.emit(cut(this.pending));
      this.pending = '';
    }
  }

  end(): void {
    const rest = this.pending + this.decoder.decode();
    this.pending = '';
    if (rest.length > 0) this.emit(cut(rest));
  }
}

function cut(text: string): string {
  const clean = text.replace(/\r$/, '');
  return clean.length > MAX_LINE_CHARS ? `${clean.slice(0, MAX_LINE_CHARS)}… (${clean.length - MAX_LINE_CHARS} more characters)` : clean;
}
