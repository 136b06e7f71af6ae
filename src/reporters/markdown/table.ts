/** A GitHub-flavoured markdown table; cells are escaped for pipes and newlines. */
export function markdownTable(header: string[], rows: string[][]): string[] {
  const escape = (cell: string): string => cell.replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
  return [`| ${header.map(escape).join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...rows.map((row) => `| ${row.map(escape).join(' | ')} |`)];
}

/** Inline code that survives backticks inside the text. */
export function inlineCode(text: string): string {
  const fence = text.includes('`') ? '``' : '`';
  return `${fence}${fence.length > 1 ? ' ' : ''}${text}${fence.length > 1 ? ' ' : ''}${fence}`;
}
