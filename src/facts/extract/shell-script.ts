import { type Token, TokenKind } from '../../parsers/lexer/token.js';
import type { ShellScriptFacts } from '../types.js';

const MAX_COMMAND_LINES = 500;
const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s;

/**
 * The parts of a shell script the start plan needs: variables it sets (and whether the programs it
 * runs inherit them) and its command lines, in order.
 */
export function extractShellScript(text: string, tokens: readonly Token[]): ShellScriptFacts {
  const facts: ShellScriptFacts = { assignments: [], commandLines: [] };
  let isAllExported = false;
  for (const words of commandGroups(tokens)) {
    const first = words[0] as Token;
    const last = words[words.length - 1] as Token;
    if (facts.commandLines.length < MAX_COMMAND_LINES) facts.commandLines.push({ text: text.slice(first.start, last.end), line: first.line });
    if (first.value === 'set' && words.some((word) => /^-\w*a/.test(word.value))) isAllExported = true;
    const isExport = first.value === 'export';
    const assignments = isExport ? words.slice(1) : words;
    if (!assignments.every((word) => ASSIGNMENT.test(word.value) || (isExport && /^[A-Za-z_][A-Za-z0-9_]*$/.test(word.value)))) continue;
    for (const word of assignments) {
      const match = ASSIGNMENT.exec(word.value);
      if (!match) {
        // `export NAME` after `NAME=value`: the earlier assignment is now inherited.
        for (const earlier of facts.assignments) if (earlier.name === word.value) earlier.isExported = true;
        continue;
      }
      facts.assignments.push({ name: match[1] as string, value: match[2] as string, line: word.line, isExported: isExport || isAllExported });
    }
  }
  return facts;
}

/** Words of each command line (split on newlines only: `a && b` stays one line). */
function commandGroups(tokens: readonly Token[]): Token[][] {
  const groups: Token[][] = [];
  let current: Token[] = [];
  for (const token of tokens) {
    if (token.kind === TokenKind.Newline) {
      if (current.length > 0) groups.push(current);
      current = [];
    } else current.push(token);
  }
  if (current.length > 0) groups.push(current);
  return groups;
}
