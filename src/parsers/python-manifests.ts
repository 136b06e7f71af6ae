import type { DeclaredDependency, PythonDependencyFacts } from '../facts/manifest-types.js';
import { parseRequirement } from './pep508.js';
import type { ParseProblem } from './positioned.js';
import { parseToml } from './toml.js';

export interface PythonManifest {
  facts: PythonDependencyFacts;
  problems: ParseProblem[];
}

type Table = Record<string, unknown>;

/** pyproject.toml: PEP 621 `[project]`, Poetry `[tool.poetry]` and groups, PEP 735 `[dependency-groups]`, uv dev dependencies. */
export function parsePyproject(text: string): PythonManifest {
  const document = parseToml(text);
  const facts: PythonDependencyFacts = { type: 'python-dependencies', format: 'pyproject', dependencies: [], includes: [] };
  const locate = lineLocator(text);
  const project = table(document.data.project);
  if (typeof project.name === 'string') facts.name = project.name;
  if (typeof project['requires-python'] === 'string') facts.pythonVersion = project['requires-python'];
  if (Array.isArray(project.dynamic) && project.dynamic.includes('dependencies')) facts.isDynamic = true;
  addRequirementList(facts, project.dependencies, 'main', locate);
  for (const [extra, list] of Object.entries(table(project['optional-dependencies']))) addRequirementList(facts, list, `extra:${extra}`, locate);
  for (const [group, list] of Object.entries(table(document.data['dependency-groups']))) addRequirementList(facts, list, `group:${group}`, locate);
  addRequirementList(facts, table(table(document.data.tool).uv)['dev-dependencies'], 'dev', locate);
  addRequirementList(facts, table(document.data['build-system']).requires, 'build', locate);
  const poetry = table(table(document.data.tool).poetry);
  if (typeof poetry.name === 'string' && !facts.name) facts.name = poetry.name;
  addPoetryTable(facts, poetry.dependencies, 'main', locate);
  addPoetryTable(facts, poetry['dev-dependencies'], 'dev', locate);
  for (const [group, settings] of Object.entries(table(poetry.group))) addPoetryTable(facts, table(settings).dependencies, `group:${group}`, locate);
  return { facts, problems: document.problems };
}

/** Pipfile: `[packages]`, `[dev-packages]`, `[requires] python_version`. */
export function parsePipfile(text: string): PythonManifest {
  const document = parseToml(text);
  const facts: PythonDependencyFacts = { type: 'python-dependencies', format: 'pipfile', dependencies: [], includes: [] };
  const locate = lineLocator(text);
  const requires = table(document.data.requires);
  const version = requires.python_version ?? requires.python_full_version;
  if (typeof version === 'string') facts.pythonVersion = version;
  addPoetryTable(facts, document.data.packages, 'main', locate);
  addPoetryTable(facts, document.data['dev-packages'], 'dev', locate);
  return { facts, problems: document.problems };
}

/** setup.cfg: `[options] install_requires`, `python_requires`, `[options.extras_require]`, `[metadata] name`. */
export function parseSetupCfg(text: string): PythonManifest {
  const facts: PythonDependencyFacts = { type: 'python-dependencies', format: 'setup.cfg', dependencies: [], includes: [] };
  let section = '';
  let key = '';
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.replace(/\s[#;].*$/, '');
    const header = /^\[([^\]]+)\]/.exec(line.trim());
    if (header) {
      section = (header[1] as string).trim();
      key = '';
      return;
    }
    if (/^\s*[#;]/.test(raw) || line.trim() === '') return;
    const assignment = /^([A-Za-z0-9_.-]+)\s*[=:]\s*(.*)$/.exec(line);
    let value = line.trim();
    if (assignment && !/^\s/.test(line)) {
      key = assignment[1] as string;
      value = (assignment[2] as string).trim();
      if (section === 'metadata' && key === 'name') facts.name = value;
      if (section === 'options' && key === 'python_requires') facts.pythonVersion = value;
    }
    const group = section === 'options' && key === 'install_requires' ? 'main' : section === 'options.extras_require' ? `extra:${key}` : undefined;
    if (!group || value === '') return;
    for (const part of value.split(/,(?![^[]*\])/)) addRequirement(facts, part.trim(), group, index + 1);
  });
  return { facts, problems: [] };
}

function addRequirement(facts: PythonDependencyFacts, text: string, group: string, line: number): void {
  const requirement = parseRequirement(text);
  if (!requirement) return;
  const dependency: DeclaredDependency = { name: requirement.name, spec: requirement.spec, line, group };
  if (requirement.source) dependency.source = requirement.source;
  if (requirement.marker) dependency.marker = requirement.marker;
  facts.dependencies.push(dependency);
}

function addRequirementList(facts: PythonDependencyFacts, list: unknown, group: string, locate: (needle: string) => number): void {
  if (!Array.isArray(list)) return;
  for (const item of list) {
    if (typeof item === 'string') addRequirement(facts, item, group, locate(item));
  }
}

/** Poetry/Pipfile tables: `name = "^1.0"` or `name = { version = "...", git = "..." }`. */
function addPoetryTable(facts: PythonDependencyFacts, value: unknown, group: string, locate: (needle: string) => number): void {
  for (const [name, spec] of Object.entries(table(value))) {
    if (name === 'python') {
      if (typeof spec === 'string') facts.pythonVersion = spec;
      continue;
    }
    const details = table(spec);
    const dependency: DeclaredDependency = { name, spec: typeof spec === 'string' ? spec : String(details.version ?? details.git ?? details.path ?? details.url ?? ''), line: locate(name), group };
    if (details.git) dependency.source = 'vcs';
    else if (details.path) dependency.source = details.develop === true ? 'editable' : 'path';
    else if (details.url) dependency.source = 'url';
    if (details.optional === true && group === 'main') dependency.group = 'optional';
    if (typeof details.markers === 'string') dependency.marker = details.markers;
    facts.dependencies.push(dependency);
  }
}

function table(value: unknown): Table {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Table) : {};
}

/** The first line, after the last one found, that mentions a needle (so repeated names get successive lines). */
function lineLocator(text: string): (needle: string) => number {
  const lines = text.split(/\r?\n/);
  const used = new Set<number>();
  return (needle) => {
    const quoted = [`"${needle}"`, `'${needle}'`, `${needle} `, `${needle}=`, needle];
    for (const form of quoted) {
      const index = lines.findIndex((line, at) => !used.has(at) && line.includes(form) && !/^\s*#/.test(line));
      if (index !== -1) {
        used.add(index);
        return index + 1;
      }
    }
    return 1;
  };
}
