import { describe, expect, it } from 'vitest';
import { readLockfileFixture, summarizeLocked } from '../../../../test/support/lockfile-fixtures.js';
import { parseYarnLock } from './yarn-lock.js';

describe('parseYarnLock', () => {
  it('reads classic v1 entries at their header lines; aliases by their real name; skips git and file sources', () => {
    const parsed = parseYarnLock(readLockfileFixture('yarn-v1/yarn.lock'));
    expect(parsed.problems).toEqual([]);
    expect(summarizeLocked(parsed.packages)).toEqual([
      '@babel/code-frame@7.12.13:5',
      'axios@0.21.0:12',
      'follow-redirects@1.13.0:19',
      'lodash@4.17.20:24',
      '@acme/pg-fork@8.7.3:29',
    ]);
    // v1 does not say which packages the project declares.
    expect(parsed.packages.some((locked) => locked.isDirect !== undefined)).toBe(false);
  });

  it('reads berry entries by their resolution; skips workspace and patch entries; the workspace dependencies are direct', () => {
    const parsed = parseYarnLock(readLockfileFixture('yarn-berry/yarn.lock'));
    expect(parsed.problems).toEqual([]);
    expect(summarizeLocked(parsed.packages)).toEqual([
      '@types/node@20.11.30:8 direct',
      'express@4.18.2:17 direct',
      '@acme/pg-fork@8.7.3:27 direct',
      'qs@6.11.0:34',
      'resolve@1.22.8:43',
    ]);
  });

  it('reports a v1 file cut in half, a header without a colon and an entry without a version, and keeps what it read', () => {
    const full = readLockfileFixture('yarn-v1/yarn.lock');
    const midString = parseYarnLock(full.slice(0, full.indexOf('registry.yarnpkg.com/lodash')));
    expect(midString.problems).toEqual([
      { message: 'unterminated string', line: 26 },
      { message: 'the file ends in the middle of a line: it may be cut short', line: 26 },
    ]);
    // Cut in an unquoted field: the half line is not a field, and the file does not end with a line break.
    const midField = parseYarnLock(full.slice(0, full.indexOf('  dependencies:\n    follow-redirects') + 3));
    expect(midField.problems).toEqual([
      { message: 'not a field: d', line: 16 },
      { message: 'the file ends in the middle of a line: it may be cut short', line: 16 },
    ]);
    expect(summarizeLocked(midString.packages)).toEqual(['@babel/code-frame@7.12.13:5', 'axios@0.21.0:12', 'follow-redirects@1.13.0:19', 'lodash@4.17.20:24']);
    const afterHeader = parseYarnLock(full.slice(0, full.indexOf('  version "4.17.20"')));
    expect(afterHeader.problems).toEqual([{ message: 'lodash@4.17.20 has no version (the file may be cut short)', line: 24 }]);
    expect(parseYarnLock('lodash@^4.17.20\n  version "4.17.20"\n').problems).toEqual([
      { message: 'not an entry: lodash@^4.17.20', line: 1 },
      { message: 'an indented line outside any entry', line: 2 },
    ]);
  });

  it('never throws on noise', () => {
    for (const noise of ['', ':', '"":\n  version', '\u0000\u0001', '  a\n\tb:\n"x', 'a:\n  version:\n    deep: 1\n']) {
      expect(() => parseYarnLock(noise)).not.toThrow();
    }
  });
});
