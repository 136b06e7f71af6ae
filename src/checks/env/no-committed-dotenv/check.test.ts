import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { describeCheckFixtures } from '../../../../test/support/check-fixtures.js';
import { isExampleEnvFile } from '../../../facts/env-files.js';
import { noCommittedDotenv } from './check.js';

describeCheckFixtures(fileURLToPath(new URL('.', import.meta.url)), noCommittedDotenv);

describe('isExampleEnvFile', () => {
  it.each([
    ['.env.example', true],
    ['api/.env.sample', true],
    ['.env.template', true],
    ['example.env', true],
    ['.env', false],
    ['.env.production', false],
    ['.env.local', false],
  ])('%s -> %s', (path, expected) => {
    expect(isExampleEnvFile(path)).toBe(expected);
  });
});
