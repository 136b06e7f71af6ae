/**
 * Secret redaction for every output. Values a check marks as secret are masked wherever they
 * appear; well-known token shapes (util/token-shapes.ts) are masked even when no check named them.
 */
import { TOKEN_SHAPES, globalShape } from './token-shapes.js';

/** `sk_live_51H...` -> `sk_l************`: enough to recognise which key, never enough to use it. */
export function maskSecret(value: string): string {
  if (value.length >= 16) return `${value.slice(0, 4)}${'*'.repeat(12)}`;
  return '*'.repeat(8);
}

/** The markers stay (they say what leaked); the key material between them is masked. */
const PRIVATE_KEY_BLOCK = /(-----BEGIN [A-Z ]*PRIVATE KEY(?: BLOCK)?-----)([\s\S]*?)(-----END [A-Z ]*PRIVATE KEY(?: BLOCK)?-----|$)/g;
/** Each shape masks only its secret part: `AccountKey=****`, `https://hooks.slack.com/services/T0AB************`. */
const KNOWN_SHAPES: RegExp[] = Object.values(TOKEN_SHAPES).map(globalShape);
// The look-behind and the bounds keep this linear: a long run of letters must not be retried at every position.
const URL_PASSWORD = /(?<![a-z0-9+.-])([a-z][a-z0-9+.-]{0,30}:\/\/[^:/@\s]{1,256}:)([^@\s]{1,256})(@)/gi;

/** Masks the given secret values and any well-known token shape in `text`. */
export function redact(text: string, secrets: readonly string[] = []): string {
  let result = text;
  for (const secret of secrets) {
    if (secret.length < 4) continue;
    result = result.split(secret).join(maskSecret(secret));
  }
  result = result.replace(PRIVATE_KEY_BLOCK, (_match, begin: string, body: string, end: string) => `${begin}${/[A-Za-z0-9]{8}/.test(body) ? '*'.repeat(12) : body}${end}`);
  for (const shape of KNOWN_SHAPES) {
    result = result.replace(shape, (match: string, secret: string) => (secret.includes('*') ? match : match.replace(secret, maskSecret(secret))));
  }
  return result.replace(URL_PASSWORD, (_match, head: string, password: string, tail: string) =>
    password.startsWith('*') || password.startsWith('$') || password.startsWith('{') ? `${head}${password}${tail}` : `${head}${maskSecret(password)}${tail}`,
  );
}

/** A copy of plain data (strings, arrays, objects) with every string redacted as by `redact`. */
export function redactDeep<T>(value: T, secrets: readonly string[] = []): T {
  if (typeof value === 'string') return redact(value, secrets) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => redactDeep(item, secrets)) as T;
  if (typeof value !== 'object' || value === null) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) copy[key] = redactDeep(item, secrets);
  return copy as T;
}
