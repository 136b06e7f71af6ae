import type { Location } from '../model/location.js';
import { parseStartCommand } from '../parsers/start-command.js';
import { type ResolvedBind, bindOfCommand } from './app-bind.js';
import { commandBinds } from './command-binds.js';
import { PRECEDENCE, dirOf, joinPath } from './deployment-declarations.js';
import type { Project } from './project.js';
import { isTestPath } from './path-roles.js';
import { type StartDeclaration, candidatePaths, npmScript, startDeclarations } from './start-targets.js';

/** The part of `.liveready.yaml` the plan reads (structurally the config's `simulate`). */
export interface StartPlanConfig {
  simulate?: { start?: string; cwd?: string; env?: Record<string, string> };
}

/** How the platform will start the web process: the sequence command -> entry file -> server -> port. */
export interface StartPlan {
  command: string;
  /** Repo-relative directory the command runs in ('' = the root). */
  cwd: string;
  /** Where it comes from: `.liveready.yaml simulate.start`, `Procfile web`, `framework convention (main.py)`. */
  source: string;
  /** Lower wins (see PRECEDENCE). */
  precedence: number;
  /** Where the command is written; absent for the config and conventions. */
  location?: Location;
  /** The file or module it runs, as the tree resolves it (`app/main.py`, `server.js`). */
  entry?: { kind: string; value: string; file?: string };
  /** The server program or call that listens (`gunicorn`, `uvicorn`, `app.listen`). */
  server?: string;
  /** Host and port it binds, when they can be told statically. */
  bind?: ResolvedBind;
  /** Variables the command sets inline (`PORT=3000 node server.js`). */
  env: Array<{ name: string; value: string }>;
  /** Runs inside a container image (Dockerfile CMD, compose): paths are the image's. */
  isInContainer: boolean;
  /** Lower-precedence web commands this one wins over. */
  alternatives: Array<{ source: string; command: string; location: Location }>;
}

const WEB_ROLES = new Set(['web', 'app']);
const MAX_SCRIPT_DEPTH = 4;
const CONVENTIONS: Array<{ file: string; command: string }> = [
  { file: 'main.py', command: 'python main.py' },
  { file: 'app.py', command: 'python app.py' },
  { file: 'manage.py', command: 'python manage.py runserver 0.0.0.0:$PORT' },
  { file: 'server.js', command: 'node server.js' },
  { file: 'index.js', command: 'node index.js' },
];

/**
 * The web start the platform will run, in its precedence: config `simulate.start` > `.replit`
 * [deployment] run > `.replit` run > Procfile web > platform manifests > compose > Dockerfile
 * CMD > package.json start > framework conventions. Undefined when nothing says how to start.
 */
export function resolveStartPlan(project: Project, config: StartPlanConfig = {}): StartPlan | undefined {
  return resolveStartPlanAmong(project, config, () => true);
}

/** The start plan among some declarations only (a Heroku-style platform does not read `.replit`). */
export function resolveStartPlanAmong(project: Project, config: StartPlanConfig, isConsidered: (declaration: StartDeclaration) => boolean): StartPlan | undefined {
  const candidates = webDeclarations(project).filter(isConsidered);
  const alternatives = candidates.map((declaration) => ({ source: declaration.source, command: declaration.command.command, location: locationOf(declaration) }));
  const configured = config.simulate?.start;
  if (configured) {
    const cwd = config.simulate?.cwd?.replace(/^\.\/?/, '').replace(/\/$/, '') ?? '';
    return planFor(project, { command: configured, cwd, source: '.liveready.yaml simulate.start', precedence: PRECEDENCE.config, isInContainer: false }, config, alternatives);
  }
  const chosen = candidates[0];
  if (chosen) {
    const cwd = chosen.baseDir ?? dirOf(chosen.file);
    return planFor(project, { command: chosen.command.command, cwd, source: chosen.source, precedence: chosen.precedence ?? PRECEDENCE.packageJson, isInContainer: chosen.isInContainer ?? false, location: locationOf(chosen) }, config, alternatives.slice(1));
  }
  const convention = CONVENTIONS.find((candidate) => project.hasFile(candidate.file));
  if (!convention) return undefined;
  return planFor(project, { command: convention.command, cwd: '', source: `framework convention (${convention.file})`, precedence: PRECEDENCE.convention, isInContainer: false }, config, []);
}

