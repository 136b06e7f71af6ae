import { describe, expect, it } from 'vitest';
import { collectFacts } from '../engine/collect-facts.js';
import { readLockfileFixture } from '../../test/support/lockfile-fixtures.js';
import { projectsFromTrees } from '../../test/support/project-of.js';
import { writeTree } from '../../test/support/temp-tree.js';
import { lockedPackagesOf } from './locked-packages.js';
import { Project } from './project.js';

const projectOf = projectsFromTrees();

function summary(project: Project): string[] {
  return lockedPackagesOf(project).map(({ file, package: locked }) => `${file}:${locked.line} ${locked.ecosystem} ${locked.name}@${locked.version}`);
}

describe('lockedPackagesOf', () => {
  it('lists every lockfile package with its file, anywhere in the tree', () => {
    const project = projectOf({
      'web/package.json': '{ "name": "storefront", "dependencies": { "axios": "^0.21.0" } }\n',
      'web/package-lock.json': readLockfileFixture('npm-v2/package-lock.json'),
      'package-lock.json': readLockfileFixture('npm-workspaces/package-lock.json'),
    });
    expect(summary(project)).toEqual([
      'package-lock.json:19 npm fastify@4.26.2',
      'package-lock.json:24 npm semver@7.6.0',
      'package-lock.json:30 npm typescript@5.4.5',
      'package-lock.json:43 npm semver@7.5.2',
      'web/package-lock.json:17 npm axios@0.21.0',
      'web/package-lock.json:25 npm follow-redirects@1.13.0',
      'web/package-lock.json:33 npm jest@27.0.6',
    ]);
    expect(lockedPackagesOf(project)).toBe(lockedPackagesOf(project));
  });

  it('takes exact == pins from requirements files, not ranges, wildcards, URLs or unpinned names', () => {
    const project = projectOf({
      'requirements.txt': [
        'Django==3.2.25',
        'requests == 2.25.1 ; python_version >= "3.8"',
        'torch==2.1.0+cpu',
        'celery==5.*',
        'flask>=2.0',
        'gunicorn==21.2.0,<22',
        'urllib3===1.26.5',
        'numpy',
        'pillow @ https://example.com/pillow-9.0.0.tar.gz',
        'uvicorn[standard]==0.23.2 --hash=sha256:4b2a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a',
        '',
      ].join('\n'),
      'requirements-dev.txt': '-r requirements.txt\npytest==7.4.0rc1\n',
    });
    expect(summary(project)).toEqual([
      'requirements-dev.txt:2 PyPI pytest@7.4.0rc1',
      'requirements.txt:1 PyPI Django@3.2.25',
      'requirements.txt:2 PyPI requests@2.25.1',
      'requirements.txt:3 PyPI torch@2.1.0+cpu',
      'requirements.txt:10 PyPI uvicorn@0.23.2',
    ]);
  });

  it('leaves a directory\'s requirements pins out when a lockfile there pins the same ecosystem', () => {
    const project = projectOf({
      'api/requirements.txt': 'Django==3.2.25\n',
      'api/package-lock.json': readLockfileFixture('npm-v2/package-lock.json'),
      'worker/requirements.txt': 'celery==5.3.1\n',
      'worker/poetry.lock': readLockfileFixture('poetry-v2/poetry.lock'),
      'jobs/requirements.txt': 'rq==1.15.1\n',
      'jobs/Pipfile.lock': readLockfileFixture('pipfile/Pipfile.lock'),
    });
    // package-lock.json pins npm packages: it says nothing about api/'s Python versions.
    expect(summary(project).filter((line) => line.includes('PyPI'))).toEqual([
      'api/requirements.txt:1 PyPI Django@3.2.25',
      'jobs/Pipfile.lock:19 PyPI flask@2.2.2',
      'jobs/Pipfile.lock:32 PyPI werkzeug@2.2.2',
      'jobs/Pipfile.lock:41 PyPI pytest@7.4.0',
      'worker/poetry.lock:4 PyPI fastapi@0.110.0',
      'worker/poetry.lock:18 PyPI ruff@0.3.4',
      'worker/poetry.lock:29 PyPI starlette@0.36.3',
    ]);
  });

  it('reads every lockfile format through the real discovery, by file name', () => {
    const project = projectOf({
      'web/yarn.lock': readLockfileFixture('yarn-berry/yarn.lock'),
      'admin/pnpm-lock.yaml': readLockfileFixture('pnpm-v9/pnpm-lock.yaml'),
      'legacy/npm-shrinkwrap.json': readLockfileFixture('npm-v1/npm-shrinkwrap.json'),
      'svc/uv.lock': readLockfileFixture('uv/uv.lock'),
    });
    const formats = project.manifests('lockfile').map(({ file, manifest }) => `${file.path} ${file.kind} ${manifest.format} ${manifest.packages.length}`);
    expect(formats).toEqual(['admin/pnpm-lock.yaml lockfile pnpm 6', 'legacy/npm-shrinkwrap.json lockfile package-lock 6', 'svc/uv.lock lockfile uv 6', 'web/yarn.lock lockfile yarn 5']);
    expect(project.allFacts().every((facts) => facts.problems.length === 0)).toBe(true);
  });

  it('reads a lockfile over maxFileSize (lockfiles have their own limit) and reports a broken one as a file problem', () => {
    const big = readLockfileFixture('npm-v3/package-lock.json');
    const tree = writeTree({ 'package-lock.json': big, 'broken/package-lock.json': big.slice(0, 900), 'notes.json': big });
    try {
      const collected = collectFacts(tree.root, { maxFileSize: 1024, isIgnoredPath: () => false });
      const project = new Project(tree.root, collected.files, collected.facts, false);
      expect(collected.skipped.map((skipped) => `${skipped.file}: ${skipped.code}`)).toEqual(['notes.json: too-large']);
      expect(project.facts('package-lock.json')?.kind).toBe('lockfile');
      expect(lockedPackagesOf(project).filter(({ file }) => file === 'package-lock.json')).toHaveLength(8);
      const broken = project.facts('broken/package-lock.json');
      expect(broken?.problems[0]?.message).toMatch(/^JSON syntax error/);
      expect(broken?.manifest).toEqual({ type: 'lockfile', format: 'package-lock', packages: [] });
    } finally {
      tree.cleanup();
    }
  });
});
