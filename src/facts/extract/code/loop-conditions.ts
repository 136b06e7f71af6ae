import type { LoopFact } from '../../code-types.js';

/** A loop fact with its header known and its body not yet read. */
export function newLoopFact(header: Pick<LoopFact, 'kind' | 'line' | 'column' | 'endLine' | 'condition' | 'isConstantTrue' | 'functionName' | 'functionIndex' | 'scope'>, parts: { names: string[]; hasCall: boolean; calls: string[] }): LoopFact {
  return {
    ...header,
    conditionNames: header.isConstantTrue ? [] : parts.names,
    conditionHasCall: parts.hasCall,
    conditionCalls: parts.calls,
    exits: [],
    waits: [],
    changed: [],
    localNames: [],
    assigns: false,
    calls: [],
  };
}

const NAME = /[A-Za-z_$][\w$]*(?:\s*\.\s*[A-Za-z_$][\w$]*)*/g;
/** Builtins whose result depends only on their arguments: calling them does not make a condition change. */
const PURE_CALLS = new Set(['len', 'abs', 'min', 'max', 'int', 'float', 'str', 'bool', 'isinstance', 'Math.min', 'Math.max', 'Math.abs', 'Number', 'String', 'Boolean']);

/** The plain names/attributes a loop condition reads, and whether it calls anything. */
export function conditionParts(condition: string, keywords: ReadonlySet<string>): { names: string[]; hasCall: boolean; calls: string[] } {
  const names = new Set<string>();
  const calls = new Set<string>();
  // `while (i--)`, `while (line = read())`, `while (x := next())`: the condition changes itself.
  let hasCall = /\+\+|--|:=|[^=!<>]=[^=]/.test(condition);
  for (let match = NAME.exec(condition); match; match = NAME.exec(condition)) {
    const name = match[0].replace(/\s+/g, '');
    const after = condition.slice(match.index + match[0].length).trimStart();
    if (after.startsWith('(')) {
      if (!PURE_CALLS.has(name)) {
        hasCall = true;
        calls.add(name.slice(name.lastIndexOf('.') + 1));
      }
      continue;
    }
    const before = condition.charAt(match.index - 1);
    if (before === '.' || /^\d/.test(name) || keywords.has(name)) continue;
    names.add(name);
  }
  return { names: [...names], hasCall, calls: [...calls] };
}

const RECEIVERS = new Set(['self', 'this', 'cls']);

const ASSIGN_AFTER = /^\s*(?:=(?!=)|(?:\+|-|\*|\/|\/\/|%|\*\*|>>|<<|&|\^|\||@|\?\?|&&|\|\|)=|\+\+|--|:=)/;
const CHANGE_BEFORE = /(?:\bdel|\bfor|\bas|\bglobal|\bnonlocal|\+\+|--|\blet|\bvar|\bconst)\s*$/;

/**
 * Which of `names` the body may change: assigned (`x = `, `x += `, `x++`), rebound (`for x in`,
 * `as x`, `del x`), mutated through a method (`queue.pop()`) or an item (`x[0] = `), handed to a call
 * (`drain(queue)`), or unpacked into (`a, x = ...`).
 */
export function changedNames(body: string, names: readonly string[], language: 'python' | 'javascript', scalars: ReadonlySet<string> = new Set(), before = ''): string[] {
  const changed: string[] = [];
  for (const name of names) {
    const isScalar = scalars.has(name);
    if (isCalledThroughAlias(body, before, name)) {
      changed.push(name);
      continue;
    }
    // `self.stream.current` changes when `self.stream` is advanced or handed to a call, and
    // `pending.length` when `pending.push()` runs: check each prefix too (not a bare self/this/cls,
    // whose every method call would count).
    const parts = name.split('.');
    const prefixes = parts.slice(0, -1).map((_, index) => parts.slice(0, index + 1).join('.')).filter((prefix) => !RECEIVERS.has(prefix));
    if (prefixes.some((prefix) => isMutated(body, prefix))) {
      changed.push(name);
      continue;
    }
    // Cheap first: the body must hold the name's last part at all.
    if (!body.includes(parts[parts.length - 1] as string)) continue;
    const pattern = new RegExp(`(?<![\\w$.])${name.replace(/[.$]/g, (char) => `\\${char}`).replace(/\\\./g, '\\s*\\.\\s*')}(?![\\w$])`, 'g');
    for (let match = pattern.exec(body); match; match = pattern.exec(body)) {
      if (isChangeAt(body, match.index, match.index + match[0].length, language, isScalar)) {
        changed.push(name);
        break;
      }
    }
  }
  return changed;
}

