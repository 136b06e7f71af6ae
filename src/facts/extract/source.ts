import type { SourceLanguage } from '../../model/file-kind.js';
import { lexJavaScript } from '../../parsers/lexer/javascript.js';
import { lexPython } from '../../parsers/lexer/python.js';
import { lexShell } from '../../parsers/lexer/shell.js';
import { type LexResult, type Token, TokenKind } from '../../parsers/lexer/token.js';
import { tagLiteral } from '../literal-tags.js';
import type { LiteralFact, SourceFacts } from '../types.js';
import { extractEnvReads } from './env-reads.js';
import { dottedNameBefore } from './token-names.js';
import { literalContext, markEnvDefaults } from './literal-context.js';
// --- config stage (issue 3) ---
import { markGuardedReads } from './guarded-reads.js';
import { extractListens } from './listens.js';
import { extractSettingsReads } from './settings-reads.js';
import { extractShellScript } from './shell-script.js';

export interface SourceExtraction {
  source: SourceFacts;
  /** Lines the facts point at (for evidence snippets). */
  lines: Set<number>;
}

export function lexSource(language: SourceLanguage, text: string): LexResult {
  if (language === 'python') return lexPython(text);
  if (language === 'shell') return lexShell(text);
  return lexJavaScript(text);
}

/** Code facts from one source file's tokens. */
export function extractSourceFacts(language: SourceLanguage, text: string): SourceExtraction {
  return sourceFactsOfTokens(language, lexSource(language, text), text);
}

/** The token facts of a token stream: a whole file's, or the windows the pre-pass chose (token-gate.ts). */
export function sourceFactsOfTokens(language: SourceLanguage, lexed: Pick<LexResult, 'tokens' | 'problems'>, text: string): SourceExtraction {
  const lines = new Set<number>();
  const literals = collectLiterals(language, lexed.tokens);
  for (const literal of literals) lines.add(literal.line);
  const envReads = extractEnvReads(language, lexed.tokens);
  if (language === 'python') envReads.push(...extractSettingsReads(lexed.tokens)); // config stage (issue 3)
  markGuardedReads(language, lexed.tokens, envReads); // config stage (issue 3): `if (process.env.X)` is optional
  for (const envRead of envReads) lines.add(envRead.line);
  markEnvDefaults(literals, envReads); // scan-text: a fallback the deployment overrides
  const syntaxProblems = lexed.problems.map((problem) => ({ ...problem }));
  for (const problem of syntaxProblems) lines.add(problem.line);
  const source: SourceFacts = { literals, envReads, syntaxProblems };
  if (language === 'shell') source.shell = extractShellScript(text, lexed.tokens, lines); // scan-text: script structure
  // --- config stage (issue 3): where the code starts a server ---
  const listens = extractListens(language, lexed.tokens, envReads);
  if (listens.length > 0) source.listens = listens;
  for (const listen of listens) lines.add(listen.line);
  return { source, lines };
}

function collectLiterals(language: SourceLanguage, tokens: Token[]): LiteralFact[] {
  const literals: LiteralFact[] = [];
  // openAtDepth[d]: index of the bracket opened at depth d; its callee name is computed only when a
  // literal inside it is kept (most brackets hold none).
  const openAtDepth: number[] = [];
  for (let index = 0; index < tokens.length; index += 1) {
    const token = tokens[index] as Token;
    if (token.kind === TokenKind.Punct) {
      if (token.value === '(' || token.value === '[' || token.value === '{') openAtDepth[token.depth] = index;
      continue;
    }
    const isStringLike = token.kind === TokenKind.String || token.kind === TokenKind.Template || (language === 'shell' && token.kind === TokenKind.Name);
    if (!isStringLike) continue;
    const tags = tagLiteral(token.value);
    if (tags.length === 0) continue;
    if (language !== 'shell' && isBareStringStatement(language, tokens, index)) continue;
    const literal: LiteralFact = { value: token.value, line: token.line, column: token.column, tags };
    const open = token.depth > 0 ? openAtDepth[token.depth - 1] : undefined;
    const callee = open !== undefined && (tokens[open] as Token).value === '(' ? dottedNameBefore(tokens, open) : undefined;
    if (callee) literal.callee = callee;
    const target = assignmentTarget(tokens, index);
    if (target) literal.target = target;
    Object.assign(literal, literalContext(language, tokens, index, literal)); // scan-text: network literal context
    literals.push(literal);
  }
  return literals;
}


/** The name a literal is assigned to (`NAME = "x"`, `name: "x"`, `f(name="x")`). */
function assignmentTarget(tokens: Token[], index: number): string | undefined {
  const previous = tokens[index - 1];
  const name = tokens[index - 2];
  if (!previous || !name || previous.kind !== TokenKind.Punct) return undefined;
  if (previous.value !== '=' && previous.value !== ':' && previous.value !== ':=') return undefined;
  if (name.kind === TokenKind.Name || name.kind === TokenKind.String) return name.value;
  return undefined;
}

/**
 * A string that is a whole statement on its own: a Python docstring or a JS directive. It is
 * documentation, not a value the program uses.
 */
function isBareStringStatement(language: SourceLanguage, tokens: Token[], index: number): boolean {
  const token = tokens[index] as Token;
  if (token.depth > 0) return false;
  const previous = tokens[index - 1];
  const next = tokens[index + 1];
  if (language === 'python') {
    const startsStatement = !previous || previous.kind === TokenKind.Newline || (previous.kind === TokenKind.Punct && previous.value === ':' && previous.line < token.line);
    const endsStatement = !next || next.kind === TokenKind.Newline;
    return startsStatement && endsStatement;
  }
  const startsStatement = !previous || (previous.kind === TokenKind.Punct && (previous.value === ';' || previous.value === '{' || previous.value === '}'));
  const endsStatement = !next || (next.kind === TokenKind.Punct && (next.value === ';' || next.value === '}')) || (next.line > token.line && next.kind !== TokenKind.Punct);
  return startsStatement && endsStatement;
}
