import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { VERSION } from '../src/model/version.js';
import { publishedSchemas } from '../src/schemas.js';

describe('published artefacts', () => {
  it('VERSION equals package.json', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(VERSION).toBe(pkg.version);
  });

  it.each(Object.keys(publishedSchemas()))('schemas/%s is current (run `npm run schemas` after changing a schema)', (name) => {
    const committed = JSON.parse(readFileSync(new URL(`../schemas/${name}`, import.meta.url), 'utf8')) as unknown;
    expect(committed).toEqual(publishedSchemas()[name]);
  });
});
