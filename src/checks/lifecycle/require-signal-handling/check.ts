import { defineCheck } from '../../api.js';
import type { Project } from '../../../facts/project.js';
import { hasDataEvidence, importsLayerPackage } from '../../../facts/service/layers.js';
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
    appliesWhen: 'a start command that runs a Python or Node file directly (not through uvicorn, gunicorn, celery...)',
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
        message: `${holding.runs.file === entry ? entry : `${holding.runs.file} (loaded by the start entry ${entry})`} runs the process itself (${holding.runs.what}) and holds ${holding.holds.what} (${holding.holds.file}), but installs no SIGTERM/SIGINT handler: at every deploy, restart and scale-down the platform's SIGTERM kills it on the spot, so in-flight requests and jobs are cut mid-way and ${isNode ? 'connections are never closed' : 'no finally block or cleanup runs'}.`,
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
  for (const path of [entry, ...modules.filter((module) => module !== entry)]) {
    const facts = project.facts(path);
    const code = facts?.source?.code;
    const service = facts?.source?.service;
    if (!facts || !code) continue;
    const calledAtTop = new Set([...code.importTimeCalls, ...code.mainCalls]);
    // Only what runs when the entry starts: a server or loop inside a function nobody calls at the top (a port probe, a library helper) does not keep this process alive.
    const runsAtStart = (fact: { scope: string; functionName: string }): boolean => fact.scope !== 'function' || calledAtTop.has(fact.functionName);
    const server = code.calls.find((call) => call.category === 'server' && runsAtStart(call));
    if (server && SELF_HANDLING.test(server.callee)) return undefined;
    // A loop that returns is a search inside a function (even where the pre-pass misses the function), not the process's main loop.
    const loop = code.loops.find((candidate) => candidate.isConstantTrue && !candidate.exits.includes('return') && runsAtStart(candidate));
    const worker = service?.objects?.find((object) => object.kind === 'worker' || object.kind === 'scheduler');
    runs ??= server ? { file: path, line: server.line, what: `\`${server.callee}\`` } : loop ? { file: path, line: loop.line, what: 'a forever loop' } : worker ? { file: path, line: worker.line, what: `a ${worker.framework} ${worker.kind}` } : undefined;
    const child = code.calls.find((call) => call.category === 'child-process');
    // Connections need real evidence: a database engine or driver import, a cache/queue client import (not a `models/` path).
    if (!holds && hasDataEvidence(facts)) holds = { file: path, what: 'database connections' };
    if (!holds && importsLayerPackage(facts, 'memory')) holds = { file: path, what: 'cache or queue connections' };
    if (!holds && child) holds = { file: path, what: 'child processes' };
  }
  return runs && holds ? { runs, holds } : undefined;
}
