/**
 * Replaces every long string in a facts object with a copy of its own. V8 cuts substrings of 13
 * characters or more as views into the string they come from, so one env-read name, literal or
 * snippet taken from a file would keep the whole file's text (and its masked copy) alive for as
 * long as the facts live, and every garbage collection would copy it again. Facts outlive the text
 * by the whole audit. Iterative: facts nest a few levels, but nothing here recurses anyway.
 */
export function detachStrings(root: object): void {
  const stack: object[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as Record<string, unknown> | unknown[];
    if (Array.isArray(node)) {
      for (let index = 0; index < node.length; index += 1) {
        const value = node[index];
        if (typeof value === 'string') {
          if (value.length >= MIN_SLICE) node[index] = copyOf(value);
        } else if (value !== null && typeof value === 'object') stack.push(value);
      }
      continue;
    }
    for (const key in node) {
      const value = node[key];
      if (typeof value === 'string') {
        if (value.length >= MIN_SLICE) node[key] = copyOf(value);
      } else if (value !== null && typeof value === 'object') stack.push(value);
    }
  }
}

/** Shorter substrings are always copied by V8. */
const MIN_SLICE = 13;

/** A flat copy: the concatenation is flattened into a new string, and the slice points into that. */
function copyOf(value: string): string {
  return ` ${value}`.slice(1);
}
