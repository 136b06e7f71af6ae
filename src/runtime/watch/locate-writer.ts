import { readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import type { Project } from '../../facts/project.js';
import { lexSource } from '../../facts/extract/source.js';
import type { Location } from '../../model/location.js';
import { type Token, TokenKind } from '../../parsers/lexer/token.js';

const WRITE_CALL = /\b(write_text|write_bytes|writeFileSync|writeFile|appendFileSync|appendFile|createWriteStream|dump|safe_dump|dumps|rename|replace|copyfile|copy|set_key|outputFile|writeJson|writeJsonSync)\b/;
const WRITE_MODE = /["'][wax]\+?b?["']|\bw\b|flag: *['"][wa]/;

/**
 * The source line that writes a file the app rewrote: a string literal naming the file (its
 * path or its base name) on a line, or the line after, that calls a write function. Reads the
 * app copy's Python and JS/TS sources; only called when a config file changed.
 */
export function locateWriter(project: Project, appDir: string, changedPath: string): Location | undefined {
  const name = posix.basename(changedPath);
  let fallback: Location | undefined;
  for (const facts of project.factsOfKind('python', 'javascript', 'typescript')) {
    let text: string;
    try {
      text = readFileSync(join(appDir, ...facts.path.split('/')), 'utf8');
    } catch {
      continue;
    }
    if (!text.includes(name)) continue;
    const language = facts.kind === 'python' ? 'python' : facts.kind === 'typescript' ? 'typescript' : 'javascript';
    const lines = text.split(/\r?\n/);
    const tokens = lexSource(language, text).tokens;
    for (let index = 0; index < tokens.length; index += 1) {
      const token = tokens[index] as Token;
      if (token.kind !== TokenKind.String && token.kind !== TokenKind.Template) continue;
      if (token.value !== name && !token.value.endsWith(`/${name}`) && token.value !== changedPath) continue;
      const line = lines[token.line - 1] ?? '';
      const next = lines[token.line] ?? '';
      const location = { file: facts.path, line: token.line, column: token.column };
      if (WRITE_CALL.test(line) || WRITE_MODE.test(line) || WRITE_CALL.test(next)) return location;
      // `CONFIG_PATH = "config.json"` ... `open(CONFIG_PATH, "w")`: the write through the name.
      const through = writeThroughName(lines, assignedName(tokens, index));
      if (through) return { file: facts.path, line: through };
      if (!fallback && WRITE_MODE.test(text)) fallback = location;
    }
  }
  return fallback;
}

/** `SETTINGS_PATH = "settings.json"` -> SETTINGS_PATH. */
function assignedName(tokens: readonly Token[], index: number): string | undefined {
  const equals = tokens[index - 1];
  const name = tokens[index - 2];
  return equals?.value === '=' && name?.kind === TokenKind.Name ? name.value : undefined;
}

/** The first line that passes the name to a write (1-based). */
function writeThroughName(lines: readonly string[], name: string | undefined): number | undefined {
  if (!name) return undefined;
  const pattern = new RegExp(`\\b${name}\\b`);
  const found = lines.findIndex((line) => pattern.test(line) && !new RegExp(`^\\s*(const |let |var )?${name}\\s*=`).test(line) && (WRITE_MODE.test(line) || WRITE_CALL.test(line)));
  return found === -1 ? undefined : found + 1;
}
