import type { LoopFact } from './code-types.js';
import type { Project } from './project.js';
import { isNonProductionPath } from './path-roles.js';
import type { FileFacts } from './types.js';

/**
 * Every loop fact of the project with its file and language family, outside tests: a test's loop
 * never runs in a deployment (tests of threading and the interpreter spin and hang on purpose).
 */
export function* loopsOf(project: Project): Generator<{ facts: FileFacts; loop: LoopFact; language: 'python' | 'javascript' }> {
  for (const facts of project.allFacts()) {
    const code = facts.source?.code;
    if (!code || isNonProductionPath(facts.path)) continue;
    const language = facts.kind === 'python' ? 'python' : 'javascript';
    for (const loop of code.loops) yield { facts, loop, language };
  }
}

/** The loop header as a reader would write it: `while True:`, `while (!ready)`, `for (;;)`. */
export function loopHeader(loop: LoopFact, language: 'python' | 'javascript'): string {
  if (language === 'python') return `while ${loop.condition}:`;
  if (loop.kind === 'for') return loop.condition ? `for (...; ${loop.condition}; ...)` : 'for (;;)';
  if (loop.kind === 'do-while') return `do { ... } while (${loop.condition})`;
  return `while (${loop.condition})`;
}

/** Where the loop is, for a message: "in read_item()" / "at module level". */
export function loopPlace(loop: LoopFact): string {
  return loop.functionName ? `in ${loop.functionName}()` : loop.scope === 'function' ? 'in an inline function' : 'at module level';
}

/** Calls that end by an exception when the other side goes away (WebSocket and stream receive loops). */
export function waitsOnPeer(loop: LoopFact): boolean {
  return loop.waits.some((name) => /^(?:receive\w*|recv\w*|iter_\w+|read\w*|accept|listen|get_message|consume|start_consuming)$/.test(name));
}

/** The condition moves on by itself: `++i < n`, `n-- > 0`, `(left -= step) > 0`. */
export function conditionUpdatesItself(loop: LoopFact): boolean {
  return /\+\+|--|[-+*/%&|^]=/.test(loop.condition);
}
