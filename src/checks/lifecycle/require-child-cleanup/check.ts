import { defineCheck } from '../../api.js';
import type { CallFact, CodeFacts, LoopFact } from '../../../facts/code-types.js';
import { isNonProductionPath } from '../../../facts/path-roles.js';

const WATCHING = /^(?:poll|wait|waitpid|is_alive|join|communicate|exitcode|returncode|on|once)$/;

export const requireChildCleanup = defineCheck({
  meta: {
    id: 'lifecycle/require-child-cleanup',
    stage: 'scan',
    description: 'Require a process that exits when one of its children dies to terminate the remaining children first',
    severity: 'moderate',
    category: 'reliability',
  },
  run({ project, report }) {
    for (const facts of project.allFacts()) {
      const code = facts.source?.code;
      if (!code || isNonProductionPath(facts.path)) continue;
      const exit = exitOnChildDeath(code, facts.snippets);
      if (!exit) continue;
      const starts = code.calls.filter((call) => call.category === 'child-process');
      report({
        message: `This process starts ${starts.length > 1 ? `${starts.length} child processes` : 'child processes in a loop'} and ${exit.how} when one of them dies, without terminating the others: the survivors keep running as orphans (holding ports, locks and connections), so the restarted process fails with "address already in use" or runs every job twice.`,
        remediation: 'Before exiting, stop the remaining children: call `terminate()` (or `child.kill()`) on each, wait for them with a timeout, then exit non-zero; or start them in a process group and `os.killpg` it.',
        location: { file: facts.path, line: exit.line },
        related: starts.slice(0, 3).map((call) => ({ file: facts.path, line: call.line })),
        fingerprintContent: `${exit.how}:${starts.map((call) => call.callee).join(',')}`,
      });
    }
  },
});

/** Where a supervising process gives up on a dead child by exiting or raising, when it never kills any child. */
function exitOnChildDeath(code: CodeFacts, snippets: Readonly<Record<number, string>>): { line: number; how: string } | undefined {
  const starts = code.calls.filter((call) => call.category === 'child-process');
  // Several starts, or one in a loop, a comprehension or a map over a list of commands.
  const isSeveral = starts.length >= 2 || starts.some((call) => call.isConditional || /\bfor\b.+\bin\b|\.(?:map|forEach)\s*\(/.test(snippets[call.line] ?? ''));
  if (!isSeveral || starts.every((call) => call.options.includes('daemon'))) return undefined;
  if (code.calls.some((call) => call.category === 'kill')) return undefined;
  const supervise = code.calls.filter((call) => call.category === 'supervise');
  if (supervise.length === 0) return undefined;
  const watchingLoop = code.loops.find((loop) => loop.calls.some((name) => WATCHING.test(name)) && (loop.exits.includes('exit') || loop.exits.includes('raise')));
  const exitCall = code.calls.find((call) => call.category === 'exit' && (isInLoop(call, watchingLoop) || isNear(call, supervise)));
  if (exitCall) return { line: exitCall.line, how: `exits (\`${exitCall.callee}\`)` };
  if (watchingLoop) return { line: watchingLoop.line, how: watchingLoop.exits.includes('raise') ? 'raises' : 'exits' };
  return undefined;
}

function isInLoop(call: CallFact, loop: LoopFact | undefined): boolean {
  return loop !== undefined && call.line >= loop.line && call.line <= loop.endLine;
}

/** The exit is in the same function as a supervising call (a `child.on('exit', ...)` handler, a wait loop). */
function isNear(call: CallFact, supervise: readonly CallFact[]): boolean {
  return supervise.some((watch) => Math.abs(watch.line - call.line) <= 5 || (watch.functionIndex === call.functionIndex && watch.functionIndex !== -1));
}
