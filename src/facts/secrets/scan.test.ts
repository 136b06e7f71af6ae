import { describe, expect, it } from 'vitest';
import type { FileKind } from '../../model/file-kind.js';
import { scanSecrets } from './scan.js';

/** Deterministic random-looking characters, so no token in this file is a real one. */
function fake(length: number, alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789', seed = 7): string {
  let state = seed * 2654435761;
  let out = '';
  for (let index = 0; index < length; index += 1) {
    state = (state ^ (state << 13)) >>> 0;
    state = (state ^ (state >>> 17)) >>> 0;
    state = (state ^ (state << 5)) >>> 0;
    out += alphabet.charAt(state % alphabet.length);
  }
  return out;
}
const HEX = '0123456789abcdef';
const UPPER32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function rules(text: string, kind: FileKind = 'python'): string[] {
  return scanSecrets(text, kind).map((match) => `${match.rule}:${match.severity}`);
}

const jwtPart = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');
const jwt = (claims: object): string => `${jwtPart({ alg: 'HS256', typ: 'JWT' })}.${jwtPart(claims)}.${fake(43, undefined, 3)}`;

describe('scanSecrets: known formats', () => {
  const cases: Array<[string, string, string]> = [
    ['aws-access-key-id:moderate', `AWS_ACCESS_KEY_ID = "AKIA${fake(16, UPPER32)}"`, 'python'],
    ['aws-secret-access-key:critical', `aws_secret_access_key = ${fake(40, undefined, 11)}`, 'ini'],
    ['gcp-oauth-client-secret:critical', `clientSecret: 'GOCSPX-${fake(28)}',`, 'javascript'],
    ['google-api-key:moderate', `const maps = "AIza${fake(35)}";`, 'javascript'],
    ['azure-storage-account-key:critical', `conn = "DefaultEndpointsProtocol=https;AccountName=shop;AccountKey=${fake(86)}==;EndpointSuffix=core.windows.net"`, 'python'],
    ['github-token:critical', `token = "ghp_${fake(36)}"`, 'python'],
    ['github-fine-grained-token:critical', `GH=github_pat_${fake(22)}_${fake(59, undefined, 5)}`, 'shell'],
    ['gitlab-token:critical', `GITLAB = "glpat-${fake(20)}"`, 'python'],
    ['npm-token:critical', `//registry.npmjs.org/:_authToken=npm_${fake(36)}`, 'other'],
    ['slack-token:critical', `SLACK = "xoxb-${fake(11, HEX.slice(0, 10))}-${fake(12, HEX.slice(0, 10), 4)}-${fake(24, undefined, 9)}"`, 'python'],
    ['slack-webhook:moderate', `url: https://hooks.slack.com/services/T${fake(8, UPPER32)}/B${fake(8, UPPER32, 3)}/${fake(24)}`, 'yaml'],
    ['discord-webhook:moderate', `hook = "https://discord.com/api/webhooks/112233445566778899/${fake(68)}"`, 'python'],
    ['telegram-bot-token:critical', `bot = Bot("846213597:AA${fake(33)}")`, 'python'],
    ['openai-api-key:critical', `client = OpenAI(api_key="sk-proj-${fake(48)}")`, 'python'],
    ['anthropic-api-key:critical', `ANTHROPIC = 'sk-ant-api03-${fake(93)}AA'`, 'python'],
    ['huggingface-token:critical', `login("hf_${fake(34, 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ')}")`, 'python'],
    ['stripe-secret-key:critical', `stripe.api_key = "sk_live_${fake(24)}"`, 'python'],
    ['stripe-webhook-secret:critical', `const secret = 'whsec_${fake(32)}';`, 'javascript'],
    ['sendgrid-api-key:critical', `SENDGRID = "SG.${fake(22)}.${fake(43, undefined, 5)}"`, 'python'],
    ['mailgun-api-key:critical', `auth=("api", "key-${fake(32, HEX)}")`, 'python'],
    ['twilio-api-key:critical', `from twilio.rest import Client\nclient = Client("SK${fake(32, HEX)}", secret)`, 'python'],
    ['discord-bot-token:critical', `import discord\nbot.run("MT${fake(24)}.${fake(6, undefined, 2)}.${fake(38, undefined, 3)}")`, 'python'],
    ['jwt:moderate', `auth = "Bearer ${jwt({ sub: 'user-42', iat: 1716239022 })}"`, 'python'],
    ['supabase-service-role-key:critical', `const key = '${jwt({ iss: 'supabase', role: 'service_role', iat: 1700000000 })}';`, 'javascript'],
    ['connection-string-password:critical', `DATABASE = "postgres://shop:${fake(14)}@db.prod.shop-internal.net:5432/shop"`, 'python'],
    ['connection-string-password:moderate', `REDIS = "redis://:${fake(14)}@cache:6379/0"`, 'python'],
  ];
  it.each(cases)('finds %s', (expected, line, kind) => {
    expect(rules(`${line}\n`, kind as FileKind)).toContain(expected);
  });

  it('finds a private key block, even split over string lines, and masks from its material', () => {
    const body = fake(64 * 6).match(/.{64}/g)?.join('\n') ?? '';
    const pem = `-----BEGIN RSA PRIVATE KEY-----\n${body}\n-----END RSA PRIVATE KEY-----\n`;
    const [match] = scanSecrets(`# deploy key\n${pem}`, 'text');
    expect(match).toMatchObject({ rule: 'private-key', severity: 'critical', value: body.slice(0, 64) });
    const gcp = `{"type": "service_account", "private_key": "-----BEGIN PRIVATE KEY-----\\n${body.replace(/\n/g, '\\n')}\\n-----END PRIVATE KEY-----\\n"}`;
    expect(rules(gcp, 'json')).toEqual(['gcp-service-account-key:critical']);
    expect(rules(`-----BEGIN ENCRYPTED PRIVATE KEY-----\n${body}\n-----END ENCRYPTED PRIVATE KEY-----`, 'text')).toEqual(['private-key:moderate']);
  });

  it('finds a key in a comment: a comment is committed like code', () => {
    expect(rules(`# old key: sk_live_${fake(24)}\nstripe.api_key = os.environ["STRIPE_KEY"]\n`)).toEqual(['stripe-secret-key:critical']);
  });

  it('reports one finding per secret where rules overlap', () => {
    expect(rules(`STRIPE_SECRET_KEY = "sk_live_${fake(24)}"`)).toEqual(['stripe-secret-key:critical']);
    expect(rules(`REPO = "https://x-access-token:ghp_${fake(36)}@github.com/shop/api.git"`)).toEqual(['github-token:critical']);
  });
});

