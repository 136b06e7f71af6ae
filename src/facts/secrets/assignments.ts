/**
 * `KEY = value` in any syntax, read from the text around a keyword hit: Python and JS/TS
 * (`SECRET_KEY = "..."`, `password="..."`, `apiKey: '...'`, `config["TOKEN"] = "..."`,
 * `secret_key: str = "..."`), JSON, YAML, TOML, INI, dotenv and shell (`password: s3cr3t`,
 * `export API_TOKEN=...`). Linear in the line, no regex over user text.
 */

/** Name fragments that make an assignment worth reading (lower case; matched case-insensitively). */
export const SECRET_NAME_KEYWORDS: readonly string[] = [
  'secret', 'token', 'passw', 'pwd', 'apikey', 'api_key', 'api-key', 'accesskey', 'access_key', 'access-key',
  'privatekey', 'private_key', 'credential', 'auth', '_key', '-key', 'salt', 'signing', 'encryption',
];

/** How values may be written: code needs a string literal; configuration files also take bare words. */
export type AssignmentStyle = 'code' | 'config';

export interface SecretAssignment {
  name: string;
  nameStart: number;
  value: string;
  valueStart: number;
}

const MAX_NAME = 100;
const TYPE_ANNOTATION = /^:\s*[A-Za-z_][\w.[\], |]*\s*=(?![=>])/;

function isNameCode(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95 || code === 45 || code === 46;
}

/**
 * The assignment whose name contains the keyword hit [hitStart, hitEnd) on the line
 * [lineStart, lineEnd), if the line assigns a literal value to that name.
 */
export function assignmentAt(text: string, lineStart: number, lineEnd: number, hitStart: number, hitEnd: number, style: AssignmentStyle): SecretAssignment | undefined {
  let nameStart = hitStart;
  while (nameStart > lineStart && hitStart - nameStart < MAX_NAME && isNameCode(text.charCodeAt(nameStart - 1))) nameStart -= 1;
  let nameEnd = hitEnd;
  while (nameEnd < lineEnd && nameEnd - hitEnd < MAX_NAME && isNameCode(text.charCodeAt(nameEnd))) nameEnd += 1;
  const name = text.slice(nameStart, nameEnd).replace(/^(?:self|this|cls)\./, '');
  let pos = nameEnd;
  const before = text.charAt(nameStart - 1);
  if ((before === '"' || before === "'") && text.charAt(pos) === before) {
    pos += 1;
    if (text.charAt(nameStart - 2) === '[' && text.charAt(pos) === ']') pos += 1;
  }
  pos = skipBlanks(text, pos, lineEnd);
  const operatorEnd = operatorAt(text, pos, lineEnd, style);
  if (operatorEnd === -1) return undefined;
  const valueAt = skipBlanks(text, operatorEnd, lineEnd);
  const value = style === 'code' ? stringLiteralAt(text, valueAt, lineEnd) : stringLiteralAt(text, valueAt, lineEnd) ?? bareWordAt(text, valueAt, lineEnd);
  if (!value) return undefined;
  return { name, nameStart, value: value.text, valueStart: value.start };
}

function skipBlanks(text: string, pos: number, end: number): number {
  let index = pos;
  while (index < end && (text.charCodeAt(index) === 32 || text.charCodeAt(index) === 9)) index += 1;
  return index;
}

/** End of `=`, `:`, `:=`, `=>` (or of a Python/TS annotation `: str =`) at `pos`; -1 when there is none. */
function operatorAt(text: string, pos: number, end: number, style: AssignmentStyle): number {
  const char = text.charAt(pos);
  const next = text.charAt(pos + 1);
  if (char === '=') {
    if (next === '=') return -1;
    return next === '>' ? pos + 2 : pos + 1;
  }
  if (char !== ':') return -1;
  if (next === '=') return pos + 2;
  if (next === ':') return -1;
  if (style === 'code') {
    const annotation = TYPE_ANNOTATION.exec(text.slice(pos, Math.min(end, pos + 80)));
    if (annotation) return pos + annotation[0].length;
  }
  return pos + 1;
}

/** A quoted string that closes on this line: `"..."`, `'...'`, a backquoted string without `${`, Python r/b/u prefixes. */
function stringLiteralAt(text: string, pos: number, end: number): { text: string; start: number } | undefined {
  let start = pos;
  if (/[rRbBuU]/.test(text.charAt(start)) && /["']/.test(text.charAt(start + 1))) start += 1;
  const quote = text.charAt(start);
  if (quote !== '"' && quote !== "'" && quote !== '`') return undefined;
  if (text.charAt(start + 1) === quote && text.charAt(start + 2) === quote) return undefined;
  let index = start + 1;
  while (index < end) {
    const char = text.charAt(index);
    if (char === '\\') index += 2;
    else if (char === quote) {
      const body = text.slice(start + 1, index);
      if (quote === '`' && body.includes('${')) return undefined;
      return { text: body, start: start + 1 };
    } else index += 1;
  }
  return undefined;
}

/**
 * An unquoted configuration value: a run of characters a secret can be made of, ended by the end
 * of the line, a blank, a delimiter or a comment. `fn(x)` or `a + b` is code, not a value.
 */
function bareWordAt(text: string, pos: number, end: number): { text: string; start: number } | undefined {
  let index = pos;
  while (index < end && /[A-Za-z0-9+/=_.~!@#$%^&*:?-]/.test(text.charAt(index))) index += 1;
  if (index === pos) return undefined;
  const rest = text.slice(index, end).trimStart();
  if (rest !== '' && !/^[#;,]/.test(rest)) return undefined;
  return { text: text.slice(pos, index), start: pos };
}
