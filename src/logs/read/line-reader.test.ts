import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { writeTree } from '../../../test/support/temp-tree.js';
import { isGzipFile, readLogLines } from './line-reader.js';

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

function file(content: string | Buffer): string {
  const tree = writeTree({ 'app.log': content });
  cleanups.push(tree.cleanup);
  return join(tree.root, 'app.log');
}

async function lines(path: string, options: { gzip?: boolean; maxLineLength?: number; signal?: AbortSignal } = {}): Promise<{ read: Array<[number, string]>; outcome: Awaited<ReturnType<typeof readLogLines>> }> {
  const read: Array<[number, string]> = [];
  const outcome = await readLogLines(path, (line, number) => read.push([number, line]), { gzip: options.gzip ?? false, ...options });
  return { read, outcome };
}

describe('readLogLines', () => {
  it('numbers lines from 1, keeps the last line without a newline, and keeps CR for the parser to strip', async () => {
    const { read, outcome } = await lines(file('first\r\n\nthird'));
    expect(read).toEqual([[1, 'first\r'], [2, ''], [3, 'third']]);
    expect(outcome).toMatchObject({ lines: 3, truncatedLines: 0, skipped: false });
  });

  it('reads the start of an over-long line, skips its rest, and keeps counting lines after it', async () => {
    const { read, outcome } = await lines(file(`short\n${'x'.repeat(5000)}\nafter\n`), { maxLineLength: 100 });
    expect(read.map(([number, line]) => [number, line.length])).toEqual([[1, 5], [2, 100], [3, 5]]);
    expect(outcome.truncatedLines).toBe(1);
  });

  it('does not split a UTF-8 character that straddles two 1 MB chunks', async () => {
    const padding = 'a'.repeat(1024 * 1024 - 1);
    const { read } = await lines(file(`${padding}é\nnext\n`), { maxLineLength: 2 * 1024 * 1024 });
    expect(read[0]?.[1].endsWith('aé')).toBe(true);
    expect(read[1]).toEqual([2, 'next']);
  });

  it('decompresses gzip, and reads a truncated gzip stream up to the damage', async () => {
    const text = Array.from({ length: 20_000 }, (_, index) => `2024-03-05 10:00:00,000 INFO line ${index} ${randomBytes(8).toString('hex')}`).join('\n');
    const compressed = gzipSync(text);
    expect(await isGzipFile(file(compressed))).toBe(true);
    expect(await isGzipFile(file('plain text'))).toBe(false);
    const whole = await lines(file(compressed), { gzip: true });
    expect(whole.outcome).toMatchObject({ lines: 20_000, skipped: false });
    const cut = await lines(file(compressed.subarray(0, Math.floor(compressed.length / 2))), { gzip: true });
    expect(cut.outcome.problem).toMatch(/^broken gzip stream/);
    expect(cut.outcome.lines).toBeGreaterThan(5000);
    expect(cut.outcome.lines).toBeLessThan(20_000);
    expect(cut.read[0]?.[1]).toMatch(/^2024-03-05 10:00:00,000 INFO line 0 /);
  });

  it('skips a file whose start is binary, with the reason, and reads none of it', async () => {
    const { read, outcome } = await lines(file(Buffer.concat([randomBytes(100_000), Buffer.alloc(1000)])));
    expect(read).toEqual([]);
    expect(outcome).toMatchObject({ skipped: true, lines: 0 });
    expect(outcome.problem).toMatch(/^binary, not a log: \d+% of the first 64 KB is binary data$/);
  });

  it('reads a log whose binary section comes after a text start', async () => {
    const text = Array.from({ length: 2000 }, (_, index) => `INFO line ${index}`).join('\n');
    const { outcome } = await lines(file(Buffer.concat([Buffer.from(`${text}\n`), Buffer.alloc(5000), Buffer.from('\nERROR after\n')])));
    expect(outcome).toMatchObject({ skipped: false, lines: 2002 });
  });

  it('stops when aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const { outcome } = await lines(file('x\n'.repeat(100_000)), { signal: controller.signal });
    expect(outcome.lines).toBeLessThan(100_000);
  });

  it('reads an empty file as an empty log', async () => {
    expect((await lines(file(''))).outcome).toMatchObject({ lines: 0, skipped: false });
  });
});
