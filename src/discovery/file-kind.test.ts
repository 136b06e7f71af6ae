import { describe, expect, it } from 'vitest';
import { kindFromName } from './file-kind.js';

describe('kindFromName', () => {
  it('gives lockfiles their own kind, by exact file name anywhere in the tree', () => {
    const names = ['package-lock.json', 'web/npm-shrinkwrap.json', 'yarn.lock', 'apps/admin/pnpm-lock.yaml', 'poetry.lock', 'svc/uv.lock', 'Pipfile.lock'];
    expect(names.map(kindFromName)).toEqual(Array(names.length).fill('lockfile'));
    // Near misses keep their ordinary kinds.
    expect(['package.json', 'old-package-lock.json', 'pnpm-lock.yml', 'Pipfile', 'composer.lock'].map(kindFromName)).toEqual(['package-json', 'json', 'yaml', 'toml', 'other']);
  });

  it('never takes a name or extension for an Object.prototype member', () => {
    expect(['bin/constructor', 'toString', 'notes.constructor', 'a.__proto__', 'hasOwnProperty'].map(kindFromName)).toEqual(['other', 'other', 'other', 'other', 'other']);
  });
});
