/**
 * Shared judgement about names and values: is this variable a secret, and is this value a real one
 * or a placeholder? Used by the env checks, the secret scanner and the simulation's placeholders.
 */

const SECRET_NAME = /(SECRET|TOKEN|PASSWORD|PASSWD|PWD|PASS$|PRIVATE|CREDENTIAL|API_?KEY|ACCESS_?KEY|AUTH(?!OR(?!IZ))|SIGNING|ENCRYPTION|_KEY$|^KEY$|DSN$|SALT|WEBHOOK)/i;
const URL_WITH_PASSWORD = /^[a-z][a-z0-9+.-]*:\/\/[^:/@\s]+:([^@\s]+)@/i;

/** True when a variable's name says it holds a secret (`STRIPE_SECRET_KEY`, `DB_PASSWORD`, `SENTRY_DSN`). */
export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name) && !/^(PUBLIC_|NEXT_PUBLIC_|VITE_|REACT_APP_)/.test(name) && !/PUBLIC|PUBLISHABLE/i.test(name) && !/_(URL|HOST|PORT|PATH|FILE|ID|NAME|USER|USERNAME|REGION|ALGORITHM|EXPIRES?_?\w*|TTL|LENGTH)$/i.test(name);
}

const PLACEHOLDER_WORDS =
  /^(?:|x+|\*+|\.+|-+|0+|null|none|nil|undefined|empty|todo|tbd|fixme|change[-_ ]?me|changeit|replace[-_ ]?me|placeholder|example|sample|dummy|fake|test|testing|secret|password|token|key|value|your[-_ ].*|my[-_ ].*|<.*>|\[.*\]|\{.*\}|\$\{.*\}|\$[A-Z_]+|%.*%|.*(?:here|goes[-_ ]here)|xxx.*|.*xxxx.*|sk_test_.*|pk_test_.*|.*example\.(?:com|org)\b.*)$/i;

/** True for values that are obviously not real: empty, `changeme`, `<your-key>`, `xxx`, `${VAR}`, test keys. */
export function isPlaceholderValue(value: string): boolean {
  const trimmed = value.trim();
  if (PLACEHOLDER_WORDS.test(trimmed)) return true;
  const password = URL_WITH_PASSWORD.exec(trimmed)?.[1];
  return password !== undefined && isPlaceholderValue(password);
}

/** The password inside a connection string (`postgres://app:s3cr3t@db/app` -> `s3cr3t`), if any. */
export function passwordInUrl(value: string): string | undefined {
  return URL_WITH_PASSWORD.exec(value.trim())?.[1];
}

/** True when a value would leak something if published: a secret-named variable with a real value, or a URL with a real password. */
export function isRealSecret(name: string, value: string): boolean {
  const password = passwordInUrl(value);
  if (password !== undefined) return !isPlaceholderValue(password);
  return isSecretName(name) && !isPlaceholderValue(value) && value.trim().length >= 6;
}