function isChangeAt(body: string, start: number, end: number, language: 'python' | 'javascript', isScalar: boolean): boolean {
  const after = body.slice(end, end + 80);
  if (ASSIGN_AFTER.test(after)) return true;
  if (/^\s*\.\s*[A-Za-z_$][\w$]*\s*\(/.test(after)) return true;
  if (/^\s*\[[^\]\n]*\]\s*(?:=(?!=)|[-+*/%|&^]=)/.test(after)) return true;
  // `pos[part].append({})`: a method called on an item of it.
  if (/^\s*\[[^\]\n]*\]\s*\.\s*[A-Za-z_$][\w$]*\s*\(/.test(after)) return true;
  const before = body.slice(Math.max(0, start - 40), start);
  if (CHANGE_BEFORE.test(before)) return true;
  // An argument of a call: `drain(queue)`, `f(a, queue)` (a number or string passed along cannot change).
  if (!isScalar && /[(,]\s*\*{0,2}$/.test(before) && isInsideCall(body, start)) return true;
  // Tuple targets: `a, x = pair()` (Python) or `[a, x] = pair()` (JS), and Python's `(p, x) = (x, p % x)`.
  const lineEnd = body.indexOf('\n', end);
  const rest = body.slice(end, lineEnd === -1 ? body.length : lineEnd);
  if (!/^[^=]*[^=!<>]=(?!=)/.test(rest)) return false;
  if (/^\s*[,\]]/.test(rest)) return language === 'javascript' || !rest.trimStart().startsWith(']');
  return language === 'python' && /^\s*\)/.test(rest) && /^\s*\(/.test(body.slice(body.lastIndexOf('\n', start) + 1, start));
}

/** `pop = stack.pop` before the loop and `pop()` in it: the method runs through its alias. */
function isCalledThroughAlias(body: string, before: string, name: string): boolean {
  if (!before || name.includes('.') || !before.includes(name)) return false;
  // Found from the method reference (`= stack.pop` at a line's end), then the name it is bound to.
  const references = before.matchAll(new RegExp(`=\\s*${escapeName(name)}\\s*\\.\\s*[A-Za-z_$][\\w$]*\\s*(?:$|[;\\n])`, 'gm'));
  for (const reference of references) {
    const alias = /([A-Za-z_$][\w$]*)\s*$/.exec(before.slice(Math.max(0, reference.index - 200), reference.index))?.[1];
    if (alias !== undefined && new RegExp(`(?<![\\w$.])${escapeName(alias)}\\s*\\(`).test(body)) return true;
  }
  return false;
}

/** A method called on `name`, or `name` handed to a call: `self.stream.advance()`, `next(self.stream)`. */
function isMutated(body: string, name: string): boolean {
  const escaped = name.replace(/[.$]/g, (char) => `\\${char}`);
  return new RegExp(`(?<![\\w$.])${escaped}\\s*\\.\\s*[A-Za-z_$][\\w$]*\\s*\\(|[(,]\\s*${escaped}\\s*[),]`).test(body);
}

/** Calls that read their arguments and never change them. */
const READ_ONLY_CALLEES = /^(?:print|len|str|repr|int|float|bool|format|abs|min|max|round|isinstance|type|id|hash|sorted|console\.\w+|(?:\w+\.)*(?:debug|info|warning|warn|error|log|exception|critical)|JSON\.stringify|String|Number|Boolean|parseInt|parseFloat)$/;

