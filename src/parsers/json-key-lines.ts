import { decodeJsonString } from './json-string.js';

/**
 * Decides whether the lines of an object's keys are wanted. `path` is the keys leading to the
 * key (its own key last); it is a live stack: read it, never keep it.
 */
export type KeyLineFilter = (path: readonly string[]) => boolean;

const QUOTE = 34;
const BACKSLASH = 92;
const NEWLINE = 10;
const OPEN_OBJECT = 123;
const CLOSE_OBJECT = 125;
const OPEN_ARRAY = 91;
const CLOSE_ARRAY = 93;
const COLON = 58;
const COMMA = 44;

/**
 * The 1-based line of every object key the filter accepts, by its key path (NUL-joined), in one
 * linear pass over the text without building values: for big JSON files (a 30,000-entry
 * package-lock.json) whose values `JSON.parse` already gave. Arrays count as one path segment
 * (`[]`). Made for valid JSON; on anything else it stops caring and returns what it found.
 */
export function jsonKeyLines(text: string, isWanted: KeyLineFilter): Map<string, number> {
  const lines = new Map<string, number>();
  /** Per open container: its current key (arrays: '[]'), so at a key the stack is the key's path. */
  const path: string[] = [];
  /** Per open container: true for objects. */
  const isObject: boolean[] = [];
  let expectsKey = false;
  let line = 1;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code === NEWLINE) line += 1;
    else if (code === QUOTE) {
      const end = stringEnd(text, index);
      if (expectsKey) {
        path[path.length - 1] = decodeKey(text, index, end);
        if (isWanted(path)) lines.set(path.join('\u0000'), line);
        expectsKey = false;
      }
      index = end;
    } else if (code === OPEN_OBJECT || code === OPEN_ARRAY) {
      isObject.push(code === OPEN_OBJECT);
      path.push(code === OPEN_OBJECT ? '' : '[]');
      expectsKey = code === OPEN_OBJECT;
    } else if (code === CLOSE_OBJECT || code === CLOSE_ARRAY) {
      isObject.pop();
      path.pop();
      expectsKey = false;
    } else if (code === COMMA) expectsKey = isObject[isObject.length - 1] === true;
    else if (code === COLON) expectsKey = false;
  }
  return lines;
}

/** Index of the closing quote of the string opening at `start` (or the text's end). */
function stringEnd(text: string, start: number): number {
  let index = start + 1;
  for (;;) {
    const quote = text.indexOf('"', index);
    if (quote === -1) return text.length;
    let backslashes = 0;
    while (text.charCodeAt(quote - 1 - backslashes) === BACKSLASH) backslashes += 1;
    if (backslashes % 2 === 0) return quote;
    index = quote + 1;
  }
}

function decodeKey(text: string, start: number, end: number): string {
  return decodeJsonString(text.slice(start + 1, end));
}
