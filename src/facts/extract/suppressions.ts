import type { InlineSuppression } from '../types.js';

const DIRECTIVE = /(?:#|\/\/|\/\*|;|<!--)\s*liveready-ignore\[([^\]]*)\]\s*(.*?)\s*(?:\*\/|-->)?\s*$/;

/**
 * Finds `liveready-ignore[check-id] reason` directives in comments of any file kind
 * (`#`, `//`, `/* *\/`, `;`, `<!-- -->`). Cheap: most files never contain the marker.
 */
export function findInlineSuppressions(text: string, isCode = false): InlineSuppression[] {
  if (!text.includes('liveready-ignore')) return [];
  const found: InlineSuppression[] = [];
  const lines = text.split('\n');
  lines.forEach((line, index) => {
    if (!line.includes('liveready-ignore')) return;
    const match = DIRECTIVE.exec(line);
    if (!match) return;
    // In code, `'# liveready-ignore[x]'` inside a string literal is data (a test, a template), not a comment.
    if (isCode && isInsideString(line, match.index)) return;
    const checkIds = (match[1] ?? '')
      .split(',')
      .map((id) => id.trim())
      .filter(Boolean);
    found.push({ checkIds, reason: (match[2] ?? '').trim(), line: index + 1 });
  });
  return found;
}

/** True when an odd number of unescaped quotes of one kind come before `offset` on the line. */
function isInsideString(line: string, offset: number): boolean {
  const open = { "'": false, '"': false, '`': false };
  for (let index = 0; index < offset; index += 1) {
    const char = line.charAt(index);
    if (char === '\\') index += 1;
    else if (char === "'" || char === '"' || char === '`') {
      const other = Object.entries(open).some(([quote, isOpen]) => isOpen && quote !== char);
      if (!other) open[char] = !open[char];
    }
  }
  return open["'"] || open['"'] || open['`'];
}
