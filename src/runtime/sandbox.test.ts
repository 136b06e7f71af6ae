import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { hashTree, listTree } from '../../test/support/runtime-audit.js';
import { writeTree } from '../../test/support/temp-tree.js';
import { createSandbox } from './sandbox.js';

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

describe('createSandbox', () => {
  it('copies what a deploy ships (committed build output included), not installed dependencies or ignored files, and leaves the tree as it was', () => {
    const tree = writeTree({
      '.gitignore': '.env.local\n',
      '.env.local': 'STRIPE_SECRET_KEY=sk_live_local\n',
      'package.json': '{ "scripts": { "start": "node dist/server.js" } }\n',
      'dist/server.js': "require('node:http').createServer().listen(process.env.PORT);\n",
      'src/server.ts': 'export {};\n',
      'node_modules/express/index.js': 'module.exports = {};\n',
      'notes/todo.md': 'untracked but not ignored\n',
    });
    cleanups.push(tree.cleanup);
    execFileSync('git', ['-c', 'init.defaultBranch=main', 'init', '-q'], { cwd: tree.root });
    execFileSync('git', ['add', '-f', '.gitignore', 'package.json', 'dist/server.js', 'src/server.ts'], { cwd: tree.root });
    const before = hashTree(tree.root);
    const sandbox = createSandbox(tree.root);
    try {
      expect(listTree(sandbox.appDir)).toEqual(['.gitignore', 'dist/server.js', 'notes/todo.md', 'package.json', 'src/server.ts']);
      expect(existsSync(sandbox.homeDir) && existsSync(sandbox.tmpDir) && existsSync(sandbox.binDir)).toBe(true);
    } finally {
      sandbox.remove();
    }
    expect(existsSync(sandbox.dir)).toBe(false);
    expect(hashTree(tree.root)).toBe(before);
  });

  it('outside git, copies the whole tree but installed dependencies', () => {
    const tree = writeTree({ 'app.py': 'print(1)\n', 'build/static/app.css': 'body{}\n', '.venv/pyvenv.cfg': 'home = /usr/bin\n', '__pycache__/app.cpython-311.pyc': 'x' });
    cleanups.push(tree.cleanup);
    const sandbox = createSandbox(tree.root);
    try {
      expect(listTree(sandbox.appDir)).toEqual(['app.py', 'build/static/app.css']);
    } finally {
      sandbox.remove();
    }
  });
});
