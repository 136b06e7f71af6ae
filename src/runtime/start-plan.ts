import { posix } from 'node:path';
import type { SimulateConfig } from '../config/schema.js';
import type { StartPlanEvidence } from '../facts/evidence/evidence.js';
import type { Project } from '../facts/project.js';
import { resolveStartPlanAmong } from '../facts/start-plan.js';
import { startDeclarations } from '../facts/start-targets.js';
import { lexShell } from '../parsers/lexer/shell.js';
import { TokenKind } from '../parsers/lexer/token.js';

export type StartPlan = StartPlanEvidence;

const NOT_STARTED_ROLES = new Set(['release', 'build', 'test', 'migrate', 'postdeploy']);

/**
 * What the simulation starts: `simulate.start` from the config, else the web start the platform
 * would run (the config stage's resolveStartPlan, in the platform's precedence, leaving out plans
 * that only run inside a container image), else a worker process when the project has no web one.
 */
export function selectStartPlan(project: Project, config: SimulateConfig): StartPlan | undefined {
  if (config.start) {
    return { command: config.start, cwd: normalizeDir(config.cwd ?? ''), source: '.liveready.yaml simulate.start', role: config.worker ? 'worker' : 'web', mode: config.worker ? 'worker' : 'web' };
  }
  const web = resolveStartPlanAmong(project, { simulate: config }, (declaration) => declaration.isInContainer !== true);
  if (web) {
    const plan: StartPlan = { command: runnableCommand(project, web.source, web.command, web.location?.file), cwd: normalizeDir(config.cwd ?? web.cwd), source: web.source, role: 'web', mode: config.worker ? 'worker' : 'web' };
    if (web.location) plan.location = web.location;
    return plan;
  }
  const worker = startDeclarations(project).find((declaration) => !NOT_STARTED_ROLES.has(declaration.role) && declaration.isInContainer !== true);
  if (!worker) return undefined;
  return {
    command: runnableCommand(project, worker.source, worker.command.command, worker.file),
    cwd: normalizeDir(config.cwd ?? posix.dirname(worker.file)),
    source: worker.source,
    location: { file: worker.file, line: worker.command.line, column: worker.command.column },
    role: worker.role,
    mode: config.worker === false ? 'web' : 'worker',
  };
}

/**
 * Health check paths the platform manifests declare (render.yaml healthCheckPath, railway
 * healthcheckPath, fly checks...), probed before the conventional ones. The config stage parses
 * those manifests: their `platform` facts carry `healthPaths`.
 */
export function manifestHealthPaths(project: Project): string[] {
  const paths = project.manifests('platform').flatMap(({ manifest }) => manifest.healthPaths.map((path) => path.value));
  return [...new Set(paths.filter((path) => path.startsWith('/')))];
}

/** `npm start` runs pre/post hooks: keep npm only when there are some, else run the script itself. */
function runnableCommand(project: Project, source: string, command: string, file: string | undefined): string {
  if (source === 'package.json scripts.start' && file !== undefined) {
    const manifest = project.facts(file)?.manifest;
    const hasHooks = manifest?.type === 'package-json' && (manifest.scripts.prestart !== undefined || manifest.scripts.poststart !== undefined);
    return hasHooks ? 'npm start' : command;
  }
  return command;
}

function normalizeDir(dir: string): string {
  const normalized = posix.normalize(dir.replace(/\\/g, '/')).replace(/^\.\/?/, '').replace(/\/$/, '');
  return normalized === '.' ? '' : normalized;
}

/**
 * The command as the shell should run it: `cd api && uvicorn ...` becomes `uvicorn ...` run in
 * `api`, and a single simple command gets `exec`, so the app itself leads the process group and
 * its own exit code and signal handling are what the simulation measures (not a shell's).
 */
export function execForm(command: string, cwd: string): { command: string; cwd: string } {
  let rest = command.trim();
  let dir = cwd;
  const cd = /^cd\s+([^\s;&|$`'"]+)\s*&&\s*/.exec(rest);
  if (cd?.[1]) {
    dir = normalizeDir(posix.join(dir, cd[1]));
    rest = rest.slice(cd[0].length);
  }
  const tokens = lexShell(rest).tokens;
  const isSimple = tokens.every((token) => token.kind !== TokenKind.Punct && !token.value.includes('$(') && !token.value.includes('`'));
  if (!isSimple) return { command, cwd };
  // Assignments stay in front: `PORT=1 exec node server.js` passes them to the exec'd program.
  const firstWord = tokens.find((token) => !/^[A-Za-z_][A-Za-z0-9_]*=/.test(token.value) && token.kind !== TokenKind.Newline);
  if (!firstWord || firstWord.value === 'exec') return { command: rest, cwd: dir };
  return { command: `${rest.slice(0, firstWord.start)}exec ${rest.slice(firstWord.start)}`, cwd: dir };
}
