import type { FileKind } from '../../model/file-kind.js';
import { lineOfOffset } from '../../parsers/lexer/line-index.js';
import { scanSecrets } from '../secrets/scan.js';
import type { SecretFact } from '../types.js';

/** Secret facts of one file, with the lines they are on (for evidence snippets). */
export function extractSecretFacts(text: string, kind: FileKind, lineStarts: readonly number[]): { secrets: SecretFact[]; lines: number[] } {
  const secrets = scanSecrets(text, kind).map((match) => {
    const line = lineOfOffset(lineStarts, match.start);
    const fact: SecretFact = { rule: match.rule, severity: match.severity, line, column: match.start - (lineStarts[line - 1] ?? 0) + 1, value: match.value };
    if (match.name !== undefined) fact.name = match.name;
    return fact;
  });
  return { secrets, lines: secrets.map((secret) => secret.line) };
}
