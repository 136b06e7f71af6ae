import { readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import type { SimulateConfig } from '../config/schema.js';
import type { Project } from '../facts/project.js';
import type { Location } from '../model/location.js';

export interface InstallPlan {
  command: string;
  /** What it was chosen from (`package-lock.json`, `requirements.txt`, `.liveready.yaml simulate.install`). */
  source: string;
  location?: Location;
  /** The virtualenv it creates, relative to the app copy (its bin/ goes first on PATH). */
  venvDir?: string;
}

export interface InstallChoice {
  /** Options from the CLI: `--no-install`, `--python`. */
  noInstall: boolean;
  python: string;
}

/**
 * The install a platform would run for this project: `simulate.install` from the config, else
 * the package manager its lockfile names (npm ci / pnpm / yarn), then a build script, and for
 * Python a virtualenv with pip from requirements*.txt or pyproject.toml. Reads package.json from
 * the sandbox copy to tell whether there is anything to install.
 */
export function planInstall(project: Project, config: SimulateConfig, appDir: string, cwd: string, choice: InstallChoice): InstallPlan | { skipped: string } | undefined {
  if (choice.noInstall) return { skipped: '--no-install: using what the machine has' };
  if (config.install === false) return { skipped: 'simulate.install is false: using what the machine has' };
  if (typeof config.install === 'string') return { command: config.install, source: '.liveready.yaml simulate.install' };
  const dir = [cwd, ''].find((candidate) => hasAny(project, candidate, ['package.json', 'requirements.txt', 'pyproject.toml'])) ?? cwd;
  const steps: string[] = [];
  const sources: string[] = [];
  const node = nodeInstall(project, appDir, dir);
  if (node) {
    steps.push(node.command);
    sources.push(node.source);
  }
  const python = pythonInstall(project, dir, choice.python);
  if (python) {
    steps.push(python.command);
    sources.push(python.source);
  }
  if (steps.length === 0) return undefined;
  const prefix = dir === cwd ? '' : `cd ${shellQuote(posix.relative(cwd || '.', dir || '.') || '.')} && `;
  const plan: InstallPlan = { command: prefix + steps.join(' && '), source: sources.join(', ') };
  const first = sources[0];
  if (first) plan.location = { file: first, line: 1 };
  if (python) plan.venvDir = join(dir, '.venv').split('\\').join('/');
  return plan;
}

function nodeInstall(project: Project, appDir: string, dir: string): { command: string; source: string } | undefined {
  const manifestPath = joinPath(dir, 'package.json');
  if (!project.hasFile(manifestPath)) return undefined;
  const lockfile = ['pnpm-lock.yaml', 'yarn.lock', 'package-lock.json', 'npm-shrinkwrap.json'].map((name) => joinPath(dir, name)).find((path) => project.hasFile(path));
  const scripts = project.facts(manifestPath)?.manifest;
  const hasBuild = scripts?.type === 'package-json' && scripts.scripts.build !== undefined;
  let install: string | undefined;
  if (lockfile?.endsWith('pnpm-lock.yaml')) install = 'pnpm install --frozen-lockfile';
  else if (lockfile?.endsWith('yarn.lock')) install = 'yarn install --frozen-lockfile';
  else if (lockfile) install = 'npm ci --no-audit --no-fund';
  else if (declaresDependencies(join(appDir, manifestPath))) install = 'npm install --no-audit --no-fund';
  const runner = install?.split(' ')[0] ?? 'npm';
  const build = hasBuild ? `${runner} run build` : undefined;
  const command = [install, build].filter(Boolean).join(' && ');
  return command ? { command, source: lockfile ?? manifestPath } : undefined;
}

function pythonInstall(project: Project, dir: string, python: string): { command: string; source: string } | undefined {
  const requirements = ['requirements.txt', 'requirements/prod.txt', 'requirements/production.txt', 'requirements/base.txt'].map((name) => joinPath(dir, name)).find((path) => project.hasFile(path));
  const pyproject = joinPath(dir, 'pyproject.toml');
  const venv = `${shellQuote(python)} -m venv .venv`;
  const pip = '.venv/bin/python -m pip install --disable-pip-version-check --no-input';
  const local = (path: string): string => shellQuote(posix.relative(dir || '.', path));
  if (requirements) return { command: `${venv} && ${pip} -r ${local(requirements)}`, source: requirements };
  if (project.hasFile(pyproject)) return { command: `${venv} && ${pip} .`, source: pyproject };
  return undefined;
}

function declaresDependencies(absolutePath: string): boolean {
  try {
    const data = JSON.parse(readFileSync(absolutePath, 'utf8')) as Record<string, unknown>;
    return ['dependencies', 'devDependencies', 'optionalDependencies'].some((key) => {
      const value = data[key];
      return typeof value === 'object' && value !== null && Object.keys(value).length > 0;
    });
  } catch {
    return false;
  }
}

function hasAny(project: Project, dir: string, names: string[]): boolean {
  return names.some((name) => project.hasFile(joinPath(dir, name)));
}

function joinPath(dir: string, name: string): string {
  return dir ? `${dir}/${name}` : name;
}

export function shellQuote(value: string): string {
  return /^[A-Za-z0-9_./:=@%+-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}
