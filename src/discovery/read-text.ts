import { createHash } from 'node:crypto';
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import type { SkippedFile } from '../model/skipped-file.js';
import { BINARY_EXTENSIONS } from './default-ignores.js';
import { extensionOf } from './file-kind.js';
import { lockfileFormatOf } from '../model/lockfile-names.js';

/** `hash` is the sha1 of the bytes: the key of the facts cache. */
export type ReadOutcome = { text: string; bytes: number; hash: string } | { skipped: SkippedFile };

const PEEK_BYTES = 64 * 1024;
/**
 * Lockfiles are read whatever `maxFileSize` says, up to this: a 5 MB package-lock.json is common,
 * and every version in it is what the dependency advisories are matched against.
 */
const LOCKFILE_MAX_BYTES = 64 * 1024 * 1024;
const decoder = new TextDecoder('utf-8', { fatal: true });

/** True when readText decides from the name and size alone (binary extension, bundle name, over the limit). */
export function needsNoRead(path: string, size: number, maxBytes: number): boolean {
  return BINARY_EXTENSIONS.has(extensionOf(path)) || /\.min\.(js|mjs|cjs|css)$/.test(path) || /[.-]bundle\.m?js$/.test(path) || size > limitFor(lockfileFormatOf(path) !== undefined, maxBytes);
}

/** The size limit of one file: `maxFileSize`, or the lockfile limit for lockfiles. */
function limitFor(isLockfile: boolean, maxBytes: number): number {
  return isLockfile ? Math.max(maxBytes, LOCKFILE_MAX_BYTES) : maxBytes;
}

/**
 * Reads a file as UTF-8 text, or says why not: binary, over the size limit, a minified bundle,
 * invalid UTF-8. Never throws.
 */
export function readText(absolutePath: string, path: string, size: number, configuredMaxBytes: number): ReadOutcome {
  const isLockfile = lockfileFormatOf(path) !== undefined;
  const maxBytes = limitFor(isLockfile, configuredMaxBytes);
  if (BINARY_EXTENSIONS.has(extensionOf(path))) return skip(path, 'binary', 'binary file (by extension)');
  if (/\.min\.(js|mjs|cjs|css)$/.test(path) || /[.-]bundle\.m?js$/.test(path)) {
    return skip(path, 'minified', 'minified bundle (by name)');
  }
  try {
    if (size > maxBytes) return classifyLarge(absolutePath, path, size, maxBytes, isLockfile);
    const buffer = readFileSync(absolutePath);
    return classify(buffer, path, isLockfile);
  } catch (error) {
    return skip(path, 'unreadable', `cannot read: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

/** Lockfiles are generated, but data the audit needs: never skipped as minified. */
function classify(buffer: Buffer, path: string, isLockfile: boolean): ReadOutcome {
  if (buffer.subarray(0, 8000).includes(0)) return skip(path, 'binary', 'binary file (NUL bytes)');
  let text: string;
  try {
    text = decoder.decode(buffer);
  } catch {
    return skip(path, 'invalid-utf8', `invalid UTF-8 at byte ${firstInvalidUtf8Byte(buffer)}`);
  }
  if (!isLockfile && isMinified(text)) return skip(path, 'minified', 'minified or generated code (very long lines)');
  return { text, bytes: buffer.length, hash: createHash('sha1').update(buffer).digest('hex') };
}

/** Peeks at the start of an over-size file so the reason names what it is. */
function classifyLarge(absolutePath: string, path: string, size: number, maxBytes: number, isLockfile: boolean): ReadOutcome {
  const head = Buffer.alloc(Math.min(PEEK_BYTES, size));
  const fd = openSync(absolutePath, 'r');
  try {
    readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  const megabytes = `${(size / 1024 / 1024).toFixed(1)} MB`;
  if (head.subarray(0, 8000).includes(0)) return skip(path, 'binary', `binary file (NUL bytes), ${megabytes}`);
  if (!head.includes(10)) {
    return skip(path, 'minified', `minified or generated bundle: ${megabytes} with no line break in the first 64 KB`);
  }
  const limitName = isLockfile ? 'the limit for lockfiles' : 'maxFileSize';
  return skip(path, 'too-large', `${megabytes} is over the ${formatLimit(maxBytes)} size limit (${limitName})`);
}

/** Long lines on average, or one enormous line, mark generated code nobody should audit by hand. */
function isMinified(text: string): boolean {
  if (text.length < 20_000) return false;
  let lines = 1;
  let longest = 0;
  let lineStart = 0;
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) {
    lines += 1;
    longest = Math.max(longest, index - lineStart);
    lineStart = index + 1;
  }
  longest = Math.max(longest, text.length - lineStart);
  return text.length / lines > 500 || longest > 20_000;
}

/** Offset of the first byte that breaks UTF-8 (only called once the decoder has refused the file). */
function firstInvalidUtf8Byte(buffer: Buffer): number {
  let index = 0;
  while (index < buffer.length) {
    const byte = buffer[index] as number;
    const continuation = byte < 0x80 ? 0 : byte >= 0xc2 && byte <= 0xdf ? 1 : byte >= 0xe0 && byte <= 0xef ? 2 : byte >= 0xf0 && byte <= 0xf4 ? 3 : -1;
    if (continuation === -1) return index;
    for (let next = 1; next <= continuation; next += 1) {
      const value = buffer[index + next];
      if (value === undefined || (value & 0xc0) !== 0x80) return index;
    }
    index += continuation + 1;
  }
  return buffer.length;
}

function formatLimit(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(bytes % (1024 * 1024) === 0 ? 0 : 1)} MB` : `${Math.round(bytes / 1024)} KB`;
}

function skip(file: string, code: SkippedFile['code'], reason: string): { skipped: SkippedFile } {
  return { skipped: { file, code, reason } };
}