/** True when the nearest unclosed bracket before `at` is a call's `(`. */
function isInsideCall(body: string, at: number): boolean {
  let depth = 0;
  for (let pos = at - 1; pos >= 0 && at - pos < 400; pos -= 1) {
    const char = body.charCodeAt(pos);
    if (char === 41 || char === 93 || char === 125) depth += 1;
    else if (char === 40 || char === 91 || char === 123) {
      if (depth !== 0) {
        depth -= 1;
        continue;
      }
      const callee = /([\w$.]+)\s*$/.exec(body.slice(Math.max(0, pos - 60), pos))?.[1];
      return char === 40 && callee !== undefined && !READ_ONLY_CALLEES.test(callee);
    }
  }
  return false;
}

const ASSIGNMENT = /[^=!<>:]=(?!=)|[-+*/%&|^]=|\+\+|--|\bdel\s|:=/;

/** True when the code assigns or updates anything (keyword arguments count, which only hides findings). */
export function hasAssignment(body: string): boolean {
  return ASSIGNMENT.test(body);
}

function escapeName(name: string): string {
  return name.replace(/\$/g, '\\$');
}

/**
 * Condition names that are locals of the enclosing function: parameters or assigned in it before
 * the loop, never declared `global`/`nonlocal`, never assigned inside a nested function (a closure
 * could change them).
 */
export function localNamesOf(names: readonly string[], parameters: string, bodyBefore: string, nestedBodies: readonly string[], language: 'python' | 'javascript'): string[] {
  return names.filter((name) => {
    if (name.includes('.') || !(parameters.includes(name) || bodyBefore.includes(name))) return false;
    const word = escapeName(name);
    const declared =
      new RegExp(`(?:^|[^\\w$.])${word}(?![\\w$])`).test(parameters) ||
      (language === 'python'
        ? new RegExp(`(?:^|\\n)[ \\t]*${word}\\s*(?::[^=\\n]+)?=(?!=)|\\bfor\\s+${word}\\s+in\\b|\\bas\\s+${word}\\b`).test(bodyBefore)
        : new RegExp(`\\b(?:let|const|var)\\s+(?:[^;=]*[{,[]\\s*)?${word}(?![\\w$])`).test(bodyBefore));
    if (!declared) return false;
    if (language === 'python' && new RegExp(`\\b(?:global|nonlocal)\\b[^\\n]*\\b${word}\\b`).test(bodyBefore + nestedBodies.join('\n'))) return false;
    // A closure that assigns it, an item of it (`done[0] += 1`) or calls a method on it changes it too.
    const nestedUses = nestedBodies.filter((body) => body.includes(name));
    if (nestedUses.length === 0) return true;
    const assigned = new RegExp(`(?<![\\w$.])${word}(?:\\s*\\[[^\\]\\n]*\\])*\\s*(?:[-+*/%&|^]?=(?!=)|\\+\\+|--)|(?:\\+\\+|--)\\s*${word}(?![\\w$])|(?<![\\w$.])${word}(?:\\s*\\[[^\\]\\n]*\\])*\\s*\\.\\s*[A-Za-z_$][\\w$]*\\s*\\(`);
    return !nestedUses.some((body) => assigned.test(body));
  });
}

/** Names initialized with a number, string, boolean or None/null literal: immutable values. */
export function scalarNames(names: readonly string[], bodyBefore: string): Set<string> {
  const scalars = new Set<string>();
  for (const name of names) {
    if (name.includes('.') || !bodyBefore.includes(name)) continue;
    const word = escapeName(name);
    if (new RegExp(`(?<![\\w$.])${word}\\s*(?::[^=\\n]+)?=\\s*(?:-?\\d|["'\`]|True\\b|False\\b|None\\b|true\\b|false\\b|null\\b)`).test(bodyBefore)) scalars.add(name);
  }
  return scalars;
}
