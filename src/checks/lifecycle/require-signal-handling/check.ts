import { defineCheck } from '../../api.js';
import type { Project } from '../../../facts/project.js';
import { moduleMap } from '../../../facts/service/module-map.js';
import { directEntries, loadedFrom } from '../../../facts/service/process-entries.js';

/** Servers started in code that stop gracefully on SIGTERM by themselves. */
const SELF_HANDLING = /^(?:uvicorn\.run|web\.run_app|run_app|hypercorn\.asyncio\.serve)$/;

interface Holding {
  /** What keeps the process running: a server, a forever loop, a worker. */
  runs: { file: string; line: number; what: string };
  /** What it holds that needs closing: connections or children. */
  holds: { file: string; what: string };
}

export const requireSignalHandling = defineCheck({
  meta: {
    id: 'lifecycle/require-signal-handling',
    stage: 'scan',
    description: 'Require a SIGTERM/SIGINT handler in a process that runs itself and holds connections or child processes',
    severity: 'moderate',
    category: 'reliability',
    appliesWhen: 'a start command runs a Python or Node file directly (not through uvicorn, gunicorn, celery...)',
  },
  appliesTo: (project) => directEntries(project).length > 0,
  run({ project, report }) {
    for (const entry of directEntries(project)) {
      const modules = loadedFrom(project, entry);
      if (modules.some((path) => (project.facts(path)?.source?.service?.signalHandlers ?? []).length > 0)) continue;
      const holding = holdingOf(project, entry, modules);
      if (!holding) continue;
      const isNode = !entry.endsWith('.py');
      report({
        message: `${entry} runs the process itself (${holding.runs.what}) and holds ${holding.holds.what} (${holding.holds.file}), but installs no SIGTERM/SIGINT handler: at every deploy, restart and scale-down the platform's SIGTERM kills it on the spot, so in-flight requests and jobs are cut mid-way and ${isNode ? 'connections are never closed' : 'no finally block or cleanup runs'}.`,
        remediation: isNode
          ? "Handle the stop signal: `process.on('SIGTERM', () => server.close(() => pool.end().then(() => process.exit(0))))` (stop accepting work, finish it, close connections, exit)."
          : 'Handle the stop signal: `signal.signal(signal.SIGTERM, stop)` where `stop` ends the loop, lets the current job finish and closes connections (or run the app under uvicorn/gunicorn, which do this).',
        location: { file: holding.runs.file, line: holding.runs.line },
        fingerprintContent: `${entry}:${holding.runs.what}`,
      });
    }
  },
});

function holdingOf(project: Project, entry: string, modules: string[]): Holding | undefined {
  let runs: Holding['runs'] | undefined;
  let holds: Holding['holds'] | undefined;
  const layers = new Map(moduleMap(project).modules.map((module) => [module.path, module]));
  for (const path of [entry, ...modules.filter((module) => module !== entry)]) {
    const code = project.facts(path)?.source?.code;
    const service = project.facts(path)?.source?.service;
    if (!code) continue;
    const server = code.calls.find((call) => call.category === 'server');
    if (server && SELF_HANDLING.test(server.callee)) return undefined;
    const calledAtTop = new Set([...code.importTimeCalls, ...code.mainCalls]);
    const loop = code.loops.find((candidate) => candidate.isConstantTrue && (candidate.scope !== 'function' || calledAtTop.has(candidate.functionName)));
    const worker = service?.objects?.find((object) => object.kind === 'worker' || object.kind === 'scheduler');
    runs ??= server ? { file: path, line: server.line, what: `\`${server.callee}\`` } : loop ? { file: path, line: loop.line, what: 'a forever loop' } : worker ? { file: path, line: worker.line, what: `a ${worker.framework} ${worker.kind}` } : undefined;
    const module = layers.get(path);
    const child = code.calls.find((call) => call.category === 'child-process');
    if (!holds && module && (module.layers.includes('data') || module.layers.includes('memory'))) holds = { file: path, what: module.layers.includes('data') ? 'database connections' : 'cache or queue connections' };
    if (!holds && child) holds = { file: path, what: 'child processes' };
  }
  return runs && holds ? { runs, holds } : undefined;
}
