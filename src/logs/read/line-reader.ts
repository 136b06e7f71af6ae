import { createReadStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip } from 'node:zlib';
import type { Readable } from 'node:stream';
import { SNIFF_BYTES, isGzipMagic, sniffNotALog } from './sniff.js';

export interface ReadOutcome {
  /** Bytes read from the file (compressed bytes for gzip). */
  bytes: number;
  lines: number;
  /** Lines longer than the limit: their start is read, the rest skipped. */
  truncatedLines: number;
  /** Set when the file was not read (not a log) or only partly (a broken gzip stream). */
  problem?: string;
  /** True when nothing was read because the start is not a log. */
  skipped: boolean;
}

export interface ReadOptions {
  gzip: boolean;
  maxLineLength?: number;
  signal?: AbortSignal;
}

const DEFAULT_MAX_LINE = 64 * 1024;

/**
 * Streams a log file line by line (gzip-rotated files decompressed on the fly) with memory bounded
 * by the chunk size and the line limit: a 1 GB log is never held in memory, and a 1 GB "line"
 * with no newline is read as its first 64 KB. The first 64 KB decide whether it is a log at all.
 */
export async function readLogLines(path: string, onLine: (line: string, lineNumber: number) => void, options: ReadOptions): Promise<ReadOutcome> {
  const source = createReadStream(path, { highWaterMark: 1024 * 1024 });
  let bytes = 0;
  source.on('data', (chunk: Buffer | string) => {
    bytes += chunk.length;
  });
  const stream: Readable = options.gzip ? gunzipped(source) : source;
  const splitter = new LineSplitter(onLine, options.maxLineLength ?? DEFAULT_MAX_LINE);
  const head = new HeadBuffer(splitter);
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (options.signal?.aborted) break;
      const reason = head.write(chunk);
      if (reason) return { bytes, lines: 0, truncatedLines: 0, problem: reason, skipped: true };
    }
  } catch (error) {
    // A broken gzip stream: what came before the damage is still read.
    const notALog = head.flush();
    if (notALog === undefined) splitter.end();
    return { bytes, lines: splitter.lines, truncatedLines: splitter.truncated, problem: describeReadError(error, options.gzip), skipped: splitter.lines === 0 };
  } finally {
    source.destroy();
  }
  const reason = head.flush();
  if (reason) return { bytes, lines: 0, truncatedLines: 0, problem: reason, skipped: true };
  splitter.end();
  return { bytes, lines: splitter.lines, truncatedLines: splitter.truncated, skipped: false };
}

/** Holds the first 64 KB until it is known to be a log, then passes everything on to the splitter. */
class HeadBuffer {
  private chunks: Buffer[] | undefined = [];
  private size = 0;

  constructor(private readonly splitter: LineSplitter) {}

  /** Passes a chunk on; returns why the file is not a log once the head is complete and says so. */
  write(chunk: Buffer): string | undefined {
    if (!this.chunks) {
      this.splitter.write(chunk);
      return undefined;
    }
    this.chunks.push(chunk);
    this.size += chunk.length;
    return this.size >= SNIFF_BYTES ? this.flush() : undefined;
  }

  /** Judges and releases what is held (at the end of a short file); undefined when it is a log. */
  flush(): string | undefined {
    if (!this.chunks) return undefined;
    const held = this.chunks;
    this.chunks = undefined;
    const reason = sniffNotALog(Buffer.concat(held).subarray(0, SNIFF_BYTES));
    if (reason) return reason;
    for (const part of held) this.splitter.write(part);
    return undefined;
  }
}

/** Reads the first bytes of a file (to tell gzip from text by content, not by name). */
export async function isGzipFile(path: string): Promise<boolean> {
  const stream = createReadStream(path, { start: 0, end: 1 });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) return isGzipMagic(chunk);
    return false;
  } catch {
    return false;
  } finally {
    stream.destroy();
  }
}

function gunzipped(source: Readable): Readable {
  const gunzip = createGunzip();
  source.on('error', (error) => gunzip.destroy(error));
  return source.pipe(gunzip);
}

function describeReadError(error: unknown, gzip: boolean): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (gzip && (code === 'Z_DATA_ERROR' || code === 'Z_BUF_ERROR' || /unexpected end|incorrect header/i.test(String(error)))) {
    return `broken gzip stream (${code ?? 'truncated'}): read up to the damage`;
  }
  return `cannot read: ${code ?? String(error)}`;
}

/** Splits decoded text into lines; an over-long line is cut at the limit and the rest skipped. */
class LineSplitter {
  lines = 0;
  truncated = 0;
  private readonly decoder = new StringDecoder('utf8');
  private carry = '';
  private skipping = false;

  constructor(
    private readonly onLine: (line: string, lineNumber: number) => void,
    private readonly maxLength: number,
  ) {}

  write(chunk: Buffer): void {
    const text = this.decoder.write(chunk);
    let start = 0;
    for (let newline = text.indexOf('\n'); newline !== -1; newline = text.indexOf('\n', start)) {
      if (this.skipping) this.skipping = false;
      else this.emit(this.carry.length > 0 ? this.carry + text.slice(start, newline) : text.slice(start, newline));
      this.carry = '';
      this.lines += 1;
      start = newline + 1;
    }
    if (this.skipping || start >= text.length) return;
    this.carry += text.slice(start);
    if (this.carry.length > this.maxLength) {
      this.emit(this.carry);
      this.carry = '';
      this.skipping = true;
    }
  }

  end(): void {
    const rest = this.carry + this.decoder.end();
    this.carry = '';
    if (rest.length > 0 && !this.skipping) {
      this.emit(rest);
      this.lines += 1;
    }
  }

  private emit(line: string): void {
    if (line.length > this.maxLength) {
      this.truncated += 1;
      this.onLine(line.slice(0, this.maxLength), this.lines + 1);
      return;
    }
    this.onLine(line, this.lines + 1);
  }
}
