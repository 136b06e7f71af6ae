/**
 * Secret redaction for every output. Values a check marks as secret are masked wherever they
 * appear; well-known token shapes are masked even when no check named them.
 */

/** `sk_live_51H...` -> `sk_l************`: enough to recognise which key, never enough to use it. */
export function maskSecret(value: string): string {
  if (value.length >= 16) return `${value.slice(0, 4)}${'*'.repeat(12)}`;
  return '*'.repeat(8);
}

const KNOWN_SHAPES: RegExp[] = [
  /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z ]*PRIVATE KEY-----|$)/g,
  /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g,
  /\bgh[pousr]_[A-Za-z0-9]{30,}\b/g,
  /\bgithub_pat_[A-Za-z0-9_]{40,}\b/g,
  /\b(?:sk|rk)_live_[A-Za-z0-9]{16,}\b/g,
  /\bsk-(?:proj-)?[A-Za-z0-9_-]{20,}\b/g,
  /\bxox[abposr]-[A-Za-z0-9-]{10,}\b/g,
  /\bAIza[0-9A-Za-z_-]{35}\b/g,
  /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\b/g,
];
// The look-behind and the bounds keep this linear: a long run of letters must not be retried at every position.
const URL_PASSWORD = /(?<![a-z0-9+.-])([a-z][a-z0-9+.-]{0,30}:\/\/[^:/@\s]{1,256}:)([^@\s]{1,256})(@)/gi;

/** Masks the given secret values and any well-known token shape in `text`. */
export function redact(text: string, secrets: readonly string[] = []): string {
  let result = text;
  for (const secret of secrets) {
    if (secret.length < 4) continue;
    result = result.split(secret).join(maskSecret(secret));
  }
  for (const shape of KNOWN_SHAPES) result = result.replace(shape, (match) => maskSecret(match));
  return result.replace(URL_PASSWORD, (_match, head: string, password: string, tail: string) =>
    password.startsWith('*') || password.startsWith('$') || password.startsWith('{') ? `${head}${password}${tail}` : `${head}${maskSecret(password)}${tail}`,
  );
}
