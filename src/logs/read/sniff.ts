/** How much of a log's start is looked at to decide whether it is a log at all. */
export const SNIFF_BYTES = 64 * 1024;

const decoder = new TextDecoder('utf-8', { fatal: false });

/**
 * Why the start of a file says it is not a log, or undefined when it reads as text. Judged line by
 * line: a log may hold a binary section (a crash dump, NUL bytes after an unclean shutdown) and is
 * still read, its garbage lines skipped; a file whose start is mostly garbage is not a log.
 */
export function sniffNotALog(head: Buffer): string | undefined {
  if (head.length === 0) return undefined;
  let garbageBytes = 0;
  let hasNul = false;
  for (let start = 0; start < head.length; ) {
    const newline = head.indexOf(10, start);
    const end = newline === -1 ? head.length : newline;
    const line = head.subarray(start, end);
    if (isGarbageLine(line, end === head.length)) {
      garbageBytes += line.length + 1;
      hasNul ||= line.includes(0);
    }
    start = end + 1;
  }
  const share = garbageBytes / head.length;
  if (share <= 0.5) return undefined;
  return `${hasNul ? 'binary' : 'garbage'}, not a log: ${Math.round(share * 100)}% of the first ${kilobytes(head.length)} is ${hasNul ? 'binary data' : 'control bytes or invalid UTF-8'}`;
}

/** True when the bytes start like a gzip stream. */
export function isGzipMagic(head: Buffer): boolean {
  return head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b;
}

function isGarbageLine(line: Buffer, isCut: boolean): boolean {
  if (line.length === 0) return false;
  let bad = 0;
  for (const byte of line) {
    if (byte === 0) return true;
    if (byte < 32 && byte !== 9 && byte !== 13 && byte !== 12 && byte !== 27) bad += 1;
  }
  const text = decoder.decode(isCut ? line.subarray(0, Math.max(0, line.length - 3)) : line);
  for (let index = text.indexOf('\ufffd'); index !== -1; index = text.indexOf('\ufffd', index + 1)) bad += 1;
  return bad > Math.max(2, line.length * 0.05);
}

function kilobytes(bytes: number): string {
  return bytes >= 1024 ? `${Math.round(bytes / 1024)} KB` : `${bytes} bytes`;
}
