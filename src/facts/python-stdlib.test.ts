import { describe, expect, it } from 'vitest';
import { isPythonStdlib } from './python-stdlib.js';

describe('isPythonStdlib', () => {
  it('knows public modules per version', () => {
    expect(isPythonStdlib('json', 12)).toBe(true);
    expect(isPythonStdlib('distutils', 11)).toBe(true);
    expect(isPythonStdlib('distutils', 12)).toBe(false);
    expect(isPythonStdlib('tomllib', 10)).toBe(false);
  });

  it('counts CPython\'s private modules and __main__ as standard, in every version', () => {
    for (const name of ['_io', '_thread', '_weakref', '_socket', '_frozen_importlib', '_pydatetime', '__main__']) {
      expect(isPythonStdlib(name, 11), name).toBe(true);
      expect(isPythonStdlib(name), name).toBe(true);
    }
  });

  it('leaves other underscore names to the project or the manifest', () => {
    for (const name of ['_pytest', '_yaml', '_cffi_backend', 'yaml', 'requests']) expect(isPythonStdlib(name), name).toBe(false);
  });
});
