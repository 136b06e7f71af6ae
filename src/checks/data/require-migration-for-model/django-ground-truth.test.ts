import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { materializeFixture } from '../../../../test/support/fixture-tree.js';

const PYTHON = '/usr/bin/python3';
const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));
const hasDjango = spawnSync(PYTHON, ['-c', 'import django'], { stdio: 'ignore', timeout: 20_000 }).status === 0;

/** `makemigrations --check --dry-run` in a temporary copy, with a scrubbed environment. */
function makemigrationsCheck(fixture: string): { status: number | null; output: string } {
  const copy = materializeFixture(join(FIXTURES, fixture));
  try {
    const result = spawnSync(PYTHON, ['manage.py', 'makemigrations', '--check', '--dry-run', '--noinput'], {
      cwd: copy.root,
      env: { PATH: '/usr/bin:/bin', DJANGO_SECRET_KEY: 'fixture-only', PYTHONDONTWRITEBYTECODE: '1' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    return { status: result.status, output: `${result.stdout}${result.stderr}` };
  } finally {
    copy.cleanup();
  }
}

// The fixtures' claims ("in sync", "a field added after the last migration") checked by Django itself.
describe.skipIf(!hasDjango)('Django agrees with the fixtures (makemigrations --check; skipped: /usr/bin/python3 has no django)', () => {
  it('finds nothing to migrate in ok.django-two-apps-in-sync', () => {
    const result = makemigrationsCheck('ok.django-two-apps-in-sync');
    expect(result.output).toContain('No changes detected');
    expect(result.status).toBe(0);
  });

  it('wants exactly the field and the model the check reports in bad.django-field-added-after-migration', () => {
    const result = makemigrationsCheck('bad.django-field-added-after-migration');
    expect(result.status).toBe(1);
    expect(result.output).toContain('Add field status to order');
    expect(result.output).toContain('Create model Refund');
    expect(result.output).not.toContain("Migrations for 'catalog'");
  });
});
