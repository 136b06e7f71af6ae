/** An exception as one line prints it: `ValueError: bad amount`, `Error [ERR_X]: ...`, an unhandled rejection. */
export interface ErrorLine {
  type: string;
  message: string;
  code?: string;
}

// ValueError: x / requests.exceptions.ConnectionError: x / Error [ERR_MODULE_NOT_FOUND]: x / Uncaught TypeError: x
const ERROR_LINE = /^(?:Uncaught |Unhandled rejection |\(node:\d+\) UnhandledPromiseRejectionWarning: )?((?:[A-Za-z_$][\w$]*\.)*(?:[A-Z][\w$]*(?:Error|Exception|Failure|Fault|Rejection)|Error))(?: \[([A-Z0-9_]+)\])?: ?(.*)$/;
const UNHANDLED_REJECTION = /^\[UnhandledPromiseRejection: .*?(?:reason "(.*)")?\.?\]/;

/** The exception a line names at its start, or undefined. */
export function parseErrorLine(text: string): ErrorLine | undefined {
  const first = text.charCodeAt(0);
  if (first === 91 /* [ */) {
    const rejection = UNHANDLED_REJECTION.exec(text);
    return rejection ? { type: 'UnhandledPromiseRejection', message: rejection[1] ?? 'a promise was rejected and nothing handled it' } : undefined;
  }
  const isLetter = (first >= 65 && first <= 90) || (first >= 97 && first <= 122) || first === 40 || first === 95 || first === 36;
  if (!isLetter || !(text.includes('Error') || text.includes('Exception') || text.includes('Failure') || text.includes('Fault') || text.includes('Rejection'))) return undefined;
  const match = ERROR_LINE.exec(text);
  if (!match) return undefined;
  const line: ErrorLine = { type: match[1] ?? 'Error', message: (match[3] ?? '').trim() };
  if (match[2]) line.code = match[2];
  return line;
}

/** An exception named inside a longer message (`charge failed: TypeError: x is undefined`). */
export function findEmbeddedError(message: string): ErrorLine | undefined {
  const match = /(?:^|[\s:(])((?:[A-Za-z_$][\w$]*\.)*[A-Z][\w$]*(?:Error|Exception)): (.+)$/.exec(message);
  return match ? { type: match[1] ?? 'Error', message: (match[2] ?? '').trim() } : undefined;
}
