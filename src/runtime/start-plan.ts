import { posix } from 'node:path';
import type { SimulateConfig } from '../config/schema.js';
import type { StartPlanEvidence } from '../facts/evidence/evidence.js';
import type { Project } from '../facts/project.js';
import { type StartDeclaration, startDeclarations } from '../facts/start-targets.js';
import { lexShell } from '../parsers/lexer/shell.js';
import { TokenKind } from '../parsers/lexer/token.js';

export type StartPlan = StartPlanEvidence;

const NOT_STARTED_ROLES = new Set(['release', 'build', 'test', 'migrate', 'postdeploy']);
const WEB_ROLES = new Set(['web', 'entrypoint']);

/**
 * What the simulation starts: `simulate.start` from the config, else the manifests' start
 * commands in the platform's order (`.replit` deployment run, run, Procfile web, package.json
 * start, `.replit` entrypoint), preferring a web process. The one function the collector calls:
 * the config stage's `resolveStartPlan` replaces its body when it lands.
 */
export function selectStartPlan(project: Project, config: SimulateConfig): StartPlan | undefined {
  if (config.start) {
    return { command: config.start, cwd: normalizeDir(config.cwd ?? ''), source: '.liveready.yaml simulate.start', role: config.worker ? 'worker' : 'web', mode: config.worker ? 'worker' : 'web' };
  }
  const declarations = startDeclarations(project).filter((declaration) => !NOT_STARTED_ROLES.has(declaration.role));
  const chosen =
    declarations.find((declaration) => declaration.role === 'web') ?? declarations.find((declaration) => declaration.role === 'entrypoint') ?? declarations[0];
  if (!chosen) return undefined;
  const isWorker = config.worker ?? !WEB_ROLES.has(chosen.role);
  return {
    command: commandOf(project, chosen),
    cwd: normalizeDir(config.cwd ?? posix.dirname(chosen.file)),
    source: chosen.source,
    location: { file: chosen.file, line: chosen.command.line, column: chosen.command.column },
    role: chosen.role === 'entrypoint' ? 'web' : chosen.role,
    mode: isWorker ? 'worker' : 'web',
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

function commandOf(project: Project, declaration: StartDeclaration): string {
  const command = declaration.command.command;
  if (declaration.role === 'entrypoint') return /\.(c|m)?[jt]s$/.test(command) ? `node ${command}` : `python3 ${command}`;
  if (declaration.source === 'package.json scripts.start') {
    // `npm start` runs pre/post hooks: keep npm only when there are some, else run the script itself.
    const manifest = project.facts(declaration.file)?.manifest;
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
