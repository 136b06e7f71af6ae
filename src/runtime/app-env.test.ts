import { describe, expect, it } from 'vitest';
import type { EnvContract, EnvVariable } from '../facts/env-contract.js';
import { buildAppEnvironment, placeholderFor } from './app-env.js';

function variable(name: string, options: Partial<EnvVariable> & { value?: string; example?: string } = {}): EnvVariable {
  const { value, example, ...rest } = options;
  return {
    name,
    reads: [{ file: 'app.py', line: 1, column: 1, via: 'os.environ[]', strict: true, hasDefault: false }],
    provided: value === undefined ? [] : [{ file: '.env', line: 1, source: 'dotenv', value }],
    documented: example === undefined ? [] : [{ file: '.env.example', line: 1, value: example }],
    required: true,
    strict: true,
    secret: false,
    platform: false,
    ...rest,
  };
}

describe('buildAppEnvironment', () => {
  const base = { PATH: '/usr/bin', HOME: '/tmp/sandbox/home' };

  it('passes provided values, placeholders for secrets, and never invents a required variable nobody provides', () => {
    const contract: EnvContract = {
      variables: [
        variable('GREETING', { value: 'hello' }),
        variable('STRIPE_SECRET_KEY', { value: 'sk_live_realrealrealreal', secret: true }),
        variable('SESSION_SECRET', { example: '', secret: true }),
        variable('SHOP_NAME', { example: 'corner shop' }),
        variable('DATABASE_URL'),
        variable('PORT', { platform: true }),
      ],
    };
    const { env, summary } = buildAppEnvironment(contract, { env: { FEATURE_FLAGS: 'beta' } }, base, 41234);
    expect(env).toEqual({
      ...base,
      GREETING: 'hello',
      STRIPE_SECRET_KEY: placeholderFor('STRIPE_SECRET_KEY'),
      SESSION_SECRET: 'liveready-placeholder-session-secret',
      SHOP_NAME: 'corner shop',
      FEATURE_FLAGS: 'beta',
      PORT: '41234',
    });
    expect(summary).toEqual({ passed: ['GREETING', 'SHOP_NAME', 'FEATURE_FLAGS'], placeholders: ['STRIPE_SECRET_KEY', 'SESSION_SECRET'], missing: ['DATABASE_URL'] });
  });

  it('a variable a manifest provides without a value (the platform fills it) gets a placeholder, not a crash', () => {
    const fromDatabase = { ...variable('DATABASE_URL'), provided: [{ file: 'render.yaml', line: 9, source: 'render' }] };
    const { env, summary } = buildAppEnvironment({ variables: [fromDatabase] }, {}, base, undefined);
    expect(env.DATABASE_URL).toBe('liveready-placeholder-database-url');
    expect(summary).toEqual({ passed: [], placeholders: ['DATABASE_URL'], missing: [] });
  });

  it('the config wins over the project, and nothing of the calling process leaks in', () => {
    const contract: EnvContract = { variables: [variable('GREETING', { value: 'hello' })] };
    const { env } = buildAppEnvironment(contract, { env: { GREETING: 'hi from config' } }, base, undefined);
    expect(env).toEqual({ ...base, GREETING: 'hi from config' });
  });
});
