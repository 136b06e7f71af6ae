import type { SourceLanguage } from '../../model/file-kind.js';
import { lexJavaScript } from '../../parsers/lexer/javascript.js';
import { lexPython } from '../../parsers/lexer/python.js';
import { lexShell } from '../../parsers/lexer/shell.js';
import { type LexResult, type Token, TokenKind } from '../../parsers/lexer/token.js';
import { tagLiteral } from '../literal-tags.js';
import type { LiteralFact, SourceFacts } from '../types.js';
import { extractEnvReads } from './env-reads.js';
import { literalContext, markEnvDefaults } from './literal-context.js';
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
  const lexed = lexSource(language, text);
  const lines = new Set<number>();
  const literals = collectLiterals(language, lexed.tokens);
  for (const literal of literals) lines.add(literal.line);
  const envReads = extractEnvReads(language, lexed.tokens);
  for (const envRead of envReads) lines.add(envRead.line);
  markEnvDefaults(literals, envReads); // scan-text: a fallback the deployment overrides
  const syntaxProblems = lexed.problems.map((problem) => ({ ...problem }));
  for (const problem of syntaxProblems) lines.add(problem.line);
  const source: SourceFacts = { literals, envReads, syntaxProblems };
  if (language === 'shell') source.shell = extractShellScript(text, lexed.tokens, lines); // scan-text: script structure
  return { source, lines };
}

function collectLiterals(language: SourceLanguage, tokens: Token[]): LiteralFact[] {
  const literals: LiteralFact[] = [];
  // calleeAtDepth[d]: dotted name of the call whose bracket opened at depth d ('' when not a call).
  const calleeAtDepth: string[] = [];
  for (let index = 0; index < tokens.length; index += 1) {
    const token = tokens[index] as Token;
    if (token.kind === TokenKind.Punct) {
      if (token.value === '(' || token.value === '[' || token.value === '{') {
        calleeAtDepth[token.depth] = token.value === '(' ? dottedNameBefore(tokens, index) : '';
      }
      continue;
    }
    const isStringLike = token.kind === TokenKind.String || token.kind === TokenKind.Template || (language === 'shell' && token.kind === TokenKind.Name);
    if (!isStringLike) continue;
    const tags = tagLiteral(token.value);
    if (tags.length === 0) continue;
    if (language !== 'shell' && isBareStringStatement(language, tokens, index)) continue;
    const literal: LiteralFact = { value: token.value, line: token.line, column: token.column, tags };
    const callee = token.depth > 0 ? calleeAtDepth[token.depth - 1] : undefined;
    if (callee) literal.callee = callee;
    const target = assignmentTarget(tokens, index);
    if (target) literal.target = target;
    Object.assign(literal, literalContext(language, tokens, index, literal)); // scan-text: network literal context
    literals.push(literal);
  }
  return literals;
}

/** `sys.path.insert(` -> "sys.path.insert"; '' when the bracket is not a call. */
function dottedNameBefore(tokens: Token[], parenIndex: number): string {
  const parts: string[] = [];
  let index = parenIndex - 1;
  while (index >= 0) {
    const token = tokens[index] as Token;
    if (token.kind !== TokenKind.Name) break;
    parts.unshift(token.value);
    const dot = tokens[index - 1];
    if (!dot || dot.kind !== TokenKind.Punct || (dot.value !== '.' && dot.value !== '?.')) break;
    index -= 2;
  }
  return parts.join('.');
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
