import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['**/fixtures/**', 'node_modules/**', 'dist/**'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // The suite never reaches the real OSV API (CLI child processes inherit this); API tests use a loopback stand-in.
    env: { LIVEREADY_OSV_API: 'off' },
  },
});
