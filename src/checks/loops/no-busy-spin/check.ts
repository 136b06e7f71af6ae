import { defineCheck } from '../../api.js';
import type { LoopFact } from '../../../facts/code-types.js';
import { conditionUpdatesItself, loopHeader, loopPlace, loopsOf } from '../../../facts/loop-text.js';

/** Calls that return at once: a loop made only of these never gives the CPU away. */
const NON_BLOCKING = new Set([
  'time', 'monotonic', 'perf_counter', 'process_time', 'now', 'utcnow', 'today', 'is_set', 'isSet', 'is_alive', 'isAlive', 'done',
  'empty', 'full', 'qsize', 'exists', 'isfile', 'isdir', 'getmtime', 'random', 'randint', 'hrtime', 'getTime', 'valueOf',
]);

export const noBusySpin = defineCheck({
  meta: {
    id: 'loops/no-busy-spin',
    stage: 'scan',
    description: 'Disallow loops that wait for something by spinning: no sleep, await, yield or blocking call in the body',
    severity: 'critical',
    category: 'reliability',
  },
  run({ project, report }) {
    for (const { facts, loop, language } of loopsOf(project)) {
      if (!isBusySpin(loop)) continue;
      const header = loopHeader(loop, language);
      const waitingFor = loop.isConstantTrue ? 'something to change' : loop.conditionHasCall ? `\`${loop.condition}\` to turn false` : loop.conditionNames.map((name) => `\`${name}\``).join(', ');
      report({
        message: `\`${header}\` ${loopPlace(loop)} waits for ${waitingFor} without sleeping, awaiting or blocking: it burns a whole CPU core while it waits${language === 'javascript' ? ', and Node cannot run the callback that would end it' : ', starving the threads that would end it'}.`,
        remediation: language === 'python'
          ? 'Wait on the thing itself (threading.Event().wait(timeout), queue.get(), asyncio.Event) or at least time.sleep() inside the loop.'
          : 'Await the event (a Promise, once(emitter, "ready"), setTimeout-based sleep) instead of spinning; a synchronous loop blocks the event loop.',
        location: { file: facts.path, line: loop.line, column: loop.column },
        fingerprintContent: `${loop.functionName}:${header}`,
      });
    }
  },
});

/**
 * Spinning: the body does nothing that waits and changes nothing (no assignment, only calls that
 * return at once), and the loop waits for something outside it (constant-true, or a condition on
 * names the body never changes). Loops on locals only are loops/no-stuck-condition's case.
 */
export function isBusySpin(loop: LoopFact): boolean {
  if (loop.waits.length > 0 || loop.assigns || loop.changed.length > 0) return false;
  // `while 1: break` runs once; `while (++i < n)` counts its way to the end.
  if (loop.exitsUnconditionally || conditionUpdatesItself(loop)) return false;
  if (!loop.calls.every((name) => NON_BLOCKING.has(name)) || !loop.conditionCalls.every((name) => NON_BLOCKING.has(name))) return false;
  if (loop.isConstantTrue) return true;
  if (loop.conditionNames.length === 0 && !loop.conditionHasCall) return false;
  const isLocalOnly = !loop.conditionHasCall && loop.conditionNames.length > 0 && loop.localNames.length === loop.conditionNames.length;
  return !isLocalOnly;
}
