/**
 * Message normalization for fingerprints: the parts that change between two occurrences of the
 * same error (ids, numbers, paths, addresses, hex, UUIDs) become placeholders, so
 * `user 4821 not found` and `user 77 not found` are one error.
 */
const RULES: Array<[RegExp, string]> = [
  [/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, '<uuid>'],
  [/\b[a-z][a-z0-9+.-]*:\/\/[^\s'"<>)]+/gi, '<url>'],
  [/\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b/g, '<email>'],
  [/\b\d{1,3}(?:\.\d{1,3}){3}(?::\d+)?\b/g, '<ip>'],
  [/\[(?:[0-9a-f]{0,4}:){2,7}[0-9a-f]{0,4}\](?::\d+)?|(?<![\w:]):::\d+\b/gi, '<ip>'],
  [/(?:[A-Za-z]:)?(?:[\\/][\w.@~-]+){2,}[\\/]?/g, '<path>'],
  [/\b0x[0-9a-f]+\b/gi, '<hex>'],
  [/\b(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{8,}\b/gi, '<hex>'],
  // Opaque ids (`evt_1OqX4e2eZvKYlo2C`, `usr-9f8Kq2LmZ0`): long words mixing letters and digits.
  [/\b(?=[\w-]*\d)(?=[\w-]*[A-Za-z])[\w-]{12,}\b/g, '<id>'],
  [/\d+(?:\.\d+)?/g, '<n>'],
];
const MAX_NORMALIZED = 200;

export function normalizeMessage(message: string): string {
  let result = message.length > 2000 ? message.slice(0, 2000) : message;
  for (const [pattern, placeholder] of RULES) result = result.replace(pattern, placeholder);
  result = result.replace(/\s+/g, ' ').trim();
  return result.length > MAX_NORMALIZED ? result.slice(0, MAX_NORMALIZED) : result;
}

/** `/items/42?x=1` -> `/items/:id`: numeric, hex and UUID segments are ids. */
export function normalizeRoute(path: string): string {
  const bare = path.split(/[?#]/, 1)[0] ?? path;
  const segments = bare.split('/').map((segment) => (/^(?:\d+|[0-9a-f]{8}-[0-9a-f-]{27}|(?=.*\d)[0-9a-f]{12,}|[A-Za-z0-9_-]{20,})$/i.test(segment) ? ':id' : segment));
  const route = segments.join('/');
  return route.length > 120 ? `${route.slice(0, 120)}…` : route;
}
