import { defineCheck } from '../../api.js';
import { moduleGraph } from '../../../facts/module-graph/module-graph.js';
import { isNonProductionPath } from '../../../facts/path-roles.js';
import type { Project } from '../../../facts/project.js';
import type { DebugFlagFact } from '../../../facts/service-types.js';
import { deploymentCommands } from '../../../facts/service/deployment-commands.js';
import { directEntries } from '../../../facts/service/process-entries.js';
import { devModeOf } from './dev-commands.js';

const DEVELOPMENT_SETTINGS = /(?:^|\/)(?:dev|development|local|test|testing)(?:_settings)?\.py$|(?:^|\/)settings_(?:dev|local|test)\.py$/;

export const noDebugMode = defineCheck({
  meta: {
    id: 'server/no-debug-mode',
    stage: 'config',
    description: 'Disallow debug mode and auto-reload in the production start path',
    severity: 'moderate',
    category: 'security',
  },
  run({ project, report }) {
    for (const command of deploymentCommands(project)) {
      const mode = command.kind === 'start' ? devModeOf(command.command) : undefined;
      if (!mode) continue;
      report({
        message: `${command.source} starts ${mode.what}: ${consequence(mode.severity === 'critical' ? 'debugger' : 'reload')}.`,
        remediation: 'Start the production server without debug or reload flags (`gunicorn`/`uvicorn` without `--reload`, `next start`, `node server.js`), and keep development commands in a separate `dev` script.',
        location: { file: command.file, line: command.line, ...(command.column !== undefined ? { column: command.column } : {}) },
        severity: mode.severity,
        fingerprintContent: `${command.source}:${mode.what}`,
      });
    }
    for (const { file, flag } of codeFlags(project)) {
      report({
        message: `${describe(flag, file)}: ${consequence(flag.kind === 'reload-run' ? 'reload' : flag.kind === 'debug-setting' ? 'django' : 'debugger')}.`,
        remediation: flag.kind === 'debug-setting' ? 'Default DEBUG to False (`DEBUG = os.environ.get("DJANGO_DEBUG") == "1"`) and turn it on only in development settings.' : 'Remove the flag (or read it from an environment variable that defaults to off) and run the app under gunicorn/uvicorn in production.',
        location: { file, line: flag.line, column: flag.column },
        severity: flag.kind === 'reload-run' || flag.isEnvDefault ? 'moderate' : 'critical',
        fingerprintContent: `${flag.kind}:${flag.api}`,
      });
    }
  },
});

function consequence(kind: 'debugger' | 'django' | 'reload'): string {
  if (kind === 'debugger') return 'anyone who triggers an error gets a stack trace and the Werkzeug interactive debugger, a Python console that runs arbitrary code on the server';
  if (kind === 'django') return 'Django shows stack traces, settings and SQL to every visitor who triggers an error, and keeps every query in memory';
  return 'the development server watches the tree, restarts on file changes, runs unoptimized and is not built for production traffic';
}

function describe(flag: DebugFlagFact, file: string): string {
  switch (flag.kind) {
    case 'debug-run':
      return `${file} runs \`${flag.api}(debug=True)\` when the production start runs it`;
    case 'reload-run':
      return `${file} runs \`${flag.api}(reload=True)\` when the production start runs it`;
    case 'debug-config':
      return `${file} sets \`debug = True\` on the app at import`;
    default:
      return flag.isEnvDefault ? `${file} turns DEBUG on when the variable is unset, as it is in any deployment that does not set it` : `${file} sets \`DEBUG = True\` in the Django settings`;
  }
}

/** Debug flags in code the production start actually runs. */
function codeFlags(project: Project): Array<{ file: string; flag: DebugFlagFact }> {
  const graph = moduleGraph(project);
  const direct = new Set(directEntries(project));
  const found: Array<{ file: string; flag: DebugFlagFact }> = [];
  for (const facts of project.allFacts()) {
    if (isNonProductionPath(facts.path)) continue;
    for (const flag of facts.source?.service?.debugFlags ?? []) {
      const isRun = flag.kind === 'debug-setting' ? isProductionSettings(project, facts.path) : flag.scope === 'import' ? graph.loadedAtStart.has(facts.path) || direct.has(facts.path) : direct.has(facts.path);
      if (isRun) found.push({ file: facts.path, flag });
    }
  }
  return found;
}

/** Django settings that production may load: not dev/test/local, and not a base module overridden by a production sibling. */
function isProductionSettings(project: Project, path: string): boolean {
  if (DEVELOPMENT_SETTINGS.test(path)) return false;
  const dir = path.includes('/') ? path.slice(0, path.lastIndexOf('/') + 1) : '';
  const isBase = /(?:^|\/)(?:base|common|defaults)\.py$/.test(path);
  return !(isBase && ['production.py', 'prod.py'].some((name) => project.hasFile(`${dir}${name}`)));
}
