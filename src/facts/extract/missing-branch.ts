import type { SourceLanguage } from '../../model/file-kind.js';
import { type Token, TokenKind } from '../../parsers/lexer/token.js';
import { boundedClosingIndex } from './call-arguments.js';
import { isName, isPunct } from './env-reads.js';

/** What the code runs when a value it tests is missing. */
export interface MissingBranch {
  /** It calls exit at its top level (`sys.exit(...)`, `process.exit(1)`): the process ends. */
  exits: boolean;
  /** It only reports and raises/throws at its top level (`raise RuntimeError("X is not set")`). */
  raises: boolean;
  /** It leaves the enclosing block (return, continue, break, raise, exit). */
  leaves: boolean;
  /** Index of the `if`. */
  ifIndex: number;
  /** Index of the first token after the branch. */
  end: number;
}

const STOPS = new Set(['raise', 'throw']);
const EXITS = new Set(['exit', '_exit', 'quit', 'abort']);
const LEAVES = new Set(['return', 'continue', 'break']);

/**
 * The branch run when the value at tokens [start, end) is missing: Python `if not X:`,
 * `if X is None:`; JS `if (!X)`, `if (X === undefined)` (or `== null`), `if (typeof X !== 'string')`.
 * Undefined when the value is not tested that way.
 */
export function missingBranch(language: SourceLanguage, tokens: readonly Token[], start: number, end: number): MissingBranch | undefined {
  return language === 'python' ? pythonBranch(tokens, start, end) : javascriptBranch(tokens, start, end);
}

function pythonBranch(tokens: readonly Token[], start: number, end: number): MissingBranch | undefined {
  const before = tokens[start - 1];
  const isNegated = isName(before, 'not') && isName(tokens[start - 2], 'if');
  const isNone = isName(before, 'if') && isName(tokens[end], 'is') && isName(tokens[end + 1], 'None');
  const colon = isNone ? end + 2 : end;
  if ((!isNegated && !isNone) || !isPunct(tokens[colon], ':')) return undefined;
  const ifIndex = isNone ? start - 1 : start - 2;
  const guard = tokens[ifIndex] as Token;
  const isBlock = tokens[colon + 1]?.kind === TokenKind.Newline;
  const first = colon + 1 + (isBlock ? 1 : 0);
  const walk = new BranchWalk();
  let index = first;
  let blockColumn = -1;
  let isNested = false;
  for (; index < tokens.length; index += 1) {
    const token = tokens[index] as Token;
    const startsLine = index === first || (isBlock && tokens[index - 1]?.kind === TokenKind.Newline);
    if (isBlock && startsLine && token.column <= guard.column) break;
    if (!isBlock && token.kind === TokenKind.Newline) {
      index += 1;
      break;
    }
    if (startsLine) {
      if (blockColumn === -1) blockColumn = token.column;
      // Deeper lines only come from compound statements (brackets continue a line without a Newline).
      isNested = token.column > blockColumn;
    }
    walk.visit(tokens, index, !isNested && token.depth === guard.depth, startsLine);
  }
  return walk.result(ifIndex, index);
}

function javascriptBranch(tokens: readonly Token[], start: number, end: number): MissingBranch | undefined {
  const before = tokens[start - 1];
  const after = tokens[end];
  let close = -1;
  if (isPunct(before, '!') && isPunct(after, ')')) close = end;
  const comparesTo = (values: readonly string[]): boolean => tokens[end + 1] !== undefined && values.includes((tokens[end + 1] as Token).value) && isPunct(tokens[end + 2], ')');
  if (isName(before, 'typeof') && (isPunct(after, '!==') || isPunct(after, '!=')) && tokens[end + 1]?.kind === TokenKind.String && isPunct(tokens[end + 2], ')')) close = end + 2;
  if (isPunct(before, '(') && (isPunct(after, '===') || isPunct(after, '==')) && comparesTo(['undefined', 'null'])) close = end + 2;
  const open = isPunct(before, '(') ? start - 1 : start - 2;
  if (close === -1 || !isPunct(tokens[open], '(') || !isName(tokens[open - 1], 'if')) return undefined;
  const bodyAt = close + 1;
  const body = tokens[bodyAt];
  if (body === undefined) return undefined;
  const blockClose = isPunct(body, '{') ? boundedClosingIndex(tokens, bodyAt) : -1;
  const statementDepth = blockClose === -1 ? body.depth : body.depth + 1;
  const first = blockClose === -1 ? bodyAt : bodyAt + 1;
  const walk = new BranchWalk();
  let index = first;
  for (; index < tokens.length; index += 1) {
    const token = tokens[index] as Token;
    if (blockClose !== -1 && index >= blockClose) {
      index = blockClose + 1;
      break;
    }
    if (blockClose === -1 && token.line > body.line) break;
    const isTop = token.depth === statementDepth;
    walk.visit(tokens, index, isTop, index === first || isPunct(tokens[index - 1], ';') || isPunct(tokens[index - 1], '}') || isPunct(tokens[index - 1], '{'));
    if (blockClose === -1 && isPunct(token, ';') && isTop) {
      index += 1;
      break;
    }
  }
  return walk.result(open - 1, index);
}

/** Statements that nest others, or declare: a branch holding one does more than report and stop. */
const COMPOUND = new Set(['if', 'elif', 'else', 'for', 'while', 'try', 'except', 'finally', 'with', 'def', 'class', 'async', 'match', 'switch', 'do', 'function', 'const', 'let', 'var']);

/**
 * Walks a branch's tokens. A branch raises (for this purpose) only when, at its top level, it
 * raises/throws and otherwise just reports (`print(...)`, `logger.error(...)`): a branch that assigns
 * or nests statements does its own work (`w = Warning(...); raise w` in a library, a raise inside a
 * try or a callback), and the missing variable is a normal case there. An exit call at the top level
 * ends the process whatever else the branch does.
 */
class BranchWalk {
  private exits = false;
  private raises = false;
  private leaves = false;
  private isPlain = true;

  visit(tokens: readonly Token[], at: number, isTop: boolean, startsStatement: boolean): void {
    const token = tokens[at] as Token;
    if (!isTop) {
      if (startsStatement || STOPS.has(token.value)) this.isPlain = false;
      return;
    }
    if (isPunct(token, '=')) this.isPlain = false;
    if (token.kind !== TokenKind.Name) return;
    if (startsStatement && COMPOUND.has(token.value)) this.isPlain = false;
    if (EXITS.has(token.value) && isPunct(tokens[at + 1], '(')) this.exits = true;
    if (STOPS.has(token.value)) this.raises = true;
    if (LEAVES.has(token.value) || this.exits || this.raises) this.leaves = true;
  }

  result(ifIndex: number, end: number): MissingBranch {
    return { exits: this.exits, raises: this.raises && this.isPlain, leaves: this.leaves, ifIndex, end };
  }
}

/**
 * The token at `index` runs only once the value is known to be there: after a branch that leaves
 * when it is missing (`if not X: return`), in the same block as its `if`.
 */
export function followsLeavingBranch(language: SourceLanguage, tokens: readonly Token[], branch: MissingBranch, index: number): boolean {
  if (!branch.leaves || index < branch.end) return false;
  const guard = tokens[branch.ifIndex] as Token;
  for (let cursor = branch.end; cursor <= index; cursor += 1) {
    const token = tokens[cursor] as Token;
    const leftBlock = language === 'python' ? tokens[cursor - 1]?.kind === TokenKind.Newline && token.column < guard.column : token.depth < guard.depth;
    if (leftBlock) return false;
  }
  return true;
}
