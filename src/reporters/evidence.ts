import type { Finding } from '../model/finding.js';

/**
 * The evidence line with a caret under the flagged column, leading indentation removed:
 *   12 | DATA_DIR = "/Users/alice/data"
 *      |            ^
 */
export function evidenceWithCaret(finding: Finding, maxWidth = 160): string[] {
  if (finding.evidence === undefined) return [];
  const raw = finding.evidence.replace(/\t/g, '    ');
  const indent = raw.length - raw.trimStart().length;
  let text = raw.trimStart().trimEnd();
  let caretAt = finding.location.column === undefined ? -1 : Math.max(0, finding.location.column - 1 - indent);
  if (text.length > maxWidth) {
    const start = caretAt > maxWidth - 20 ? caretAt - 20 : 0;
    text = `${start > 0 ? '…' : ''}${text.slice(start, start + maxWidth)}…`;
    if (caretAt >= 0) caretAt = caretAt - start + (start > 0 ? 1 : 0);
  }
  const gutter = String(finding.location.line);
  const lines = [`${gutter} | ${text}`];
  if (caretAt >= 0 && caretAt <= text.length) lines.push(`${' '.repeat(gutter.length)} | ${' '.repeat(caretAt)}^`);
  return lines;
}
