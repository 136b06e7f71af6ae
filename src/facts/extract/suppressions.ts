import type { InlineSuppression } from '../types.js';

const DIRECTIVE = /(?:#|\/\/|\/\*|;|<!--)\s*liveready-ignore\[([^\]]*)\]\s*(.*?)\s*(?:\*\/|-->)?\s*$/;

/**
 * Finds `liveready-ignore[check-id] reason` directives in comments of any file kind
 * (`#`, `//`, `/* *\/`, `;`, `<!-- -->`). Cheap: most files never contain the marker.
 */
export function findInlineSuppressions(text: string): InlineSuppression[] {
  if (!text.includes('liveready-ignore')) return [];
  const found: InlineSuppression[] = [];
  const lines = text.split('\n');
  lines.forEach((line, index) => {
    if (!line.includes('liveready-ignore')) return;
    const match = DIRECTIVE.exec(line);
    if (!match) return;
    const checkIds = (match[1] ?? '')
      .split(',')
      .map((id) => id.trim())
      .filter(Boolean);
    found.push({ checkIds, reason: (match[2] ?? '').trim(), line: index + 1 });
  });
  return found;
}
