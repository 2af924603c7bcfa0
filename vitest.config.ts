import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Starts a throwaway Postgres 15 cluster (or uses TEST_DATABASE_URL) once for the whole run.
    globalSetup: ['tests/support/postgres.global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // 2-core machines: PGlite instances and a Postgres cluster share them.
    maxWorkers: 2,
  },
});
