// Vitest globalSetup: makes one Postgres server available to the whole test run.
//
// - TEST_DATABASE_URL set: use that server as-is (it must accept CREATE DATABASE).
// - Otherwise: start a throwaway Postgres cluster (15+) in a temp directory on a free
//   127.0.0.1 port, and stop and delete it in teardown.
//
// Tests get the admin URL through `inject('postgresUrl')` (see postgres-database.ts) and
// create their own database on it, so test files stay isolated and can run in parallel.
// When no server can be had, locally the URL is null and Postgres suites skip; in CI
// (`CI` set) this throws instead, because there the Postgres tests must always run.

import type { TestProject } from 'vitest/node';
import { checkPostgresServer, startPostgresCluster, type PostgresCluster } from './postgres-cluster.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Admin connection URL of the test Postgres server, or null when Postgres tests are skipped. */
    postgresUrl: string | null;
  }
}

type Teardown = () => Promise<void>;

// Named `setup` (vitest also accepts a default export); its returned function is the teardown.
export async function setup(project: TestProject): Promise<Teardown | undefined> {
  const explicitUrl = process.env['TEST_DATABASE_URL'];
  if (explicitUrl !== undefined && explicitUrl !== '') {
    // An explicitly configured server that doesn't answer is a configuration error, not a
    // reason to silently skip: fail loudly even outside CI.
    await checkPostgresServer(explicitUrl, 'TEST_DATABASE_URL');
    project.provide('postgresUrl', explicitUrl);
    return undefined;
  }

  let cluster: PostgresCluster;
  try {
    cluster = await startPostgresCluster();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    if (process.env['CI']) {
      throw new Error(`CI is set, so Postgres tests must run, but no Postgres server could be started: ${reason}`, {
        cause: error,
      });
    }
    console.warn(`[postgres] Postgres tests will be skipped: ${firstLine(reason)}`);
    project.provide('postgresUrl', null);
    return undefined;
  }

  project.provide('postgresUrl', cluster.url);
  return cluster.stop;
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? text;
}
