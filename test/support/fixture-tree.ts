import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Options a fixture can set in its `fixture.json`. */
export interface FixtureOptions {
  /** false: the copy is not a git repository (default true: every file is `git add`ed). */
  git?: boolean;
  /** Files left untracked in the git copy (a developer's local .env, say). */
  untracked?: string[];
  /** The check must be skipped on this fixture (for ok.* cases that prove appliesTo). */
  expectSkipped?: boolean;
  /** Run the audit with these CLI-equivalent options. */
  static?: boolean;
}

export interface MaterializedFixture {
  root: string;
  options: FixtureOptions;
  cleanup(): void;
}

/**
 * Copies a fixture tree to a temporary directory and (by default) makes it a git repository with
 * every file staged, so "tracked in git" is real and independent of liveready's own index.
 */
export function materializeFixture(source: string): MaterializedFixture {
  const optionsPath = join(source, 'fixture.json');
  const options: FixtureOptions = existsSync(optionsPath) ? (JSON.parse(readFileSync(optionsPath, 'utf8')) as FixtureOptions) : {};
  const root = mkdtempSync(join(tmpdir(), 'liveready-fixture-'));
  cpSync(source, root, { recursive: true, verbatimSymlinks: true, filter: (path) => !path.endsWith('fixture.json') && !path.endsWith('expected.txt') });
  if (options.git !== false) {
    const git = (...args: string[]): void => {
      execFileSync('git', ['-c', 'init.defaultBranch=main', ...args], { cwd: root, stdio: 'ignore' });
    };
    git('init', '-q');
    git('add', '-A', '--force', '.');
    for (const file of options.untracked ?? []) git('rm', '-q', '--cached', file);
  }
  return { root, options, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}
