import type { Location } from '../model/location.js';
import { parseStartCommand } from '../parsers/start-command.js';
import { dirOf, joinPath } from './deployment-declarations.js';
import type { Project } from './project.js';
import { type StartDeclaration, npmScript, startDeclarations } from './start-targets.js';
import { isTestPath } from './path-roles.js';

/** A third-party program a start command runs, and the package that has to be installed for it. */
export interface StartProgram {
  declaration: StartDeclaration;
  ecosystem: 'python' | 'node';
  /** As run: `gunicorn`, `python -m uvicorn`, `next`. */
  program: string;
  /** Distribution (PyPI) or npm package that installs it. */
  packageName: string;
  /** Where the program is written: the declaration, or the package.json script it reaches. */
  location: Location;
  /** `package.json scripts.start` when reached through `npm start`. */
  via?: string;
  /** Repo directory the command runs in (Node resolves `node_modules/.bin` from there up). */
  dir: string;
}

/** Console scripts of Python servers and workers, and the distribution that installs each. */
const PYTHON_PROGRAMS = new Map<string, string>(Object.entries({
  gunicorn: 'gunicorn',
  uvicorn: 'uvicorn',
  hypercorn: 'hypercorn',
  daphne: 'daphne',
  'waitress-serve': 'waitress',
  celery: 'celery',
  rq: 'rq',
  rqworker: 'rq',
  dramatiq: 'dramatiq',
  huey_consumer: 'huey',
  'huey_consumer.py': 'huey',
  streamlit: 'streamlit',
  flask: 'flask',
  'django-admin': 'django',
  alembic: 'alembic',
}));
/** `python -m <module>` for the same programs. */
const PYTHON_MODULES = new Map<string, string>(Object.entries({
  gunicorn: 'gunicorn',
  uvicorn: 'uvicorn',
  hypercorn: 'hypercorn',
  daphne: 'daphne',
  waitress: 'waitress',
  celery: 'celery',
  rq: 'rq',
  dramatiq: 'dramatiq',
  streamlit: 'streamlit',
  flask: 'flask',
  alembic: 'alembic',
}));
/** Binaries npm puts in `node_modules/.bin`, and the package that provides each (only well-known ones: an unknown word may be a system program). */
const NODE_BINS = new Map<string, string>(Object.entries({
  next: 'next',
  nuxt: 'nuxt',
  nuxi: 'nuxt',
  nest: '@nestjs/cli',
  'ts-node': 'ts-node',
  'ts-node-esm': 'ts-node',
  tsx: 'tsx',
  nodemon: 'nodemon',
  pm2: 'pm2',
  'pm2-runtime': 'pm2',
  serve: 'serve',
  vite: 'vite',
  'react-scripts': 'react-scripts',
  'remix-serve': '@remix-run/serve',
  astro: 'astro',
  concurrently: 'concurrently',
  'cross-env': 'cross-env',
  tsc: 'typescript',
  prisma: 'prisma',
  knex: 'knex',
  'node-dev': 'node-dev',
  esno: 'esno',
  'http-server': 'http-server',
  forever: 'forever',
  gatsby: 'gatsby',
}));
const PYTHON = /^python(\d+(\.\d+)?)?$/;
const PACKAGE_RUNNERS = new Set(['npx', 'pnpx']);
const MAX_SCRIPT_DEPTH = 4;

/**
 * Third-party programs the start commands run (outside container images, which install their own),
 * following `npm start`/`npm run x` into package.json scripts.
 */
export function startPrograms(project: Project): StartProgram[] {
  return project.derive('start-programs', () => {
    const found: StartProgram[] = [];
    for (const declaration of startDeclarations(project)) {
      if (declaration.isInContainer || declaration.role === 'entrypoint' || isTestPath(declaration.file)) continue;
      const { command, line, column } = declaration.command;
      const at = { file: declaration.file, line, column };
      walk(project, { declaration, command, dir: declaration.baseDir ?? dirOf(declaration.file), location: at }, 0, found);
    }
    return found;
  });
}

interface Step {
  declaration: StartDeclaration;
  command: string;
  dir: string;
  location: Location;
  via?: string;
}

function walk(project: Project, step: Step, depth: number, found: StartProgram[]): void {
  const parsed = parseStartCommand(step.command);
  for (const { program, args, cwd, word } of parsed.commands) {
    // `./serve`, `bin/next`: the project's own file, not an installed program.
    if (word.includes('/')) continue;
    const dir = joinPath(step.dir, cwd);
    const base = { declaration: step.declaration, location: step.location, dir, ...(step.via ? { via: step.via } : {}) };
    const python = pythonProgram(program, args);
    if (python) found.push({ ...base, ecosystem: 'python', ...python });
    const bin = PACKAGE_RUNNERS.has(program) ? args.find((arg) => !arg.startsWith('-')) : program;
    const nodePackage = bin === undefined ? undefined : NODE_BINS.get(bin);
    if (bin !== undefined && nodePackage) found.push({ ...base, ecosystem: 'node', program: bin, packageName: nodePackage });
  }
  if (depth >= MAX_SCRIPT_DEPTH) return;
  for (const target of parsed.targets) {
    if (target.kind !== 'npm-script') continue;
    const dir = joinPath(step.dir, target.cwd);
    const { packagePath, script } = npmScript(project, dir, target.value);
    if (!script) continue;
    const location = { file: packagePath, line: script.line, column: script.column };
    walk(project, { declaration: step.declaration, command: script.command, dir, location, via: `${packagePath} scripts.${target.value}` }, depth + 1, found);
  }
}

function pythonProgram(program: string, args: readonly string[]): { program: string; packageName: string } | undefined {
  const direct = PYTHON_PROGRAMS.get(program);
  if (direct) return { program, packageName: direct };
  if (!PYTHON.test(program) || args[0] !== '-m' || args[1] === undefined) return undefined;
  const module = PYTHON_MODULES.get(args[1]);
  return module ? { program: `${program} -m ${args[1]}`, packageName: module } : undefined;
}
