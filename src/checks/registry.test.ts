import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ALL_CHECKS } from './registry.js';

const checksDir = fileURLToPath(new URL('.', import.meta.url));

/** src/checks/<domain>/<name>/check.ts, as ids. */
function checkFolders(): string[] {
  const ids: string[] = [];
  for (const domain of readdirSync(checksDir, { withFileTypes: true })) {
    if (!domain.isDirectory()) continue;
    for (const name of readdirSync(join(checksDir, domain.name), { withFileTypes: true })) {
      if (name.isDirectory() && existsSync(join(checksDir, domain.name, name.name, 'check.ts'))) ids.push(`${domain.name}/${name.name}`);
    }
  }
  return ids.sort();
}

describe('check registry parity', () => {
  it('registers exactly the check folders', () => {
    expect(ALL_CHECKS.map((check) => check.meta.id).sort()).toEqual(checkFolders());
  });

  it('has unique ids', () => {
    const ids = ALL_CHECKS.map((check) => check.meta.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  describe.each(ALL_CHECKS.map((check) => [check.meta.id, check] as const))('%s', (id, check) => {
    const folder = join(checksDir, ...id.split('/'));

    it('follows the naming rules', () => {
      expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*\/(no|require|prefer)-[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(check.meta.description).toMatch(/^(Require|Disallow|Prefer) /);
    });

    it('has a README, a test and ok.*/bad.* fixtures', () => {
      expect(existsSync(join(folder, 'README.md'))).toBe(true);
      expect(existsSync(join(folder, 'check.test.ts'))).toBe(true);
      const fixtures = existsSync(join(folder, 'fixtures')) ? readdirSync(join(folder, 'fixtures')) : [];
      expect(fixtures.some((name) => name.startsWith('ok.'))).toBe(true);
      expect(fixtures.some((name) => name.startsWith('bad.'))).toBe(true);
    });

    it('says when it does not apply if it can be skipped', () => {
      if (check.appliesTo) expect(check.meta.appliesWhen).toBeTruthy();
    });
  });
});
