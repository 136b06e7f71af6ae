import { describe, expect, it } from 'vitest';
import { parseSetupPy } from '../facts/extract/setup-py.js';
import { normalizeDistribution, parseRequirement } from './pep508.js';
import { parsePipfile, parsePyproject, parseSetupCfg } from './python-manifests.js';
import { parseRequirementsFile } from './requirements.js';

const names = (dependencies: Array<{ name: string; group: string }>): string[] => dependencies.map((dependency) => `${dependency.name}@${dependency.group}`);

describe('PEP 508 requirements', () => {
  it.each([
    ['Flask>=2.0', { name: 'Flask', spec: '>=2.0', extras: [] }],
    ['uvicorn[standard] ==0.30.1 ; python_version >= "3.8"', { name: 'uvicorn', spec: '==0.30.1', extras: ['standard'], marker: 'python_version >= "3.8"' }],
    ['pkg @ git+https://github.com/acme/pkg.git@v1', { name: 'pkg', spec: 'git+https://github.com/acme/pkg.git@v1', source: 'vcs' }],
  ])('%s', (text, expected) => {
    expect(parseRequirement(text)).toMatchObject(expected);
  });

  it('rejects what is not a requirement and normalizes names', () => {
    expect(parseRequirement('this is prose')).toBeUndefined();
    expect(normalizeDistribution('Flask_SQLAlchemy')).toBe('flask-sqlalchemy');
  });
});

describe('requirements files', () => {
  it('reads includes, options, editable installs, URLs, hashes and continuations', () => {
    const parsed = parseRequirementsFile(
      [
        '# pinned for production',
        '-r base.txt',
        '--constraint constraints.txt',
        '--index-url https://pypi.example.com/simple',
        'requests==2.32.3 \\',
        '    --hash=sha256:abc',
        '-e ./libs/shared',
        'git+https://github.com/acme/tools.git#egg=acme-tools',
        'https://files.example.com/wheels/fastcsv-1.2.0-py3-none-any.whl',
        'not a requirement line',
      ].join('\n'),
    );
    expect(parsed.includes).toEqual([
      { path: 'base.txt', line: 2, isConstraint: false },
      { path: 'constraints.txt', line: 3, isConstraint: true },
    ]);
    expect(parsed.dependencies.map(({ name, line, source }) => ({ name, line, source }))).toEqual([
      { name: 'requests', line: 5, source: undefined },
      { name: 'shared', line: 7, source: 'editable' },
      { name: 'acme-tools', line: 8, source: 'vcs' },
      { name: 'fastcsv', line: 9, source: 'url' },
    ]);
    expect(parsed.problems).toEqual([{ message: 'not a requirement: not a requirement line', line: 10 }]);
  });
});

describe('Python manifests', () => {
  it('reads PEP 621, optional dependencies, dependency groups and Poetry groups from pyproject.toml', () => {
    const { facts } = parsePyproject(
      [
        '[project]',
        'name = "shop"',
        'requires-python = ">=3.11"',
        'dependencies = [',
        '  "fastapi>=0.110",',
        '  "PyYAML",',
        ']',
        '[project.optional-dependencies]',
        's3 = ["boto3"]',
        '[dependency-groups]',
        'test = ["pytest"]',
        '[build-system]',
        'requires = ["hatchling"]',
        '[tool.poetry.dependencies]',
        'python = "^3.11"',
        'httpx = { version = "^0.27", optional = true }',
        '[tool.poetry.group.dev.dependencies]',
        'ruff = "^0.4"',
      ].join('\n'),
    );
    expect(facts).toMatchObject({ name: 'shop', pythonVersion: '^3.11' });
    expect(names(facts.dependencies)).toEqual(['fastapi@main', 'PyYAML@main', 'boto3@extra:s3', 'pytest@group:test', 'hatchling@build', 'httpx@optional', 'ruff@group:dev']);
    expect(facts.dependencies[1]?.line).toBe(6);
  });

  it('reads Pipfile packages and setup.cfg options', () => {
    expect(names(parsePipfile('[packages]\nflask = "*"\n[dev-packages]\npytest = "*"\n[requires]\npython_version = "3.12"\n').facts.dependencies)).toEqual(['flask@main', 'pytest@dev']);
    const cfg = parseSetupCfg('[metadata]\nname = shop\n[options]\npython_requires = >=3.10\ninstall_requires =\n    requests>=2\n    click\n[options.extras_require]\nyaml = PyYAML\n').facts;
    expect(cfg).toMatchObject({ name: 'shop', pythonVersion: '>=3.10' });
    expect(names(cfg.dependencies)).toEqual(['requests@main', 'click@main', 'PyYAML@extra:yaml']);
  });

  it('reads setup.py literal lists without running it, and says when the list is computed', () => {
    const literal = parseSetupPy('from setuptools import setup\nREQUIRES = ["flask>=2", "redis"]\nsetup(name="shop", install_requires=REQUIRES, extras_require={"s3": ["boto3"]})\n').facts;
    expect(names(literal.dependencies)).toEqual(['flask@main', 'redis@main', 'boto3@extra:s3']);
    expect(parseSetupPy('setup(install_requires=read_requirements("requirements.txt"))\n').facts.isDynamic).toBe(true);
  });
});
