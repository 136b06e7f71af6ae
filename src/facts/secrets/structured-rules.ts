import { TOKEN_SHAPES } from '../../util/token-shapes.js';
import { isPlaceholderValue } from '../secret-values.js';
import type { MatchOverride, SecretRule } from './rule-types.js';
import { isMadeUpPassword, isPlaceholderToken } from './value-judgement.js';

/**
 * Credentials that need more than a shape to judge: key blocks (is there a body?), JWTs (what do
 * they grant?), URLs with a password (where do they point?).
 */

const BLOCK_LIMIT = 12_000;

/** The key material after `-----BEGIN ... PRIVATE KEY-----`, up to its END line (or what is there). */
function judgePrivateKey(match: RegExpExecArray, text: string, start: number): false | MatchOverride {
  // The body ends at the next `-----` (its END, or the next block): each stretch of text is read
  // once, so a file of BEGIN lines with no END stays linear.
  const window = text.slice(start + match[0].length, start + match[0].length + BLOCK_LIMIT);
  const end = window.indexOf('-----');
  const raw = end === -1 ? window : window.slice(0, end);
  // A key inside a JSON or code string has `\n` escapes, quotes and `+` between its lines.
  const body = raw.replace(/\\[nr]|["'`+,;\s]/g, '');
  const material = /^[A-Za-z0-9+/=:-]+/.exec(body)?.[0] ?? '';
  if (material.length < 64 || isPlaceholderToken(material.slice(0, 64))) return false;
  const override: MatchOverride = { value: material.slice(0, 64) };
  if ((match[1] ?? '').includes('ENCRYPTED')) override.severity = 'moderate';
  const lineStart = text.lastIndexOf('\n', start) + 1;
  if (/"private_key"\s*:/.test(text.slice(lineStart, start)) && /"type"\s*:\s*"service_account"/.test(text)) override.rule = 'gcp-service-account-key';
  return override;
}

function decodeSegment(segment: string): Record<string, unknown> | undefined {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** A token that names no subject, issuer, audience, lifetime or grant is a documentation example (`{"some": "payload"}`). */
const REGISTERED_CLAIMS = ['iss', 'sub', 'aud', 'exp', 'nbf', 'iat', 'jti', 'role', 'scope', 'user_id', 'uid', 'email'];

/**
 * A JWT is a credential when it is signed and grants something. Supabase's `anon` key is public by
 * design (it ships to browsers); its `service_role` key bypasses row-level security. The jwt.io
 * sample token is documentation.
 */
function judgeJwt(match: RegExpExecArray): false | MatchOverride | undefined {
  const [header, payload] = (match[1] ?? '').split('.');
  const head = decodeSegment(header ?? '');
  const claims = decodeSegment(payload ?? '');
  if (!head || typeof head.alg !== 'string' || head.alg.toLowerCase() === 'none' || !claims) return false;
  if (claims.role === 'anon' || !REGISTERED_CLAIMS.some((claim) => claim in claims)) return false;
  if (claims.sub === '1234567890' && claims.name === 'John Doe') return false;
  if (Object.values(claims).some((value) => typeof value === 'string' && isPlaceholderToken(value) && /example|test|fake|dummy/i.test(value))) return false;
  if (claims.role === 'service_role') return { rule: 'supabase-service-role-key', severity: 'critical' };
  return undefined;
}

/** Passwords people leave in local connection strings: not secrets anyone can use elsewhere. */
const DEFAULT_PASSWORDS = new Set(['password', 'pass', 'passwd', 'pwd', 'secret', 'postgres', 'root', 'admin', 'mysql', 'redis', 'guest', 'user', 'test', 'dev', 'example', 'changeme', 'pw', '123456', 'dbpass', 'mongo', 'rabbitmq']);
const PLACEHOLDER_HOSTS = /^(?:host|hostname|server|your[-_.]?\w*|db[-_]?host|<.*>|\{.*\}|.*example\.(?:com|org|net)|.*\.example)$/i;
const LOCAL_HOST = /^(?:localhost|127(?:\.\d{1,3}){3}|0\.0\.0\.0|\[::1?\]|host\.docker\.internal)$/i;

/**
 * `postgres://app:Xk29fj3sLq@db.prod.example.net/app`: the password opens the database to whoever
 * reads it. Local development URLs (localhost) and stand-in passwords are not reported; a password
 * for a one-label host (`db`, a compose service) is moderate: often a dev default, sometimes not.
 */
function judgeConnectionString(match: RegExpExecArray): false | MatchOverride | undefined {
  const [, scheme = '', user = '', password = '', host = ''] = match;
  const decoded = safeDecode(password);
  if (/^https?$/i.test(scheme) && /^(?:x-access-token|oauth2|git|token)$/i.test(user) && isPlaceholderValue(decoded)) return false;
  // `https://a.com:123,b:c@d.com`: a host:port list (MultiHostUrl, Mongo replica sets), not user:password.
  if (/^\d{1,5},/.test(decoded) && /^[\w-]+(?:\.[\w-]+)+$/.test(user)) return false;
  if (decoded.length < 5 || DEFAULT_PASSWORDS.has(decoded.toLowerCase()) || decoded === user || isPlaceholderValue(decoded) || isMadeUpPassword(decoded)) return false;
  if (/\$\{|\$[A-Za-z_]|%\(|%s|[{}<>]|\*{2}/.test(password) || (decoded.length >= 16 && isPlaceholderToken(decoded))) return false;
  if (LOCAL_HOST.test(host) || PLACEHOLDER_HOSTS.test(host)) return false;
  return host.includes('.') ? undefined : { severity: 'moderate' };
}

/** Only a URL with an `@` in its authority can carry a password: most `://` hits end here. */
function aroundUserInfo(text: string, hitStart: number, hitEnd: number): [number, number] | undefined {
  const limit = Math.min(text.length, hitEnd + 400);
  for (let index = hitEnd; index < limit; index += 1) {
    const char = text.charAt(index);
    if (char === '@') return [hitStart - 31, index + 256];
    if (char === '/' || char === '?' || char === '#' || char === '"' || char === "'" || char === '`' || char === '<' || char === '>' || char <= ' ') return undefined;
  }
  return undefined;
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

export const STRUCTURED_RULES: readonly SecretRule[] = [
  {
    id: 'private-key',
    title: 'private key',
    severity: 'critical',
    keywords: ['private key-----', 'private key block-----'],
    pattern: /-----BEGIN ((?:[A-Z0-9]+ )*)PRIVATE KEY(?: BLOCK)?-----/,
    judge: judgePrivateKey,
    revoke: 'wherever the key is trusted (remove it from authorized_keys, reissue the certificate, rotate the deploy key)',
  },
  {
    id: 'jwt',
    title: 'JSON Web Token',
    severity: 'moderate',
    keywords: ['eyj'],
    pattern: TOKEN_SHAPES.jwt,
    judge: judgeJwt,
    revoke: 'the service that issued it (rotate its signing key if the token does not expire)',
  },
  {
    id: 'connection-string-password',
    title: 'password in a connection URL',
    severity: 'critical',
    keywords: ['://'],
    pattern: /\b([a-z][a-z0-9+.-]{1,30}):\/\/([^\s:@/'"`<>]{0,128}):([^\s@/'"`<>]{1,256})@([^\s/'"`<>?#:,;]{1,255})/i,
    secretGroup: 3,
    around: aroundUserInfo,
    judge: judgeConnectionString,
    revoke: 'the database or service (change the password, then update the deployment secret)',
  },
];

/** Rule ids a judge can turn a match into, with what they are. */
export const DERIVED_RULES: Readonly<Record<string, { title: string; revoke: string }>> = {
  'gcp-service-account-key': { title: 'Google Cloud service-account key', revoke: 'the Google Cloud console (IAM > Service accounts > Keys > delete the key)' },
  'supabase-service-role-key': { title: 'Supabase service-role key', revoke: 'the Supabase dashboard (Project settings > API > roll the JWT secret)' },
};
