import type { ExceptionInfo } from '../event.js';
import { findEmbeddedError, parseErrorLine } from './error-line.js';
import { NodeStack } from './node-stack.js';
import { PythonTraceback, TRACEBACK_START } from './python-traceback.js';

/** A stack trace held in one string (a JSON record's `err.stack` or `exception`), as an exception chain. */
export function parseStackText(text: string): ExceptionInfo[] {
  const lines = text.split(/\r?\n/, 2000);
  const start = lines.findIndex((line) => line.trim() === TRACEBACK_START);
  if (start !== -1) {
    const traceback = new PythonTraceback();
    for (const line of lines.slice(start + 1)) if (traceback.push(line) === 'done') break;
    return traceback.finish();
  }
  const first = lines[0] ?? '';
  const head = parseErrorLine(first) ?? findEmbeddedError(first) ?? { type: 'Error', message: first.trim() };
  const stack = new NodeStack(head);
  for (const line of lines.slice(1)) if (stack.push(line) === 'done') break;
  return stack.finish();
}
