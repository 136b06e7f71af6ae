import type { SourceLanguage } from '../../model/file-kind.js';
import type { CodeFacts } from '../code-types.js';
import { extractJavaScriptCode } from './code/javascript-code.js';
import { extractPythonCode } from './code/python-code.js';
import { type SourceExtraction, extractSourceFacts } from './source.js';

/**
 * Source facts of one file: the token facts (literals, env reads, lexer problems) and, for Python
 * and JS/TS, the code facts (imports, functions, loops, calls, routes) from the masking pre-pass.
 */
export function extractSourceAndCodeFacts(language: SourceLanguage, text: string): SourceExtraction {
  const extraction = extractSourceFacts(language, text);
  if (language === 'shell') return extraction;
  const code = (language === 'python' ? extractPythonCode(text) : extractJavaScriptCode(text)).code;
  extraction.source.code = code;
  for (const line of codeFactLines(code)) extraction.lines.add(line);
  return extraction;
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
