import { defineCheck } from '../../api.js';
import type { CallFact } from '../../../facts/code-types.js';
import { moduleGraph } from '../../../facts/module-graph/module-graph.js';
import { isNonProductionPath } from '../../../facts/path-roles.js';

/** Starts that leave the child running on its own (synchronous runs and `with Popen(...)` wait for it). */
const UNWAITED_START = /(?:^|\.)(?:Popen|fork|forkpty|spawn\w*|posix_spawnp?|create_subprocess_exec|create_subprocess_shell|exec|execFile|execa|execaNode)$/;

export const requireChildSupervision = defineCheck({
  meta: {
    id: 'lifecycle/require-child-supervision',
    stage: 'scan',
    description: 'Require a script that starts child processes to wait for them, watch their exit, or stop them',
    severity: 'moderate',
    category: 'operations',
  },
  run({ project, report }) {
    const entrypoints = new Set(moduleGraph(project).entrypoints);
    for (const facts of project.allFacts()) {
      const code = facts.source?.code;
      // Tests fork and spawn on purpose; they never run in a deployment.
      if (!code || isNonProductionPath(facts.path)) continue;
      const isScript = entrypoints.has(facts.path) || code.hasMainGuard === true;
      // In a script every start counts (main() runs them); elsewhere only module-level ones.
      const starts = code.calls.filter((call) => call.category === 'child-process' && !call.isManaged && UNWAITED_START.test(call.callee) && (isScript || call.scope !== 'function'));
      if (starts.length === 0 || code.calls.some(isSupervision)) continue;
      const first = starts[0] as CallFact;
      const detached = starts.some((call) => call.options.includes('detached'));
      report({
        message: `This script starts ${starts.length === 1 ? 'a child process' : `${starts.length} child processes`} (${first.callee}${first.target ? ` ${first.target}` : ''}) and never waits for ${starts.length === 1 ? 'it' : 'them'} or watches ${starts.length === 1 ? 'its' : 'their'} exit${detached ? ' (detached)' : ''}: a child that dies stays dead, and when the script ends or is stopped the children are orphaned or killed without a clean shutdown.`,
        remediation: facts.kind === 'python'
          ? 'Keep the Popen handles and wait() on them (or poll() in the main loop and restart or exit when one dies); better, let the platform run each process (a Procfile line per process, supervisord).'
          : "Listen for each child's 'exit' event (restart it or exit non-zero), forward SIGTERM to the children, or let the platform run each process.",
        location: { file: facts.path, line: first.line, column: first.column },
        related: starts.slice(1).map((call) => ({ file: facts.path, line: call.line, column: call.column })),
        fingerprintContent: `${first.callee}:${first.target ?? ''}`,
      });
    }
  },
});

function isSupervision(call: CallFact): boolean {
  return call.category === 'supervise';
}
