import { type MaskedSource, isInterpolated, stringValue } from '../../parsers/code/masked-source.js';
import type { PyLine } from '../../parsers/code/python-structure.js';
import { lexPython } from '../../parsers/lexer/python.js';
import type { Token } from '../../parsers/lexer/token.js';
import { tagLiteral } from '../literal-tags.js';
import { mentionsDevMarker } from './literal-context.js';

/**
 * The pre-pass decision for the token facts (literals, env reads: source.ts): which files, and for
 * Python which logical lines, need the lexer at all. Most code needs neither, and lexing is the
 * expensive part of an audit.
 *
 * EVERY consumer of lexer tokens must be covered here: add its trigger to WHOLE_FILE (lex the whole
 * file when the code mentions it) or LINE (lex just the logical lines that do). Literal tags come
 * from tagLiteral, so new tags are covered automatically.
 */
const WHOLE_FILE: Record<'python' | 'javascript', RegExp> = {
  // Env reads and settings libraries (env-reads.ts, settings-reads.ts), and the server calls whose
  // host and port listens.ts reads (it needs the whole file: receivers, imports, __main__ guards),
  // and `name = os.getenv("X")` and `if not os.getenv("X"):` without a default, whose later lines
  // guarded-reads.ts looks at (string contents are blanked in the masked code, the quotes stay).
  python: /\b(?:BaseSettings|SettingsConfigDict|pydantic_settings|dotenv_values|load_dotenv|decouple|run_app|run_server|serve|make_server|HTTPServer|ThreadingHTTPServer|TCPServer|ThreadingTCPServer|WSGIServer)\b|\bimport\s+environ\b|\benviron\.Env\b|\.run\s*\(|^[ \t]*(?:[A-Za-z_]\w*[ \t]*(?::[^=\n]*)?=|(?:el)?if[ \t]+(?:not[ \t]+)?)[ \t]*(?:os[ \t]*\.[ \t]*)?(?:environ[ \t]*\.[ \t]*(?:get|pop)|getenv)[ \t]*\([ \t]*(["'])[^"'\n]*\1[ \t]*(?:,[ \t]*None[ \t]*)?\)/m,
  javascript: /\b(?:env|environ|getenv|Deno|serve)\b|\.listen\s*\(/,
};
const LINE: Record<'python' | 'javascript', RegExp> = {
  python: /\b(?:environ|getenv|putenv)\b|\bfrom\s+os\s+import\b/,
  javascript: /$^/,
};

export type TokenPlan = { mode: 'none' } | { mode: 'file' } | { mode: 'windows'; windows: Array<[number, number]> };

/** What of this file must be lexed for its token facts. */
export function planTokens(language: 'python' | 'javascript', masked: MaskedSource, pythonLines: readonly PyLine[] | undefined): TokenPlan {
  if (masked.problems.length > 0 || WHOLE_FILE[language].test(masked.code)) return { mode: 'file' };
  const stringLines = taggedStringOffsets(masked);
  const mentionsLineTrigger = LINE[language].test(masked.code);
  if (stringLines.length === 0 && !mentionsLineTrigger) return { mode: 'none' };
  if (language !== 'python' || !pythonLines) return { mode: 'file' };
  return { mode: 'windows', windows: pythonWindows(masked, pythonLines, stringLines) };
}

/** Opening offsets of string literals a literal check could care about (tagLiteral says so, or cannot tell). */
function taggedStringOffsets(masked: MaskedSource): number[] {
  const found: number[] = [];
  const { stringStarts, text } = masked;
  for (let index = 0; index < stringStarts.length; index += 1) {
    const start = stringStarts[index] as number;
    if (text.charCodeAt(start) === 47) continue; // a JS regex literal is not a string value
    const value = stringValue(masked, index);
    // Escapes and interpolation make the lexer's value differ from the raw text: lex to be exact.
    const isUncertain = isInterpolated(masked, index) || value.includes('\\');
    if ((isUncertain && (value.includes('/') || value.includes('\\') || value.includes(':') || value.includes('.'))) || tagLiteral(value).length > 0) found.push(start);
  }
  return found;
}

/** Logical lines each way of a tagged string that are lexed with it. */
const LITERAL_CONTEXT_LINES = 2;

/** Logical lines holding a tagged string (and its neighbours) or an env trigger, as [start, end) of whole physical lines. */
function pythonWindows(masked: MaskedSource, lines: readonly PyLine[], stringOffsets: readonly number[]): Array<[number, number]> {
  const wanted = new Uint8Array(lines.length);
  let stringIndex = 0;
  const trigger = LINE.python;
  const mentionsTrigger = trigger.test(masked.code);
  lines.forEach((line, index) => {
    let hasString = false;
    while (stringIndex < stringOffsets.length && (stringOffsets[stringIndex] as number) < line.end) {
      if ((stringOffsets[stringIndex] as number) >= line.start) hasString = true;
      stringIndex += 1;
    }
    if (hasString) {
      // A literal's context (literal-context.ts: `... if DEBUG else ...` around it) reaches two lines each way.
      const from = Math.max(0, index - LITERAL_CONTEXT_LINES);
      const to = Math.min(lines.length - 1, index + LITERAL_CONTEXT_LINES);
      const isNearSwitch = mentionsDevMarker(masked.text.slice((lines[from] as PyLine).start, (lines[to] as PyLine).end));
      for (let near = isNearSwitch ? from : index; near <= (isNearSwitch ? to : index); near += 1) wanted[near] = 1;
    } else if (mentionsTrigger && trigger.test(masked.code.slice(line.start, line.end))) {
      wanted[index] = 1;
    }
  });
  const windows: Array<[number, number]> = [];
  lines.forEach((line, index) => {
    if (wanted[index] === 0) return;
    const start = masked.code.lastIndexOf('\n', line.start - 1) + 1;
    windows.push([start, line.end]);
  });
  return windows;
}

/**
 * Lexes each window on its own and joins the tokens with their real positions. Windows are whole
 * logical lines, which start at bracket depth 0 and end with a Newline token, so the token facts
 * (which look no further than a logical line, or two lines around a literal, and pythonWindows
 * includes those) see exactly what a whole-file lex would give them.
 */
export function lexPythonWindows(text: string, lineStarts: readonly number[], windows: ReadonlyArray<[number, number]>): { tokens: Token[]; problems: [] } {
  const tokens: Token[] = [];
  let lineIndex = 0;
  for (const [start, end] of windows) {
    while (lineIndex + 1 < lineStarts.length && (lineStarts[lineIndex + 1] as number) <= start) lineIndex += 1;
    const lineOffset = lineIndex;
    for (const token of lexPython(text.slice(start, end)).tokens) {
      token.start += start;
      token.end += start;
      token.line += lineOffset;
      tokens.push(token);
    }
  }
  return { tokens, problems: [] };
}
