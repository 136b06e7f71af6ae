/** A call in masked code: `self.session.get(` -> name `self.session.get`. */
export interface CallSite {
  /** Dotted name, whitespace and `?.` folded to `.`; starts with `.` for a method called on an expression (`fetch(u).then(`). */
  name: string;
  /** Offset of the name's first character. */
  start: number;
  /** Offset of the `(`. */
  paren: number;
  /** The name's last part (`get` for `self.session.get`), what most passes compare first. */
  last: string;
}

const NOT_CALLEES = new Set([
  'if', 'elif', 'while', 'for', 'return', 'not', 'and', 'or', 'in', 'is', 'lambda', 'yield', 'await', 'assert', 'del', 'import',
  'except', 'with', 'switch', 'catch', 'typeof', 'function', 'else', 'case', 'raise', 'throw', 'from', 'as', 'async', 'void',
  'instanceof', 'delete', 'of', 'new', 'print',
]);
const DEFINERS = new Set(['def', 'class', 'function', 'get', 'set', 'static', 'async']);

/**
 * Every call in masked code (strings and comments are already blank), found by jumping from `(` to
 * `(` and reading the dotted name before it. Definitions (`def f(`, `function f(`) are not calls.
 */
export function findCallSites(code: string): CallSite[] {
  const sites: CallSite[] = [];
  for (let paren = code.indexOf('('); paren !== -1; paren = code.indexOf('(', paren + 1)) {
    const site = callBefore(code, paren);
    if (site) sites.push(site);
  }
  return sites;
}

function callBefore(code: string, paren: number): CallSite | undefined {
  let end = paren - 1;
  while (end >= 0 && (code.charCodeAt(end) === 32 || code.charCodeAt(end) === 9)) end -= 1;
  if (end < 0 || !isNameChar(code.charCodeAt(end))) return undefined;
  let start = end;
  let hasSpace = false;
  while (start > 0) {
    const char = code.charCodeAt(start - 1);
    if (isNameChar(char) || char === 46) start -= 1;
    else if (char === 63 && code.charCodeAt(start) === 46) start -= 1;
    else if ((char === 32 || char === 10 || char === 9 || char === 13) && isChainGap(code, start)) {
      start -= 1;
      hasSpace = true;
    } else break;
  }
  let name = code.slice(start, end + 1);
  if (hasSpace) name = name.replace(/\s+/g, '');
  if (name.includes('?.')) name = name.replace(/\?\./g, '.');
  const first = name.charCodeAt(0);
  if (first >= 48 && first <= 57) return undefined;
  if (NOT_CALLEES.has(name)) return undefined;
  if (isDefinition(code, start)) return undefined;
  return { name, start, paren, last: lastPart(name) };
}

/** Whitespace before `start` inside a dotted chain (`client\n  .get(`) continues it only next to a dot. */
function isChainGap(code: string, start: number): boolean {
  if (code.charCodeAt(start) === 46) return true;
  let before = start - 1;
  while (before >= 0 && isSpace(code.charCodeAt(before))) before -= 1;
  return code.charCodeAt(before) === 46;
}

function isSpace(char: number): boolean {
  return char === 32 || char === 10 || char === 9 || char === 13;
}

function isDefinition(code: string, nameStart: number): boolean {
  let end = nameStart - 1;
  while (end >= 0 && (code.charCodeAt(end) === 32 || code.charCodeAt(end) === 9 || code.charCodeAt(end) === 42)) end -= 1;
  let start = end;
  while (start > 0 && isNameChar(code.charCodeAt(start - 1))) start -= 1;
  return end >= start && DEFINERS.has(code.slice(start, end + 1)) && code.charCodeAt(nameStart - 1) !== 46;
}

function isNameChar(char: number): boolean {
  return (char >= 97 && char <= 122) || (char >= 65 && char <= 90) || (char >= 48 && char <= 57) || char === 95 || char === 36 || char === 35 || char > 127;
}

/** The last part of a dotted name: `self.session.get` -> `get`. */
export function lastPart(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot === -1 ? name : name.slice(dot + 1);
}
