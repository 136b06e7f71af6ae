import { describe, expect, it } from 'vitest';
import type { FileJob } from './extract-file.js';
import { threadsFor } from './worker-pool.js';

const jobs = (count: number, size = 4000): FileJob[] => Array.from({ length: count }, (_, index) => ({ path: `m${index}.py`, absolutePath: `/t/m${index}.py`, size, kind: 'python' }));

describe('how many worker threads an audit uses', () => {
  it('none for a small tree, whatever the machine', () => {
    expect(threadsFor(jobs(50), 'auto', { cores: 16, load: 0 })).toBe(0);
  });

  it('none unless three cores are idle: the main thread needs its own to receive the facts', () => {
    expect(threadsFor(jobs(5000), 'auto', { cores: 2, load: 0 })).toBe(0);
    expect(threadsFor(jobs(5000), 'auto', { cores: 4, load: 2.6 })).toBe(0);
    expect(threadsFor(jobs(5000), 'auto', { cores: 4, load: 0.2 })).toBe(3);
    expect(threadsFor(jobs(5000), 'auto', { cores: 4, load: 1.4 })).toBe(2);
  });

  it('at most four, and exactly what was asked for when asked', () => {
    expect(threadsFor(jobs(5000), 'auto', { cores: 32, load: 1 })).toBe(4);
    expect(threadsFor(jobs(5000), 2, { cores: 2, load: 0 })).toBe(2);
    expect(threadsFor(jobs(5000), 0, { cores: 32, load: 0 })).toBe(0);
  });
});
