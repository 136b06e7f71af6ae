/** One request in an access log (uvicorn, gunicorn, Werkzeug, Django runserver, nginx). */
export interface AccessLine {
  method: string;
  path: string;
  status: number;
  /** The `[05/Mar/2024:10:00:01 +0000]` inside a common-log-format line, as `05/Mar/2024:10:00:01 +0000`. */
  stamp?: string;
}

const BRACKETED_STAMP = /\[(\d\d\/[A-Z][a-z]{2}\/\d{4}[: ]\d\d:\d\d:\d\d(?: [+-]\d{4})?)\]/;
const ACCESS = /"(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|CONNECT|TRACE) ([^" ]+)(?: HTTP\/[\d.]+)?" (\d{3})\b/;

/** The request a line records, or undefined when it is not an access line. */
export function parseAccessLine(text: string): AccessLine | undefined {
  if (!text.includes('" ')) return undefined;
  const match = ACCESS.exec(text);
  if (!match) return undefined;
  const access: AccessLine = { method: match[1] as string, path: match[2] as string, status: Number(match[3]) };
  const stamp = BRACKETED_STAMP.exec(text.slice(0, match.index));
  if (stamp) access.stamp = stamp[1];
  return access;
}