describe('scanSecrets: placeholders and examples are not secrets', () => {
  const quiet: Array<[string, string, string]> = [
    ['the AWS documentation key pair', 'AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE\nAWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'dotenv'],
    ['a Stripe test key', `stripe.api_key = "sk_test_${fake(24)}"`, 'python'],
    ['a publishable key', `STRIPE_PUBLISHABLE_KEY = "pk_live_${fake(24)}"`, 'python'],
    ['a typed run', 'stripe.api_key = "sk_live_1234567890abcdefghijklmn"', 'python'],
    ['x-ed out', 'token = "ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"', 'python'],
    ['angle brackets', 'OPENAI_API_KEY = "<your-openai-key>"', 'python'],
    ['an env reference', 'password: ${DB_PASSWORD}', 'yaml'],
    ['a template', 'SECRET_KEY = "{{ secret_key }}"', 'python'],
    ['changeme', 'JWT_SECRET=changeme', 'shell'],
    ['an env read', 'SECRET_KEY = os.environ["SECRET_KEY"]', 'python'],
    ['a Django dev key', "SECRET_KEY = 'django-insecure-8k$2m!x0q#v7w(r9z@p4t^l1n6b3c5d'", 'python'],
    ['a local dev database', 'DATABASE_URL = "postgresql://postgres:postgres@localhost:5432/shop"', 'python'],
    ['a local password', `DATABASE_URL = "postgresql://shop:${fake(12)}@localhost/shop"`, 'python'],
    ['a URL without a password', 'API = "https://api.stripe.com/v1/charges"', 'python'],
    ['type names and URNs under secret-sounding names', "SECRET_REF = 'V1ObjectReference'\nresult_key = 'Ipv6CidrAssociations'\nSERVICE_ACCOUNT_TOKEN_TYPE = 'urn:k8s:params:oauth:token-type:service-account-token'", 'python'],
    ['identifiers under secret-sounding names', "AUTH_VERSION_1_ALPHA = 'authentication.gke.io/v1alpha1'\nOSLOGIN_ENABLE_2FA_METADATA_KEY = 'enable-oslogin-2fa'", 'python'],
    ['a str.format template', 'base_key = "Software\\\\Python\\\\PythonCore\\\\{}.{}".format(major, minor)\nauth_token = "Bearer-{0}-Kx9Pq2Lm7Vn4".format(token)', 'python'],
    ['a multi-host URL (host:port lists, no password)', "mhu = MultiHostUrl('https://foo.com:123,foo:bar@bar.com/path')\nMONGO = 'mongodb://db1.shop.net:27017,db2.shop.net:27017/shop'", 'python'],
    ['a Supabase anon key (public by design)', `const anon = '${jwt({ iss: 'supabase', role: 'anon', iat: 1700000000 })}';`, 'javascript'],
    ['the jwt.io sample', "t = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c'", 'python'],
    ['a placeholder key block', '-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----', 'markdown'],
    ['a Slack sample', 'SLACK_BOT_TOKEN = "xoxb-not-a-real-token-this-will-not-work"', 'python'],
    ['an RFC example', 'access_token = "2YotnFZFEjr1zCsicMWpAA"', 'python'],
    ['npm config names', 'echo $npm_package_version $npm_config_registry', 'shell'],
    ['a leetspeak example password', 'DATABASE_URL = "postgres://app:s3cr3t@db.shop.dev/app"', 'python'],
    ["Stripe's documentation key", 'stripe.api_key = "sk_live_4eC39HqLyjWDarjtT1zdp7dc"', 'python'],
  ];
  it.each(quiet)('ignores %s', (_what, text, kind) => {
    expect(rules(text, kind as FileKind)).toEqual([]);
  });
});

describe('scanSecrets: secret-named assignments', () => {
  const real = fake(40, undefined, 21);
  const found: Array<[string, string, string]> = [
    ['a Python constant', `SECRET_KEY = "${real}"`, 'python'],
    ['a keyword argument', `conn = psycopg2.connect(host=host, password="Xk29fj3sLq!")`, 'python'],
    ['an annotated settings field', `    jwt_secret: str = "${real}"`, 'python'],
    ['a subscript', `app.config["SECRET_KEY"] = '${real}'`, 'python'],
    ['a JS object key', `  apiKey: '${real}',`, 'javascript'],
    ['a JSON key', `{ "client_secret": "${real}" }`, 'json'],
    ['a YAML value', `  password: Xk29fj3sLq!`, 'yaml'],
    ['a shell export', `export API_TOKEN=${real}`, 'shell'],
    ['a TOML key', `auth_token = "${real}"`, 'toml'],
    ['a hex secret', `SESSION_SECRET = "${fake(32, HEX)}"`, 'python'],
  ];
  it.each(found)('finds %s', (_what, text, kind) => {
    const [match] = scanSecrets(`${text}\n`, kind as FileKind);
    expect(match?.rule).toBe('secret-assignment');
    expect(match?.severity).toBe('moderate');
    expect(text.slice(match?.start ?? 0)).toContain(match?.value ?? '?');
  });

  const names: Array<[string, string, string]> = [
    ['a comparison', `if password == "Xk29fj3sLq!":`, 'python'],
    ['a type', 'password: string;', 'typescript'],
    ['a header name', 'AUTH_HEADER = "X-Auth-Token"', 'python'],
    ['a storage key', 'const TOKEN_KEY = "app.auth.token";', 'javascript'],
    ['a cache key', 'cache_key = "user:profile:v2"', 'python'],
    ['a regex', 'TOKEN_RE = r"[A-Za-z_][A-Za-z0-9_]*"', 'python'],
    ['a format string', 'PASSWORD_RESET = "/reset/{uid}/{token}/"', 'python'],
    ['an f-string', 'headers = {"Authorization": f"Bearer {token}"}', 'python'],
    ['a translation', '"password_too_short": "Password must be at least 8 characters",', 'json'],
    ['a public key', `VAPID_PUBLIC_KEY = "${real}"`, 'python'],
    ['the author', 'AUTHOR_EMAIL = "dana@shop.dev"', 'python'],
    ['a made-up password', 'DB_PASSWORD = "supersecret123"', 'python'],
    ['prose in documentation', `password: ${real}`, 'markdown'],
    ['a call, not a value', 'authority = _recompose_authority(components)', 'yaml'],
    ['a short token', 'API_KEY = "abc12345"', 'python'],
  ];
  it.each(names)('ignores %s', (_what, text, kind) => {
    expect(rules(`${text}\n`, kind as FileKind)).toEqual([]);
  });
});

describe('scanSecrets: robustness', () => {
  it('is linear on a long line full of keyword hits and finds the key at its end', () => {
    const line = `${'token auth secret _key :// '.repeat(4000)} sk_live_${fake(24)}`;
    expect(rules(line, 'text')).toEqual(['stripe-secret-key:critical']);
  });

  it('never throws on unbalanced quotes, lone keywords or non-ASCII text', () => {
    for (const text of ['password = "unterminated', 'token', '://', '-----BEGIN PRIVATE KEY-----', 'pässwörd = "Ünïcødé-Wert-123"', 'eyJ.eyJ.x']) {
      expect(() => scanSecrets(text, 'python')).not.toThrow();
    }
  });
});
