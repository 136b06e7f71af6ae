import { type Brackets, matchBrackets, openOf } from './brackets.js';
import type { MaskedSource } from './masked-source.js';

export type JsBlockKind =
  | 'function'
  | 'arrow'
  | 'method'
  | 'class'
  | 'if'
  | 'else'
  | 'for'
  | 'while'
  | 'do'
  | 'switch'
  | 'try'
  | 'catch'
  | 'finally'
  | 'object'
  | 'block'
  | 'other';

/** A `{...}` of JS/TS code and what owns it. */
export interface JsBlock {
  kind: JsBlockKind;
  open: number;
  /** Offset of the closing brace (the text length when it never closes). */
  close: number;
  /** Where the construct starts: the `function`/`async` keyword, an arrow's parameters, a method's name, `if`... */
  start: number;
  name: string | undefined;
  /** The `(` of a function's parameters or a control statement's condition. */
  paren: number | undefined;
  isAsync: boolean;
  /** Index of the enclosing block, -1 at module level. */
  parent: number;
}

export interface JavaScriptStructure {
  blocks: JsBlock[];
  brackets: Brackets;
}

const CONTROL = new Set(['if', 'for', 'while', 'switch', 'catch', 'with']);
const BARE = new Set(['else', 'try', 'finally', 'do', 'catch']);
const NOT_METHOD = new Set(['function', 'return', 'typeof', 'new', 'await', 'yield', 'in', 'of', 'delete', 'void', 'super', 'import']);
const OBJECT_BEFORE = new Set([61, 58, 44, 40, 91, 63, 124, 38, 33, 43, 45, 42, 37, 60, 94, 126]);

/** Brace blocks of masked JS/TS code, classified by what precedes each `{`. Iterative and linear. */
export function buildJavaScriptStructure(masked: MaskedSource): JavaScriptStructure {
  const code = masked.code;
  const brackets = matchBrackets(code);
  const blocks: JsBlock[] = [];
  const open: number[] = [];
  brackets.opens.forEach((at, index) => {
    if (code.charCodeAt(at) !== 123) return;
    const close = brackets.closes[index] as number;
    while (open.length > 0 && (blocks[open[open.length - 1] as number] as JsBlock).close < at) open.pop();
    const block = classify(code, brackets, at);
    block.close = close === -1 ? code.length : close;
    block.parent = open.length > 0 ? (open[open.length - 1] as number) : -1;
    blocks.push(block);
    open.push(blocks.length - 1);
  });
  return { blocks, brackets };
}

/** Every block has the same fields in the same order: one object shape, so reads of blocks stay fast. */
function newBlock(kind: JsBlockKind, open: number, start: number, name: string | undefined, paren: number | undefined, isAsync: boolean): JsBlock {
  return { kind, open, close: -1, start, name, paren, isAsync, parent: -1 };
}

export function isFunctionBlock(block: JsBlock): boolean {
  return block.kind === 'function' || block.kind === 'arrow' || block.kind === 'method';
}

function classify(code: string, brackets: Brackets, brace: number): JsBlock {
  const block = newBlock('block', brace, brace, undefined, undefined, false);
  const before = previousSignificant(code, brace - 1);
  if (before < 0) return block;
  const char = code.charCodeAt(before);
  if (char === 62 && code.charCodeAt(before - 1) === 61) return arrowBlock(code, brackets, block, before - 1);
  if (char === 41) return parenBlock(code, brackets, block, before);
  const returnType = returnTypeParen(code, brace, brackets);
  if (returnType !== -1) return parenBlock(code, brackets, block, returnType);
  if (isIdent(char)) {
    const word = wordEndingAt(code, before);
    if (BARE.has(word)) return newBlock(word as JsBlockKind, brace, before - word.length + 1, undefined, undefined, false);
    if (word === 'return') return newBlock('object', brace, brace, undefined, undefined, false);
    const classAt = lastIndexOfWord(code, 'class', before, brace - 400);
    if (classAt !== -1 && !/[;{}()=]/.test(code.slice(classAt, brace))) return newBlock('class', brace, classAt, namedAfter(code, classAt + 5), undefined, false);
    return newBlock('other', brace, brace, undefined, undefined, false);
  }
  if (OBJECT_BEFORE.has(char)) return newBlock('object', brace, brace, undefined, undefined, false);
  return block;
}

