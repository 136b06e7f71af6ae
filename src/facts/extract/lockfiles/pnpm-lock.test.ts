import { describe, expect, it } from 'vitest';
import { readLockfileFixture, summarizeLocked } from '../../../../test/support/lockfile-fixtures.js';
import { parsePnpmLock } from './pnpm-lock.js';

describe('parsePnpmLock', () => {
  it('reads lockfileVersion 5.4 keys (`/name/1.2.3_peer`), dev flags and the root dependencies as direct', () => {
    const parsed = parsePnpmLock(readLockfileFixture('pnpm-v5/pnpm-lock.yaml'));
    expect(parsed.problems).toEqual([]);
    expect(summarizeLocked(parsed.packages)).toEqual([
      '@acme/pg-fork@8.7.3:19 direct',
      'express@4.17.1:24 direct',
      'qs@6.7.0:31',
      'react-dom@17.0.2:36 direct',
      'react@17.0.2:44',
      'vitest@0.34.6:49 direct dev',
    ]);
  });

  it('reads lockfileVersion 6 keys (`/name@1.2.3(peer)`) with importers; links are not packages', () => {
    const parsed = parsePnpmLock(readLockfileFixture('pnpm-v6/pnpm-lock.yaml'));
    expect(parsed.problems).toEqual([]);
    expect(summarizeLocked(parsed.packages)).toEqual([
      'next@13.5.4:29 direct',
      'postcss@8.4.14:42',
      'react-dom@18.2.0:47',
      'react@18.2.0:55 direct',
      'typescript@5.2.2:60 direct dev',
    ]);
  });

  it('reads lockfileVersion 9: packages once (not again from snapshots), dev from what only devDependencies reach, aliases by their real name', () => {
    const parsed = parsePnpmLock(readLockfileFixture('pnpm-v9/pnpm-lock.yaml'));
    expect(parsed.problems).toEqual([]);
    expect(summarizeLocked(parsed.packages)).toEqual([
      '@acme/pg-fork@8.7.3:27 direct',
      '@fastify/cors@9.0.1:31 direct',
      '@types/node@20.11.30:34 dev',
      'fastify@4.26.2:37 direct',
      // Reached from fastify (production) as well as from vitest: not dev.
      'semver@7.6.0:40',
      'vitest@1.4.0:45 direct dev',
    ]);
  });

  it('reports a file cut short, tabs, broken keys and unterminated quotes; keeps what it read', () => {
    const full = readLockfileFixture('pnpm-v9/pnpm-lock.yaml');
    const cut = parsePnpmLock(full.slice(0, full.indexOf('    resolution: {integrity: sha512-90pj')));
    expect(cut.problems).toEqual([{ message: 'fastify@4.26.2 has no resolution (the file may be cut short)', line: 37 }]);
    expect(cut.packages.map((locked) => locked.name)).toEqual(['@acme/pg-fork', '@fastify/cors', '@types/node', 'fastify']);
    expect(parsePnpmLock("packages:\n  '/express@4.18.2:\n\tresolution: x\n  just text\n").problems).toEqual([
      { message: "not a YAML key: '/express@4.18.2:", line: 2 },
      { message: 'tab indentation', line: 3 },
      { message: 'not a YAML key: just text', line: 4 },
      { message: 'no lockfileVersion: not a pnpm lockfile, or cut short', line: 1 },
    ]);
    for (const noise of ['', ':', "'", 'a:\n      b: c\n  d:', '\u0000']) expect(() => parsePnpmLock(noise)).not.toThrow();
  });

  it('reads a generated 30,000-entry v9 lockfile with every line right', () => {
    const entries = Array.from({ length: 30_000 }, (_, index) => `  '@scope/package-${index}@1.${index % 10}.${index}':\n    resolution: {integrity: sha512-${'A'.repeat(86)}==}\n`);
    const snapshots = Array.from({ length: 30_000 }, (_, index) => `  '@scope/package-${index}@1.${index % 10}.${index}':\n    dependencies:\n      debug: 4.3.4\n`);
    const text = `lockfileVersion: '9.0'\n\npackages:\n\n${entries.join('\n')}\nsnapshots:\n\n${snapshots.join('\n')}`;
    const parsed = parsePnpmLock(text);
    expect(parsed.problems).toEqual([]);
    expect(parsed.packages).toHaveLength(30_000);
    expect(summarizeLocked([parsed.packages[0], parsed.packages[29_999]].flatMap((locked) => (locked ? [locked] : [])))).toEqual([
      '@scope/package-0@1.0.0:5',
      `@scope/package-29999@1.9.29999:${5 + 29_999 * 3}`,
    ]);
  });
});
