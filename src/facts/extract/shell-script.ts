import { posix } from 'node:path';
import { type Token, TokenKind } from '../../parsers/lexer/token.js';
import type { ShellCommandFact, ShellScriptFacts } from '../types.js';

/**
 * The structure of a shell script that the script checks need, from its tokens: each simple
 * command (program, arguments, `exec`, `&`, whether a failure is handled), which commands end the
 * script's main flow, `set -e/-u/-o pipefail` and `trap`. Knows if/while/for/case, functions,
 * brace groups, subshells, redirections and heredocs; linear, no recursion.
 */

type FrameKind = 'if' | 'loop' | 'case' | 'group' | 'function';

const PREFIXES = new Set(['exec', 'nohup', 'command', 'env', 'time', 'nice', 'sudo', 'builtin', 'setsid', 'stdbuf']);
const SEPARATORS = new Set(['\n', '', ';', '&', '&&', '||', '|', '|&', ';;']);
const REDIRECTS = new Set(['>', '>>', '<', '<<', '>&', '<&', '&>']);
const MAX_COMMANDS = 5000;

interface WalkState {
  words: Token[];
  stack: FrameKind[];
  commands: ShellCommandFact[];
  statement: number;
  /** Words to drop until the command separator (a `for x in ...` list) or, for `case WORD in`, until `in`. */
  skipClause: boolean;
  /** Inside `case`, between `in` or `;;` and the `)` that ends a pattern (`web|api)`). */
  inPattern: boolean;
  pendingFunction: boolean;
}

/** Evidence lines kept for a script: its first commands (strict-mode findings point at one) and every kill or tail command. */
const EVIDENCE_COMMANDS = 200;
const KILLERS = new Set(['kill', 'pkill', 'killall', 'killall5']);

export function extractShellScript(text: string, tokens: readonly Token[], evidenceLines?: Set<number>): ShellScriptFacts {
  const state: WalkState = { words: [], stack: [], commands: [], statement: 0, skipClause: false, inPattern: false, pendingFunction: false };
  const heredocs: string[] = [];
  for (let index = 0; index < tokens.length; index += 1) {
    const token = tokens[index] as Token;
    if (heredocs.length > 0 && token.kind === TokenKind.Newline) {
      index = skipHeredocBodies(tokens, index, heredocs);
      finish(state, '\n');
      continue;
    }
    if (state.inPattern) {
      walkPattern(state, token);
      continue;
    }
    if (state.skipClause && token.kind !== TokenKind.Newline && token.kind !== TokenKind.Punct) {
      skipClauseWord(state, token.value);
      continue;
    }
    if (token.kind === TokenKind.Newline || (token.kind === TokenKind.Punct && SEPARATORS.has(token.value))) {
      finish(state, token.value);
      if (token.value === ';;' && state.stack[state.stack.length - 1] === 'case') state.inPattern = true;
      continue;
    }
    if (token.kind === TokenKind.Punct && REDIRECTS.has(token.value)) {
      const target = tokens[index + 1];
      const delimiter = target?.value === '-' ? tokens[index + 2] : target; // `<<- EOF`
      if (token.value === '<<' && delimiter) heredocs.push(delimiter.value.replace(/^-/, ''));
      const previous = state.words[state.words.length - 1];
      if (previous && /^\d$/.test(previous.value) && previous.end === token.start) state.words.pop(); // `2>&1`
      if (target && target.kind !== TokenKind.Punct && target.kind !== TokenKind.Newline) index += 1;
      continue;
    }
    if (token.kind === TokenKind.Punct) {
      walkParen(state, token.value);
      continue;
    }
    if (state.words.length === 0 && walkReservedWord(state, token.value)) continue;
    state.words.push(token);
  }
  finish(state, '');
  markTail(state.commands);
  state.commands.forEach((command, index) => {
    if (index < EVIDENCE_COMMANDS || command.isTail || KILLERS.has(command.program)) evidenceLines?.add(command.line);
  });
  return { shebang: shebangOf(text), commands: state.commands, ...strictMode(text, state.commands), trapsTerm: state.commands.some(isTermTrap) };
}

/** `case WORD in`: the header ends at `in`; `function name {` / `function name()`: the body starts at `{`. */
function skipClauseWord(state: WalkState, word: string): void {
  const frame = state.stack[state.stack.length - 1];
  if (frame === 'case' && word === 'in') {
    state.skipClause = false;
    state.inPattern = true;
  } else if (state.pendingFunction && word === '{') {
    state.skipClause = false;
    walkReservedWord(state, '{');
  }
}

/** A case pattern (`web|api)`, `(worker)`, `*)`) up to its `)`; `esac` may come instead. */
function walkPattern(state: WalkState, token: Token): void {
  if (token.kind === TokenKind.Punct && token.value === ')') state.inPattern = false;
  else if (token.value === 'esac' && token.kind !== TokenKind.Punct) {
    state.inPattern = false;
    closeFrame(state);
  }
}

/** `(` opens a subshell, or is half of `name()` in a function definition; `)` closes it or ends a `case` pattern. */
function walkParen(state: WalkState, value: string): void {
  if (value === '(') {
    if (state.words.length === 1) {
      state.words = [];
      state.pendingFunction = true;
    } else if (state.words.length === 0 && !state.pendingFunction) state.stack.push('group');
    return;
  }
  if (value !== ')') return;
  if (state.pendingFunction && state.words.length === 0) return;
  finish(state, ')');
  closeFrame(state);
}

