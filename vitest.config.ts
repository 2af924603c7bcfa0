import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Starts a throwaway Postgres 15 cluster (or uses TEST_DATABASE_URL) once for the whole run;
    // builds the add-on once (tests that run the built bundle on the Apps Script fakes).
    globalSetup: ['tests/support/postgres.global-setup.ts', 'tests/support/addon-bundle.global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // 2-core machines: PGlite instances and a Postgres cluster share them.
    maxWorkers: 2,
  },
});
