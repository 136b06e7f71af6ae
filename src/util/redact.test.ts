import { describe, expect, it } from 'vitest';
import { maskSecret, redact } from './redact.js';

const body = (length: number, seed = 5): string => Array.from({ length }, (_, index) => 'Ab3dE7gH9jK2mN4pQ6sT8vW0yZ1xC5'.charAt((index * seed + index * index) % 30)).join('');

describe('redact', () => {
  it('masks the values it is given wherever they appear', () => {
    expect(redact('password=hunter42 and again hunter42', ['hunter42'])).toBe('password=******** and again ********');
  });

  it('masks every known token shape even when no check named it', () => {
    const tokens = [`sk_live_${body(24)}`, `ghp_${body(36)}`, `AKIA${'QWERTYUPASDFGHJK'}`, `xoxb-1234567890-${body(24)}`, `SG.${body(22)}.${body(43, 7)}`, `npm_${body(36)}`, `glpat-${body(20)}`, `sk-ant-api03-${body(90)}`];
    for (const token of tokens) {
      const output = redact(`key: ${token} end`);
      expect(output).not.toContain(token.slice(4));
      expect(output).toBe(`key: ${maskSecret(token)} end`);
    }
  });

  it('keeps the host of a webhook or connection URL and masks only the secret part', () => {
    const hook = `https://hooks.slack.com/services/${body(30)}`;
    expect(redact(`url = "${hook}"`)).toBe(`url = "https://hooks.slack.com/services/${maskSecret(body(30))}"`);
    expect(redact('postgres://shop:Xk29fj3sLq@db.example.net/shop')).toBe('postgres://shop:********@db.example.net/shop');
    expect(redact('conn = "AccountName=shop;AccountKey=' + body(86) + '=="')).toContain('AccountKey=' + maskSecret(body(86) + '=='));
  });

  it('keeps a private key block\'s markers and masks its material', () => {
    expect(redact(`"private_key": "-----BEGIN PRIVATE KEY-----\\n${body(64)}\\n-----END PRIVATE KEY-----\\n"`)).toBe(`"private_key": "-----BEGIN PRIVATE KEY-----************-----END PRIVATE KEY-----\\n"`);
  });

  it('leaves ordinary text alone', () => {
    const text = 'DATABASE_URL=postgres://localhost/shop # token: ${TOKEN}';
    expect(redact(text)).toBe(text);
  });

  it('keeps short secrets fully masked and connection-string variables visible', () => {
    expect(maskSecret('short')).toBe('********');
    expect(redact('postgres://shop:${DB_PASSWORD}@db/shop')).toBe('postgres://shop:${DB_PASSWORD}@db/shop');
  });

  // A quadratic pattern would need about 2e10 steps here and hit the timeout; a linear one takes milliseconds.
  it('stays linear on long runs that almost look like URLs', { timeout: 10_000 }, () => {
    const hostile = `${'a'.repeat(200_000)}://${'b'.repeat(50_000)}`;
    expect(redact(hostile)).toBe(hostile);
  });
});