/** Web start commands, best first (root manifests, then precedence): web roles, compose services that publish ports, `.replit` entrypoint as `python/node <file>`. */
function webDeclarations(project: Project): StartDeclaration[] {
  const composeWeb = new Set(project.manifests('compose').flatMap(({ manifest }) => manifest.services.filter((service) => service.ports.length > 0).map((service) => service.name)));
  const found = startDeclarations(project)
    // Manifests of test fixtures and examples-under-test are not how the project is deployed.
    .filter((declaration) => !isTestPath(declaration.file))
    .filter((declaration) => WEB_ROLES.has(declaration.role) || (declaration.source.startsWith('compose ') && composeWeb.has(declaration.role)) || declaration.role === 'entrypoint')
    .map((declaration) => (declaration.role === 'entrypoint' ? entrypointCommand(declaration) : declaration))
    .filter((declaration): declaration is StartDeclaration => declaration !== undefined);
  // A platform deploying the repository reads the manifests at its root first: shallower wins, then precedence.
  const depth = (declaration: StartDeclaration): number => declaration.file.split('/').length;
  return found
    .map((declaration, order) => ({ declaration, order }))
    .sort((a, b) => depth(a.declaration) - depth(b.declaration) || (a.declaration.precedence ?? 99) - (b.declaration.precedence ?? 99) || a.order - b.order)
    .map(({ declaration }) => declaration);
}

/** `.replit entrypoint = "main.py"` runs the file with its language's interpreter. */
function entrypointCommand(declaration: StartDeclaration): StartDeclaration | undefined {
  const file = declaration.command.command;
  const runner = /\.py$/.test(file) ? 'python' : /\.[cm]?js$/.test(file) ? 'node' : undefined;
  return runner ? { ...declaration, command: { ...declaration.command, command: `${runner} ${file}` } } : undefined;
}

function locationOf(declaration: StartDeclaration): Location {
  return { file: declaration.file, line: declaration.command.line, column: declaration.command.column };
}

interface PlanSeed {
  command: string;
  cwd: string;
  source: string;
  precedence: number;
  isInContainer: boolean;
  location?: Location;
}

function planFor(project: Project, seed: PlanSeed, config: StartPlanConfig, alternatives: StartPlan['alternatives']): StartPlan {
  const parsed = parseStartCommand(seed.command);
  const plan: StartPlan = { ...seed, env: parsed.env, isInContainer: seed.isInContainer, alternatives };
  const at = seed.location ?? { file: '.liveready.yaml', line: 1, column: 1 };
  const env = new Map(Object.entries(config.simulate?.env ?? {}));
  for (const assignment of parsed.env) env.set(assignment.name, assignment.value);
  // The platform (and the simulation) sets PORT for the web process.
  const bind = bindOfCommand(project, { command: seed.command, file: at.file, line: at.line, column: at.column ?? 1, baseDir: seed.cwd }, env, { isPortInjected: true });
  if (bind) {
    plan.bind = bind;
    plan.server = bind.server;
  } else {
    const server = commandBinds(seed.command)?.server;
    if (server) plan.server = server;
  }
  const entry = commandEntry(project, seed.command, seed.cwd);
  if (entry) plan.entry = entry;
  return plan;
}

/** The file or module a command runs, following npm scripts to the command they run. */
export function commandEntry(project: Project, command: string, cwd: string): StartPlan['entry'] {
  let current = { command, dir: cwd };
  for (let depth = 0; depth < MAX_SCRIPT_DEPTH; depth += 1) {
    const target = parseStartCommand(current.command).targets[0];
    if (!target) return undefined;
    const dir = joinPath(current.dir, target.cwd);
    if (target.kind !== 'npm-script') {
      const candidates = candidatePaths(target, dir);
      const file = candidates.find((candidate) => project.hasFile(candidate));
      return { kind: target.kind, value: target.kind === 'file' ? joinPath(dir, target.value) : target.value, ...(file ? { file } : {}) };
    }
    const { script } = npmScript(project, dir, target.value);
    if (!script) return { kind: target.kind, value: target.value };
    current = { command: script.command, dir };
  }
  return undefined;
}
