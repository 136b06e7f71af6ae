import type { FileKind } from '../../model/file-kind.js';
import { lineOfOffset } from '../../parsers/lexer/line-index.js';
import { redact } from '../../util/redact.js';
import { scanSecrets } from '../secrets/scan.js';
import type { SecretFact } from '../types.js';

export interface SecretExtraction {
  secrets: SecretFact[];
  /** Lines the facts point at (for evidence snippets). */
  lines: number[];
  /** The secret values found on each line: masked in the snippet before it is stored. */
  masks: Map<number, string[]>;
}

/**
 * Secret facts of one file. The facts never hold a secret: not in the facts themselves, and not in
 * the evidence snippets (masked by `maskSnippet` before they are stored), so neither a report nor
 * the facts cache on disk repeats it.
 */
export function extractSecretFacts(text: string, kind: FileKind, lineStarts: readonly number[]): SecretExtraction {
  const masks = new Map<number, string[]>();
  const secrets = scanSecrets(text, kind).map((match) => {
    const line = lineOfOffset(lineStarts, match.start);
    masks.set(line, [...(masks.get(line) ?? []), match.value]);
    const fact: SecretFact = { rule: match.rule, severity: match.severity, line, column: match.start - (lineStarts[line - 1] ?? 0) + 1 };
    if (match.name !== undefined) fact.name = match.name;
    return fact;
  });
  return { secrets, lines: [...masks.keys()], masks };
}

/** A snippet with the secrets found on its line masked (and every known token shape, as in any output). */
export function maskSnippet(snippet: string, secrets: readonly string[] | undefined): string {
  return secrets === undefined ? snippet : redact(snippet, secrets);
}
