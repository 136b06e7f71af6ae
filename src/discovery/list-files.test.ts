import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeTree } from '../../test/support/temp-tree.js';
import { kindFromName, kindFromShebang } from './file-kind.js';
import { listFiles } from './list-files.js';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

function tree(files: Record<string, string>): string {
  const made = writeTree(files);
  cleanup = made.cleanup;
  return made.root;
}

describe('listFiles without git', () => {
  it('honours nested .gitignore files and the default ignores', () => {
    const root = tree({
      'app.py': '',
      '.gitignore': '*.log\nsecrets/\n',
      'api/.gitignore': 'generated.ts\n',
      'api/server.ts': '',
      'api/generated.ts': '',
      'logs/app.log': '',
      'secrets/key.pem': '',
      'node_modules/left-pad/index.js': '',
      '.venv/lib/site.py': '',
      'env/pyvenv.cfg': '',
      'env/lib/site.py': '',
      'dist/bundle.js': '',
      'pkg.egg-info/PKG-INFO': '',
    });
    const listing = listFiles(root);
    expect(listing.source).toBe('walk');
    expect(listing.files.map((file) => file.path)).toEqual(['.gitignore', 'api/.gitignore', 'api/server.ts', 'app.py']);
    expect(listing.files.every((file) => file.tracked === undefined)).toBe(true);
  });

  it('leaves out configured paths', () => {
    const root = tree({ 'app.py': '', 'legacy/old.py': '' });
    expect(listFiles(root, { isIgnoredPath: (path) => path === 'legacy' || path.startsWith('legacy/') }).files.map((file) => file.path)).toEqual(['app.py']);
  });
});

describe('listFiles in a git work tree', () => {
  it('lists tracked and untracked-not-ignored files, and knows which are tracked', () => {
    const root = tree({ 'app.py': '', '.gitignore': '.env\n', '.env': 'A=1', 'notes.txt': '' });
    execFileSync('git', ['init', '-q'], { cwd: root });
    execFileSync('git', ['add', 'app.py', '.gitignore'], { cwd: root });
    // Committed despite .gitignore: what gets deployed, so it must be listed.
    execFileSync('git', ['add', '--force', '.env'], { cwd: root });
    mkdirSync(join(root, 'build'));
    writeFileSync(join(root, 'build', 'out.js'), '');
    const listing = listFiles(root);
    expect(listing.source).toBe('git');
    expect(listing.files.map((file) => [file.path, file.tracked])).toEqual([
      ['.env', true],
      ['.gitignore', true],
      ['app.py', true],
      ['notes.txt', false],
    ]);
  });
});

describe('file kinds', () => {
  it.each([
    ['app/main.py', 'python'],
    ['web/src/App.tsx', 'typescript'],
    ['server.mjs', 'javascript'],
    ['package.json', 'package-json'],
    ['.env.production', 'dotenv'],
    ['Dockerfile.prod', 'dockerfile'],
    ['requirements-dev.txt', 'requirements'],
    ['Procfile', 'procfile'],
    ['.replit', 'replit'],
    ['deploy/app.service', 'systemd'],
    ['supervisord.conf', 'ini'],
    ['logs/app.log.1', 'log'],
    ['bin/run', 'other'],
  ])('%s is %s', (path, kind) => {
    expect(kindFromName(path)).toBe(kind);
  });

  it.each([
    ['#!/usr/bin/env python3', 'python'],
    ['#!/bin/bash', 'shell'],
    ['#!/usr/bin/env node', 'javascript'],
    ['#!/usr/bin/env -S npx tsx', 'typescript'],
    ['print("no shebang")', undefined],
  ])('shebang %s', (line, kind) => {
    expect(kindFromShebang(line)).toBe(kind);
  });
});
