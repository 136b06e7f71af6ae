import { isPlaceholderValue } from '../secret-values.js';

/**
 * Is this string a real credential, or a placeholder, an example, a name, a pattern? The secret
 * scanner's precision lives here: every rule asks these questions before it reports.
 */

/** Words and marks of values written by a person to stand in for a secret. Case-insensitive substrings. */
const PLACEHOLDER_MARKERS =
  /example|sample|dummy|fake|placeholder|change[-_]?me|replace|your[-_]?|insecure|not[-_]?a[-_]?(?:real|secret)|notsecret|not[-_]secret|redacted|x{4}|\*{3}|\.{3}|<|>|\{\{|\{\d*\}|\$\{|\$\(|%\(|%s|test|mock|demo|todo|fixme|sandbox|local|(?:^|[-_])dev(?:$|[-_])/i;
/** In a free-form value (a password), the words people use when they make one up. */
const MADE_UP_WORDS = /secret|passw(?:or)?d|token|default|admin|qwerty|letmein|welcome/i;

/**
 * Example values from the specifications and vendor docs that libraries quote in their docstrings
 * (RFC 6749 and RFC 5849 OAuth examples): documentation everyone has already read.
 */
const WELL_KNOWN_EXAMPLES = new Set([
  '2YotnFZFEjr1zCsicMWpAA', 'tGzv3JOkF0XG5Qx2TlKWIA', 'SplxlOBeZQQYbYS6WxSbIA', '7Fjfp0ZBr1KtDRbnfVdmIw', 's6BhdRkqt3', 'gX1fBat3bV',
  'dpf43f3p2l4k3l03', 'kd94hf93k423kf44', 'hh5s93j4hdidpola', 'hdhd0244k9j7ao03', 'nnch734d00sl2jdk', 'pfkkdhi9sl3r4s00',
  '0685bd9184jfhq22', 'ad180jjd733klru7', 'wOJIO9A2W5mFwDgiDvZbTSMK%2FPY%3D', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
]);
/** Bodies of vendor documentation keys, whatever prefix they are given (Stripe's docs key). */
const WELL_KNOWN_BODIES = ['4eC39HqLyjWDarjtT1zdp7dc'];

/** True for a value quoted from a specification or vendor documentation. */
export function isWellKnownExample(value: string): boolean {
  return WELL_KNOWN_EXAMPLES.has(value) || WELL_KNOWN_BODIES.some((body) => value.includes(body));
}

/** `s3cr3t`, `P@ssw0rd`, `admin123`: a password a person made up for an example, leetspeak undone. */
export function isMadeUpPassword(value: string): boolean {
  const plain = value.toLowerCase().replace(/[013457@$!]/g, (char) => ({ '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's', '!': 'i' })[char] ?? char);
  return MADE_UP_WORDS.test(plain);
}

/** Shannon entropy in bits per character. */
export function shannonEntropy(value: string): number {
  if (value.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const char of value) counts.set(char, (counts.get(char) ?? 0) + 1);
  let entropy = 0;
  for (const count of counts.values()) {
    const p = count / value.length;
    entropy -= p * Math.log2(p);
  }
  return entropy;
}

/** `123456`, `abcdef`, `FEDCBA`: a run of 6 consecutive characters up or down, as people type them. */
export function hasKeyboardRun(value: string, length = 6): boolean {
  let up = 1;
  let down = 1;
  for (let index = 1; index < value.length; index += 1) {
    const step = value.charCodeAt(index) - value.charCodeAt(index - 1);
    up = step === 1 ? up + 1 : 1;
    down = step === -1 ? down + 1 : 1;
    if (up >= length || down >= length) return true;
  }
  return false;
}

/**
 * True when a token that has a provider's shape is evidently not a live one: an example
 * (`AKIAIOSFODNN7EXAMPLE`), `xxxx`, a test key, a typed run (`1234567890`), a repeated pattern,
 * or too little randomness to have come from a generator.
 */
export function isPlaceholderToken(token: string): boolean {
  if (PLACEHOLDER_MARKERS.test(token) || isWellKnownExample(token)) return true;
  if (isPlaceholderValue(token)) return true;
  if (hasKeyboardRun(token)) return true;
  if (/(.{1,4})\1{4,}/.test(token)) return true;
  return token.length >= 16 && shannonEntropy(token) < 3;
}

/** `Bearer abc`, `Basic abc`, `token abc`: the scheme is not part of the secret. */
export function stripAuthScheme(value: string): string {
  return value.replace(/^(?:Bearer|Basic|Token|token|Bot|Digest)\s+/, '');
}

const PURE_WORDS = /^[A-Za-z]+(?:[-_.:/ ][A-Za-z]+)*$/;
/** `IpAddress`, `Ipv6CidrAssociations`, `V1ObjectReference`: a type or field name. */
const CAMEL_IDENTIFIER = /^[A-Za-z][a-z]+(?:[A-Z][a-z]+)+\d*$|^[A-Za-z][a-z]*\d{0,2}(?:[A-Z][a-z]{2,}\d{0,2})+$/;
/**
 * `user:profile:v2`, `x-hub-signature-256`, `app.auth.token`, `enable-oslogin-2fa`,
 * `authentication.gke.io/v1alpha1`: a name, not a secret. Segments are words (with trailing
 * digits), numbers, a digit with a short unit (`2fa`, `3d`) or an API version (`v1beta2`).
 */
const NAME_LIKE = /^[A-Za-z]+\d*(?:[-_.:/](?:[A-Za-z]+\d*|\d+|\d[a-z]{1,3}|v\d+(?:alpha|beta|rc)\d*))+$/;
const REGEX_LIKE = /\[[^\]]+\]|\\[dDwWsSbB./]|\(\?[:P!=<]|\{\d+,?\d*\}/;
const FILE_NAME = /\.(?:pem|key|crt|cer|p12|pfx|jks|keystore|json|txt|ya?ml|env|ini|cfg|conf|toml|html?|js|py)$/i;

/** What kind of secret the name promises: a password-like value chosen by a person, or a generated token. */
export type CredentialKind = 'password' | 'token';

/** `DB_PASSWORD`, `client_secret`: a person may have typed it. Everything else secret-named holds a generated value. */
export function credentialKindOf(name: string): CredentialKind {
  return /pass(?:word|wd)?(?![a-z])|pwd|secret/i.test(name) ? 'password' : 'token';
}

/**
 * True when a value assigned to a secret-named variable looks like the real thing. Passwords need
 * 8 characters that are not plain words; generated tokens need 16 characters, two character classes
 * and the entropy of a generator (3.3 bits/char; hex is ~3.7, base64 ~5). URLs, paths, emails, file
 * names, identifiers, regexes, templates and placeholders never are.
 */
export function looksLikeCredential(raw: string, kind: CredentialKind): boolean {
  const value = stripAuthScheme(raw.trim());
  if (value.length < 8 || value.length > 1000 || /\s/.test(value)) return false;
  if (isPlaceholderValue(value) || PLACEHOLDER_MARKERS.test(value) || isWellKnownExample(value)) return false;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value) || /^(?:\.{0,2}\/|~\/|[A-Za-z]:\\)/.test(value)) return false;
  // `urn:ietf:params:oauth:token-type:jwt`: a registered name, not a value anyone could use.
  if (/^urn:[a-z0-9][a-z0-9-]{0,31}:/i.test(value)) return false;
  if (/^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$/.test(value) || FILE_NAME.test(value) || REGEX_LIKE.test(value)) return false;
  if (/^\d+$/.test(value) || /^\d+(?:\.\d+)+$/.test(value)) return false;
  const core = value.replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, '');
  if (PURE_WORDS.test(core) || CAMEL_IDENTIFIER.test(core) || NAME_LIKE.test(core)) return false;
  if (hasKeyboardRun(value) || /(.{1,4})\1{3,}/.test(value)) return false;
  const entropy = shannonEntropy(value);
  if (kind === 'password') return !isMadeUpPassword(value) && entropy >= 2.5;
  return value.length >= 16 && characterClasses(value) >= 2 && entropy >= 3.3;
}

function characterClasses(value: string): number {
  return [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((pattern) => pattern.test(value)).length;
}
