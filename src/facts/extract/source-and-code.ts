import type { SourceLanguage } from '../../model/file-kind.js';
import type { CodeFacts } from '../code-types.js';
import type { SourceFacts } from '../types.js';
import { extractJavaScriptCode } from './code/javascript-code.js';
import { extractPythonCode } from './code/python-code.js';
import { type SourceExtraction, extractSourceFacts, sourceFactsOfTokens } from './source.js';
import { markPythonGuardedReads } from './python-env-guards.js';
import { lexPythonWindows, planTokens } from './token-gate.js';
// service stage (issue 5)
import { extractServiceFacts } from './service/service-facts.js';
// schema stage (migrations)
import { extractPythonSchemaFacts } from './schema/python-schema.js';

/**
 * Source facts of one file: for Python and JS/TS, the code facts (imports, functions, loops,
 * calls, routes) from the masking pre-pass, and the token facts (literals, env reads, lexer
 * problems) from the lexer, run only on what the pre-pass says needs it. Shell scripts are lexed.
 */
export function extractSourceAndCodeFacts(language: SourceLanguage, text: string): SourceExtraction {
  if (language === 'shell') return extractSourceFacts(language, text);
  const family = language === 'python' ? 'python' : 'javascript';
  const code = family === 'python' ? extractPythonCode(text) : extractJavaScriptCode(text);
  const plan = planTokens(family, code.masked, code.pythonLines);
  const extraction: SourceExtraction =
    plan.mode === 'file'
      ? extractSourceFacts(language, text)
      : plan.mode === 'none'
        ? { source: { literals: [], envReads: [], syntaxProblems: [] }, lines: new Set() }
        : sourceFactsOfTokens(language, lexPythonWindows(text, code.masked.lineStarts, plan.windows), text);
  // A strict os.environ["X"] after `"X" in os.environ` or inside `try: ... except KeyError:` is optional.
  if (code.passes?.python) markPythonGuardedReads(code.passes.python, extraction.source.envReads);
  extraction.source.code = code.code;
  for (const line of codeFactLines(code.code)) extraction.lines.add(line);
  // --- service stage (issue 5): framework objects, extra routes, lifecycle, server settings, body reads ---
  const service = extractServiceFacts(family, code, extraction.source);
  if (service.facts) extraction.source.service = service.facts;
  for (const line of service.lines) extraction.lines.add(line);
  // --- schema stage (migrations): ORM classes, Django migrations, Alembic revisions, Django settings ---
  if (family === 'python') {
    const schema = extractPythonSchemaFacts(code, extraction.source);
    if (schema.facts) extraction.source.schema = schema.facts;
    for (const line of schema.lines) extraction.lines.add(line);
  }
  return extraction;
}

/**
 * A TypeScript declaration file (`.d.ts`) describes types and never runs: its signatures look like
 * calls (`fork(env?: any): Worker;`). Only its imports stay (type-only edges of the module graph).
 */
export function declarationFileFacts(extraction: SourceExtraction): SourceExtraction {
  const { code } = extraction.source;
  const source: SourceFacts = { literals: [], envReads: [], syntaxProblems: extraction.source.syntaxProblems };
  if (code) source.code = { imports: code.imports, functions: [], loops: [], calls: [], routes: [], swallowed: [], importTimeCalls: [], mainCalls: [] };
  const lines = new Set<number>(source.syntaxProblems.map((problem) => problem.line));
  for (const entry of code?.imports ?? []) lines.add(entry.line);
  return { source, lines };
}

/** Lines a code fact points at (their text becomes evidence). */
export function codeFactLines(code: CodeFacts): number[] {
  const lines: number[] = [];
  for (const entry of code.imports) lines.push(entry.line);
  for (const loop of code.loops) lines.push(loop.line);
  for (const call of code.calls) lines.push(call.line);
  for (const route of code.routes) lines.push(route.line);
  for (const swallowed of code.swallowed) lines.push(swallowed.line);
  for (const fact of code.functions) if (fact.recursion) lines.push(fact.recursion.line);
  return lines;
}
