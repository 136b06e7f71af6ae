import { describe, expect, it } from 'vitest';
import { readLockfileFixture, summarizeLocked as summary } from '../../../../test/support/lockfile-fixtures.js';
import type { LockedPackage } from '../../manifest-types.js';
import { parsePackageLock } from './package-lock.js';

describe('parsePackageLock', () => {
  it('reads lockfileVersion 3 packages with their key lines, direct and dev flags; skips the root, links and git sources', () => {
    const parsed = parsePackageLock(readLockfileFixture('npm-v3/package-lock.json'));
    expect(parsed.problems).toEqual([]);
    expect(summary(parsed.packages)).toEqual([
      '@types/express@4.17.13:24 direct dev',
      'body-parser@1.19.0:30',
      'express@4.17.1:39 direct',
      'qs@6.7.0:51',
      'fsevents@2.3.2:59 direct',
      'lodash@4.17.20:72 direct',
      'nodemon@2.0.15:77 direct dev',
      // An alias (`"pg": "npm:@acme/pg-fork@^8.7.0"`): the real package's name, declared under the alias.
      '@acme/pg-fork@8.7.3:87 direct',
    ]);
    expect(parsed.packages.every((locked) => locked.ecosystem === 'npm')).toBe(true);
  });

  it('reads lockfileVersion 2 from `packages` only (its v1 `dependencies` copy is not counted twice)', () => {
    const parsed = parsePackageLock(readLockfileFixture('npm-v2/package-lock.json'));
    expect(summary(parsed.packages)).toEqual(['axios@0.21.0:17 direct', 'follow-redirects@1.13.0:25', 'jest@27.0.6:33 direct dev']);
  });

  it('reads lockfileVersion 1 nested dependencies, aliases by their real name, and skips git versions', () => {
    const parsed = parsePackageLock(readLockfileFixture('npm-v1/npm-shrinkwrap.json'));
    expect(parsed.problems).toEqual([]);
    expect(summary(parsed.packages)).toEqual(['async@2.6.1:7', 'lodash@4.17.11:15', 'mocha@5.2.0:20 dev', 'debug@3.1.0:30 dev', 'minimist@0.0.8:39 dev', 'request@2.88.0:47']);
    // v1 does not say which packages the project declares.
    expect(parsed.packages.some((locked) => locked.isDirect !== undefined)).toBe(false);
  });

  it('marks workspace dependencies direct where they are installed, hoisted or nested', () => {
    const parsed = parsePackageLock(readLockfileFixture('npm-workspaces/package-lock.json'));
    expect(summary(parsed.packages)).toEqual([
      'fastify@4.26.2:19 direct',
      // The workspace has its own semver below; the hoisted one is some dev tool's.
      'semver@7.6.0:24 dev',
      'typescript@5.4.5:30 direct dev',
      'semver@7.5.2:43 direct',
    ]);
  });

  it('turns invalid JSON and wrong shapes into problems, never an exception', () => {
    const full = readLockfileFixture('npm-v3/package-lock.json');
    const cut = parsePackageLock(full.slice(0, Math.floor(full.length / 2)));
    expect(cut.packages).toEqual([]);
    expect(cut.problems[0]?.message).toMatch(/^JSON syntax error/);
    expect(cut.problems[0]?.line).toBeGreaterThan(40);
    // Every open object is unclosed at the cut: reported once, not once per level.
    expect(parsePackageLock('{"lockfileVersion": 3, "packages": {').problems).toEqual([{ message: 'JSON syntax error: close brace expected', line: 1, column: 37 }]);
    expect(parsePackageLock('[1, 2]').problems).toEqual([{ message: 'the lockfile is not a JSON object', line: 1 }]);
    expect(parsePackageLock('{"lockfileVersion": 3, "packages": []}').problems).toEqual([{ message: '`packages` is not an object', line: 1 }]);
    expect(parsePackageLock('{"lockfileVersion": 1, "dependencies": "none"}').problems).toEqual([{ message: '`dependencies` is not an object', line: 1 }]);
    expect(parsePackageLock('{"name": "x"}').problems).toEqual([{ message: 'unknown lockfileVersion undefined', line: 1 }]);
    expect(parsePackageLock('{"lockfileVersion": 3, "packages": {"node_modules/a": 5, "node_modules/b": {"version": 7}, "node_modules/c": {"version": "^1.0.0"}}}')).toEqual({ packages: [], problems: [] });
    expect(parsePackageLock('{"lockfileVersion": 3, "packages": {}}')).toEqual({ packages: [], problems: [] });
  });

  it('reads deep v1 nesting without recursion, up to a bound it reports', () => {
    const deep = `{"lockfileVersion": 1, "dependencies": ${'{"ms": {"version": "2.0.0", "dependencies": '.repeat(5_000)}{}${'}}'.repeat(5_000)}}`;
    const parsed = parsePackageLock(deep);
    expect(parsed.packages).toHaveLength(100);
    expect(parsed.problems).toEqual([{ message: 'dependencies nested more than 100 levels deep; the deeper ones are not read', line: 1 }]);
  });

  it('reads a generated 30,000-entry lockfile with every line right', () => {
    const entries = Array.from({ length: 30_000 }, (_, index) => {
      const key = index % 3 === 0 ? `node_modules/@scope-${index % 50}/package-${index}` : `node_modules/parent-${index % 97}/node_modules/package-${index}`;
      return `    "${key}": {\n      "version": "${index % 7}.${index % 13}.${index}",\n      "resolved": "https://registry.npmjs.org/package-${index}/-/package-${index}.tgz",\n      "integrity": "sha512-${'A'.repeat(86)}==",\n      "dev": ${index % 2 === 0}\n    }`;
    });
    const text = `{\n  "name": "big-app",\n  "lockfileVersion": 3,\n  "requires": true,\n  "packages": {\n    "": {\n      "name": "big-app"\n    },\n${entries.join(',\n')}\n  }\n}\n`;
    const parsed = parsePackageLock(text);
    expect(parsed.packages).toHaveLength(30_000);
    const lines = text.split('\n');
    for (const index of [0, 1, 2, 12_345, 29_999]) {
      const locked = parsed.packages[index] as LockedPackage;
      expect(locked.name).toMatch(new RegExp(`package-${index}$`));
      expect(locked.version).toBe(`${index % 7}.${index % 13}.${index}`);
      expect(locked.line).toBe(9 + index * 6);
      expect(lines[locked.line - 1]).toContain(`/package-${index}": {`);
      expect(locked.isDev).toBe(index % 2 === 0 ? true : undefined);
    }
  });
});
