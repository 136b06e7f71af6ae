/**
 * The text of a JSON string literal from what stands between its quotes: escapes decoded
 * (`\"`, `\u00e9`), or the text as it is when it is not valid JSON (a lockfile or record written
 * by hand). No `JSON.parse` when there is no backslash.
 */
export function decodeJsonString(body: string): string {
  if (!body.includes('\\')) return body;
  try {
    return JSON.parse(`"${body}"`) as string;
  } catch {
    return body;
  }
}
