import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { needsNoRead, readText } from './read-text.js';

const directories: string[] = [];
afterEach(() => directories.splice(0).forEach((directory) => rmSync(directory, { recursive: true, force: true })));

function write(name: string, text: string): { absolute: string; size: number } {
  const directory = mkdtempSync(join(tmpdir(), 'liveready-read-'));
  directories.push(directory);
  const absolute = join(directory, name);
  writeFileSync(absolute, text);
  return { absolute, size: Buffer.byteLength(text) };
}

// One 60,000-character line: what a generated bundle looks like, and what npm writes with --json.
const ONE_LINE = JSON.stringify({ name: 'shop', lockfileVersion: 3, packages: Object.fromEntries(Array.from({ length: 800 }, (_, index) => [`node_modules/pkg-${index}`, { version: '1.0.0' }])) });

describe('reading a file for its facts', () => {
  it('skips a one-line generated file as minified, but reads a one-line lockfile', () => {
    const bundle = write('vendor.js', ONE_LINE);
    expect(readText(bundle.absolute, 'vendor.js', bundle.size, 1 << 20)).toMatchObject({ skipped: { code: 'minified' } });
    const lockfile = write('package-lock.json', ONE_LINE);
    expect(readText(lockfile.absolute, 'package-lock.json', lockfile.size, 1 << 20)).toMatchObject({ text: ONE_LINE });
  });

  it('reads a lockfile over maxFileSize, up to the lockfile limit, and names the limit that applies', () => {
    const lockfile = write('package-lock.json', ONE_LINE);
    expect(needsNoRead('package-lock.json', lockfile.size, 1024)).toBe(false);
    expect(readText(lockfile.absolute, 'package-lock.json', lockfile.size, 1024)).toMatchObject({ text: ONE_LINE });
    const source = write('app.py', `x = 1\n${'# padding\n'.repeat(500)}`);
    expect(needsNoRead('app.py', source.size, 1024)).toBe(true);
    expect(readText(source.absolute, 'app.py', source.size, 1024)).toMatchObject({ skipped: { code: 'too-large', reason: expect.stringContaining('(maxFileSize)') } });
  });
});
