/**
 * Text from the report (file names, messages, evidence) comes from the audited repository: every
 * string goes through `escapeHtml` before it reaches the page, in text and in quoted attributes alike.
 */
export function escapeHtml(text: string): string {
  // Control characters (terminal escapes in log lines, say) are not text: shown as U+FFFD.
  // eslint-disable-next-line no-control-regex
  return text.replace(/[&<>"'`]/g, (char) => ENTITIES[char] ?? char).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '\ufffd');
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

/** `<code>` around escaped text. */
export function code(text: string): string {
  return `<code>${escapeHtml(text)}</code>`;
}

/**
 * A table whose cells are ALREADY HTML (build them with escapeHtml/code); the header is escaped here.
 */
export function htmlTable(header: readonly string[], rows: readonly (readonly string[])[], className = ''): string {
  const head = header.map((title) => `<th>${escapeHtml(title)}</th>`).join('');
  const body = rows.map((row) => `<tr>${row.map((cell) => `<td>${cell}</td>`).join('')}</tr>`).join('\n');
  return `<div class="table-wrap"><table${className ? ` class="${className}"` : ''}><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table></div>`;
}

/** A section with a heading and an id the table of contents links to. */
export function section(id: string, title: string, body: string): string {
  return `<section id="${id}"><h2>${escapeHtml(title)}</h2>\n${body}\n</section>`;
}

export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}
