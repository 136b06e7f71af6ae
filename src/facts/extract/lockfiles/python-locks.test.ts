import { describe, expect, it } from 'vitest';
import { readLockfileFixture, summarizeLocked } from '../../../../test/support/lockfile-fixtures.js';
import { parsePipfileLock } from './pipfile-lock.js';
import { parsePoetryLock, parseUvLock } from './python-locks.js';

describe('parsePoetryLock', () => {
  it('reads Poetry 1.x packages at their name lines, dev by category; git sources are not the index', () => {
    const parsed = parsePoetryLock(readLockfileFixture('poetry-v1/poetry.lock'));
    expect(parsed.problems).toEqual([]);
    expect(summarizeLocked(parsed.packages)).toEqual(['asgiref@3.7.2:4', 'Django@3.2.25:16', 'pytest@7.4.0:36 dev']);
    expect(parsed.packages.every((locked) => locked.ecosystem === 'PyPI' && locked.isDirect === undefined)).toBe(true);
  });

  it('reads Poetry 2 groups: dev when `main` is not among them; directory sources left out', () => {
    const parsed = parsePoetryLock(readLockfileFixture('poetry-v2/poetry.lock'));
    expect(summarizeLocked(parsed.packages)).toEqual(['fastapi@0.110.0:4', 'ruff@0.3.4:18 dev', 'starlette@0.36.3:29']);
  });

  it('turns broken TOML and a wrong shape into problems', () => {
    const full = readLockfileFixture('poetry-v1/poetry.lock');
    const cut = parsePoetryLock(full.slice(0, full.indexOf('version = "3.2.25"') + 12));
    expect(cut.packages).toEqual([]);
    expect(cut.problems[0]).toMatchObject({ line: 17 });
    expect(cut.problems[0]?.message).toMatch(/^TOML syntax error/);
    expect(parsePoetryLock('package = "django"\n').problems).toEqual([{ message: '`package` is not an array of tables', line: 1 }]);
    expect(parsePoetryLock('[[package]]\nname = 3\nversion = "1.0"\n')).toEqual({ packages: [], problems: [] });
  });
});

describe('parseUvLock', () => {
  it('reads registry packages, leaves out the project and git sources; direct and dev from the project and what it reaches', () => {
    const parsed = parseUvLock(readLockfileFixture('uv/uv.lock'));
    expect(parsed.problems).toEqual([]);
    expect(summarizeLocked(parsed.packages)).toEqual([
      'anyio@4.3.0:5',
      'fastapi@0.110.0:18 direct',
      'idna@3.6:27',
      'pytest@7.4.0:56 direct dev',
      // pytest needs it too, but so does the app (through anyio): not dev.
      'sniffio@1.3.1:70',
      'starlette@0.36.3:76',
    ]);
  });

  it('survives a dependency cycle and reports broken TOML', () => {
    const cyclic = '[[package]]\nname = "app"\nversion = "0.1.0"\nsource = { virtual = "." }\ndependencies = [{ name = "a" }]\n\n[[package]]\nname = "a"\nversion = "1.0.0"\nsource = { registry = "https://pypi.org/simple" }\ndependencies = [{ name = "b" }]\n\n[[package]]\nname = "b"\nversion = "2.0.0"\nsource = { registry = "https://pypi.org/simple" }\ndependencies = [{ name = "a" }]\n';
    expect(summarizeLocked(parseUvLock(cyclic).packages)).toEqual(['a@1.0.0:8 direct', 'b@2.0.0:14']);
    expect(parseUvLock('[[package]\nname = "a"\n').problems[0]?.message).toMatch(/^TOML syntax error/);
  });
});

describe('parsePipfileLock', () => {
  it('reads `==` versions of default and develop (dev) at their key lines; git entries have no version', () => {
    const parsed = parsePipfileLock(readLockfileFixture('pipfile/Pipfile.lock'));
    expect(parsed.problems).toEqual([]);
    expect(summarizeLocked(parsed.packages)).toEqual(['flask@2.2.2:19', 'werkzeug@2.2.2:32', 'pytest@7.4.0:41 dev']);
  });

  it('turns invalid JSON and wrong shapes into problems or nothing, never an exception', () => {
    expect(parsePipfileLock('{"default": {"flask": {"version": "==2.2.2"}').problems[0]?.message).toMatch(/^JSON syntax error/);
    expect(parsePipfileLock('"default"').problems).toEqual([{ message: 'the lockfile is not a JSON object', line: 1 }]);
    expect(parsePipfileLock('{"default": [1], "develop": {"a": 1, "b": {"version": ">=1"}, "c": {"version": "==1.*"}}}')).toEqual({ packages: [], problems: [] });
  });
});
