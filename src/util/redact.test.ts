import { describe, expect, it } from 'vitest';
import { maskSecret, redact } from './redact.js';

describe('redact', () => {
  it('masks given values and the password of connection strings', () => {
    expect(redact('KEY=abcdef123456', ['abcdef123456'])).toBe('KEY=********');
    expect(redact('postgres://shop:Vq83kdlL2x@db:5432/shop')).toBe('postgres://shop:********@db:5432/shop');
    expect(redact('postgres://shop:${DB_PASSWORD}@db/shop')).toBe('postgres://shop:${DB_PASSWORD}@db/shop');
  });

  it('keeps a recognisable prefix of long secrets only', () => {
    expect(maskSecret('sk_live_4eC39HqLyjWDarjtT1zdp7dc')).toBe('sk_l************');
    expect(maskSecret('short')).toBe('********');
  });

  // A quadratic pattern would need about 2e10 steps here and hit the timeout; a linear one takes milliseconds.
  it('stays linear on long runs that almost look like URLs', { timeout: 10_000 }, () => {
    const hostile = `${'a'.repeat(200_000)}://${'b'.repeat(50_000)}`;
    expect(redact(hostile)).toBe(hostile);
  });
});