/** Keywords that open, continue or close a construct at the start of a command. */
function walkReservedWord(state: WalkState, word: string): boolean {
  switch (word) {
    case 'if':
    case 'while':
    case 'until':
      openFrame(state, word === 'if' ? 'if' : 'loop');
      return true;
    case 'for':
    case 'select':
      openFrame(state, 'loop');
      state.skipClause = true;
      return true;
    case 'case':
      openFrame(state, 'case');
      state.skipClause = true;
      return true;
    case '{':
      openFrame(state, state.pendingFunction ? 'function' : 'group');
      state.pendingFunction = false;
      return true;
    case 'function':
      state.skipClause = true;
      state.pendingFunction = true;
      return true;
    case 'then':
    case 'do':
    case 'else':
    case 'elif':
    case '!':
      markBranchEnd(state, word === 'else' || word === 'elif');
      return true;
    case 'fi':
    case 'done':
    case 'esac':
    case '}':
      markBranchEnd(state, true);
      closeFrame(state);
      return true;
    default:
      return false;
  }
}

function openFrame(state: WalkState, kind: FrameKind): void {
  if (state.stack.length === 0) state.statement += 1;
  state.stack.push(kind);
}

function closeFrame(state: WalkState): void {
  state.stack.pop();
}

function markBranchEnd(state: WalkState, isEnd: boolean): void {
  const last = state.commands[state.commands.length - 1];
  if (isEnd && last && last.depth > 0) last.endsBranch = true;
}

/** Records the words gathered so far as one simple command ended by `terminator`. */
function finish(state: WalkState, terminator: string): void {
  if (state.skipClause && state.stack[state.stack.length - 1] !== 'case' && !state.pendingFunction) state.skipClause = false;
  const words = state.words;
  state.words = [];
  recordCommand(state, words, terminator);
  if (terminator === ';;') markBranchEnd(state, true);
}

function recordCommand(state: WalkState, words: Token[], terminator: string): void {
  let start = 0;
  let isExec = false;
  while (start < words.length) {
    const value = (words[start] as Token).value;
    if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(value) || (PREFIXES.has(value) && words.length > start + 1)) {
      if (value === 'exec') isExec = true;
      start += 1;
    } else break;
  }
  const head = words[start];
  if (!head || state.commands.length >= MAX_COMMANDS) return;
  if (state.stack.length === 0) state.statement += 1;
  const command: ShellCommandFact = {
    program: posix.basename(head.value),
    args: words.slice(start + 1, start + 41).map((word) => word.value),
    line: (words[0] as Token).line,
    column: (words[0] as Token).column,
    depth: state.stack.length,
    statement: state.statement,
    terminator,
  };
  if (isExec || head.value === 'exec') command.isExec = true;
  if (terminator === '&') command.isBackground = true;
  if (state.stack.includes('loop')) command.inLoop = true;
  if (state.stack.includes('function')) command.inFunction = true;
  state.commands.push(command);
}

/** After a `<<` line: skips every body up to its delimiter line; returns the index of the last skipped token. */
function skipHeredocBodies(tokens: readonly Token[], newline: number, heredocs: string[]): number {
  let index = newline;
  while (heredocs.length > 0 && index + 1 < tokens.length) {
    const delimiter = heredocs[0];
    const next = tokens[index + 1] as Token;
    const isDelimiterLine = next.value === delimiter && tokens[index + 2]?.kind === TokenKind.Newline;
    index += 1;
    if (isDelimiterLine) {
      heredocs.shift();
      index += 1;
    }
  }
  heredocs.length = 0;
  return index;
}

/** The commands that end the main flow: the last one outside functions, and the other branches of the construct it closes. */
function markTail(commands: ShellCommandFact[]): void {
  const main = commands.filter((command) => !command.inFunction);
  const last = main[main.length - 1];
  if (!last || last.inLoop) return;
  last.isTail = true;
  if (last.depth === 0) return;
  for (const command of main) {
    if (command.statement === last.statement && command.endsBranch && !command.inLoop) command.isTail = true;
  }
}

function shebangOf(text: string): string | undefined {
  if (!text.startsWith('#!')) return undefined;
  const end = text.indexOf('\n');
  return text.slice(2, end === -1 ? text.length : end).trim();
}

/** Lines where `set -e`, `set -u` and `set -o pipefail` take effect (shebang flags count as line 1). */
function strictMode(text: string, commands: readonly ShellCommandFact[]): Pick<ShellScriptFacts, 'errexit' | 'nounset' | 'pipefail'> {
  const result: Pick<ShellScriptFacts, 'errexit' | 'nounset' | 'pipefail'> = {};
  const shebangFlags = /^#!\S+(?:[ \t]+[^\s-]\S*)?[ \t]+-([a-z]+)/.exec(text.slice(0, 200))?.[1] ?? '';
  if (shebangFlags.includes('e')) result.errexit = 1;
  if (shebangFlags.includes('u')) result.nounset = 1;
  for (const command of commands) {
    if (command.program !== 'set' || command.inFunction) continue;
    command.args.forEach((arg, index) => {
      const option = /^-[a-zA-Z]*o$/.test(arg) ? command.args[index + 1] : undefined;
      if ((/^-[a-zA-Z]*e/.test(arg) || option === 'errexit') && result.errexit === undefined) result.errexit = command.line;
      if ((/^-[a-zA-Z]*u/.test(arg) || option === 'nounset') && result.nounset === undefined) result.nounset = command.line;
      if (option === 'pipefail' && result.pipefail === undefined) result.pipefail = command.line;
    });
  }
  return result;
}

function isTermTrap(command: ShellCommandFact): boolean {
  return command.program === 'trap' && command.args.slice(1).some((signal) => /^(?:SIG)?(?:TERM|INT|15|2)$/i.test(signal));
}

/** A command as a reader would type it, cut at 60 characters: for messages. */
export function commandText(command: Pick<ShellCommandFact, 'program' | 'args'>): string {
  const text = [command.program, ...command.args].join(' ');
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