function parenBlock(code: string, brackets: Brackets, block: JsBlock, closeParen: number): JsBlock {
  const paren = openOf(brackets, closeParen);
  if (paren === -1) return newBlock('other', block.open, block.start, undefined, undefined, false);
  let nameEnd = previousSignificant(code, paren - 1);
  if (nameEnd >= 0 && code.charCodeAt(nameEnd) === 62) nameEnd = skipTypeParameters(code, nameEnd);
  const word = nameEnd >= 0 && isIdent(code.charCodeAt(nameEnd)) ? wordEndingAt(code, nameEnd) : '';
  const wordStart = nameEnd - word.length + 1;
  if (CONTROL.has(word)) return newBlock(word === 'with' ? 'block' : (word as JsBlockKind), block.open, wordStart, undefined, paren, false);
  if (word === 'function' || (nameEnd >= 0 && code.charCodeAt(nameEnd) === 42)) return functionBlock(code, block, nameEnd, '', paren);
  if (word && !NOT_METHOD.has(word)) {
    const beforeName = previousSignificant(code, wordStart - 1);
    const isFunctionKeyword = beforeName >= 0 && (wordEndingAt(code, beforeName) === 'function' || code.charCodeAt(beforeName) === 42);
    if (isFunctionKeyword) return functionBlock(code, block, beforeName, word, paren);
    const modifiers = /(?:\basync\s+)?(?:\*\s*)?$/.exec(code.slice(Math.max(0, wordStart - 12), wordStart))?.[0] ?? '';
    return newBlock('method', block.open, wordStart, word.replace(/^#/, ''), paren, modifiers.includes('async'));
  }
  return newBlock('other', block.open, block.start, undefined, undefined, false);
}

function functionBlock(code: string, block: JsBlock, keywordEnd: number, name: string, paren: number): JsBlock {
  let start = keywordEnd;
  while (start > 0 && code.charCodeAt(start) !== 102 && keywordEnd - start < 12) start -= 1;
  const before = code.slice(Math.max(0, start - 10), start);
  const isAsync = /\basync\s*$/.test(before);
  const assigned = name ? '' : assignedName(code, start - (isAsync ? before.length - before.search(/async\s*$/) : 0));
  return newBlock('function', block.open, start, name || assigned || undefined, paren, isAsync);
}

function arrowBlock(code: string, brackets: Brackets, block: JsBlock, arrow: number): JsBlock {
  let paramsEnd = previousSignificant(code, arrow - 1);
  if (paramsEnd < 0) return block;
  let start = paramsEnd;
  let paren: number | undefined;
  if (code.charCodeAt(paramsEnd) !== 41) {
    const typed = returnTypeParen(code, arrow, brackets);
    if (typed !== -1) paramsEnd = typed;
  }
  if (code.charCodeAt(paramsEnd) === 41) {
    paren = openOf(brackets, paramsEnd);
    start = paren === -1 ? paramsEnd : paren;
  } else if (isIdent(code.charCodeAt(paramsEnd))) {
    start = paramsEnd - wordEndingAt(code, paramsEnd).length + 1;
  }
  const asyncMatch = /\basync\s*$/.exec(code.slice(Math.max(0, start - 10), start));
  if (asyncMatch) start -= asyncMatch[0].length;
  const name = assignedName(code, start);
  return newBlock('arrow', block.open, start, name || undefined, paren !== undefined && paren !== -1 ? paren : undefined, asyncMatch !== null);
}

/** `const name = <here>`, `name: <here>`, `this.name = <here>`, `name: Type = <here>` -> name; '' otherwise. */
function assignedName(code: string, start: number): string {
  let pos = previousSignificant(code, start - 1);
  const operator = code.charCodeAt(pos);
  if (operator !== 61 && operator !== 58) return '';
  if (operator === 61 && /[=!<>+\-*/%&|^]/.test(code.charAt(pos - 1))) return '';
  pos = previousSignificant(code, pos - 1);
  if (operator === 61) {
    // `name: Type = value`: step over a simple type annotation.
    const typeColon = code.lastIndexOf(':', pos);
    if (typeColon !== -1 && pos - typeColon < 80 && /^[\s\w$.<>[\]|&,'"?]*$/.test(code.slice(typeColon + 1, pos + 1)) && isIdent(code.charCodeAt(previousSignificant(code, typeColon - 1)))) {
      pos = previousSignificant(code, typeColon - 1);
    }
  }
  if (pos < 0 || !isIdent(code.charCodeAt(pos))) return '';
  const word = wordEndingAt(code, pos);
  return /^[A-Za-z_$#]/.test(word) && !NOT_METHOD.has(word) ? word.replace(/^#/, '') : '';
}

function namedAfter(code: string, from: number): string | undefined {
  const match = /^\s+([A-Za-z_$][\w$]*)/.exec(code.slice(from, from + 80));
  return match ? (match[1] as string) : undefined;
}

/** `): ReturnType {` or `): T =>`: the `)` before a TypeScript return type, or -1. */
function returnTypeParen(code: string, until: number, brackets: Brackets): number {
  const limit = Math.max(0, until - 300);
  let pos = until - 1;
  while (pos >= limit) {
    const char = code.charCodeAt(pos);
    // An object or tuple type (`): { a?: T } | undefined {`, `): [A, B][] =>`): step over it whole.
    if (char === 125 || char === 93) {
      const open = openOf(brackets, pos);
      if (open === -1) return -1;
      pos = open - 1;
      continue;
    }
    // ; { ( ) = end the search: outside those groups, a type annotation holds none of them.
    if (char === 59 || char === 123 || char === 40 || char === 41 || char === 61) return -1;
    if (char === 58) break;
    pos -= 1;
  }
  // Nothing between `:` and here: this brace opens the return type itself, not the body.
  if (pos < limit || previousSignificant(code, until - 1) === pos) return -1;
  const paren = previousSignificant(code, pos - 1);
  return paren >= 0 && code.charCodeAt(paren) === 41 ? paren : -1;
}

/** From the `>` ending `<T, U>`, the offset before the matching `<` (only the simple, flat case). */
function skipTypeParameters(code: string, close: number): number {
  let depth = 0;
  for (let pos = close; pos >= 0 && close - pos < 200; pos -= 1) {
    const char = code.charCodeAt(pos);
    if (char === 62) depth += 1;
    else if (char === 60) {
      depth -= 1;
      if (depth === 0) return previousSignificant(code, pos - 1);
    }
  }
  return close;
}

export function previousSignificant(code: string, from: number): number {
  let pos = from;
  while (pos >= 0) {
    const char = code.charCodeAt(pos);
    if (char !== 32 && char !== 10 && char !== 9 && char !== 13) return pos;
    pos -= 1;
  }
  return -1;
}

export function wordEndingAt(code: string, end: number): string {
  let start = end;
  while (start > 0 && isIdent(code.charCodeAt(start - 1))) start -= 1;
  if (start > 0 && code.charCodeAt(start - 1) === 35) start -= 1;
  return code.slice(start, end + 1);
}

function lastIndexOfWord(code: string, word: string, from: number, limit: number): number {
  const start = Math.max(0, limit);
  const relative = code.slice(start, from + 1).lastIndexOf(word);
  if (relative === -1) return -1;
  const at = start + relative;
  if (isIdent(code.charCodeAt(at - 1)) || isIdent(code.charCodeAt(at + word.length))) return -1;
  return at;
}

export function isIdent(char: number): boolean {
  return (char >= 97 && char <= 122) || (char >= 65 && char <= 90) || (char >= 48 && char <= 57) || char === 95 || char === 36 || char > 127;
}
