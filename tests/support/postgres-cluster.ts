// Starts a throwaway Postgres cluster (15+) in a temp directory on a free 127.0.0.1 port, for
// the test run (postgres.global-setup.ts) and the sync benchmark (bench/). The cluster is
// durability-free (fsync off) and is stopped and deleted by stop(), or at process exit at the latest.
//
// As root, initdb and the server run as the `postgres` user (initdb refuses root).

import { execFile, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const execFileAsync = promisify(execFile);

const PREFERRED_BINDIR = '/usr/lib/postgresql/15/bin';
const MIN_SERVER_VERSION_NUM = 150000;
// Role and database the tests (and the benchmark) connect as; superuser so they may create
// extensions and drop databases that still have connections.
const TEST_ROLE = 'sheets_sfa';
const TEST_DATABASE = 'sheets_sfa';
const START_ATTEMPTS = 3;

/** A running throwaway cluster: the URL of a superuser role's own database on it. */
export interface PostgresCluster {
  readonly url: string;
  /** Stops the server and deletes its directory. Safe to call twice. */
  readonly stop: () => Promise<void>;
}

/**
 * Starts a fresh cluster and creates the role and database its URL names. Throws, having cleaned
 * up, when no server binaries are installed or the server does not start.
 */
export async function startPostgresCluster(): Promise<PostgresCluster> {
  const startedAt = performance.now();
  const bindir = await findBindir();
  const runAs = await postgresRunner();

  // initdb refuses to run as root and the server must own its data directory, so as root
  // everything runs as the `postgres` user inside a directory that user owns. The base is
  // /tmp rather than $TMPDIR so it is never somewhere (like /root) that user can't reach.
  const base = runAs.asPostgresUser ? '/tmp' : tmpdir();
  const dir = mkdtempSync(join(base, 'sheets-sfa-pg-'));
  const dataDir = join(dir, 'data');
  const logFile = join(dir, 'server.log');
  if (runAs.asPostgresUser) chownSync(dir, runAs.uid, runAs.gid);

  let serverMayBeRunning = false;
  let stopped = false;
  const stopNow = (): void => {
    // Synchronous on purpose: it also runs from the process 'exit' handler, where async
    // work never completes (e.g. vitest exiting on SIGINT/SIGTERM without teardown).
    if (stopped) return;
    stopped = true;
    process.off('exit', stopNow);
    if (serverMayBeRunning && existsSync(join(dataDir, 'postmaster.pid'))) {
      const [command, ...args] = runAs.command(join(bindir, 'pg_ctl'), ['stop', '-D', dataDir, '-m', 'immediate', '-w', '-t', '30']);
      spawnSync(command ?? '', args, { cwd: dir, stdio: 'ignore' });
    }
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', stopNow);

  try {
    await runAs.run(
      join(bindir, 'initdb'),
      ['-D', dataDir, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C', '--no-sync', '--no-instructions'],
      dir,
    );

    let url: string | undefined;
    for (let attempt = 1; url === undefined; attempt++) {
      const port = await freePort();
      const options = [
        `-c port=${port}`,
        '-c listen_addresses=127.0.0.1',
        // The socket lives in our temp dir so we never collide with a system cluster's /var/run/postgresql.
        `-c unix_socket_directories=${dir}`,
        // Durability is worthless for a throwaway cluster; these make DDL-heavy tests much faster.
        '-c fsync=off',
        '-c synchronous_commit=off',
        '-c full_page_writes=off',
        '-c max_connections=200',
      ].join(' ');
      serverMayBeRunning = true;
      try {
        await runAs.run(join(bindir, 'pg_ctl'), ['start', '-D', dataDir, '-l', logFile, '-w', '-t', '60', '-o', options], dir);
      } catch (error) {
        // The port may have been taken between probing and binding: retry on a fresh one.
        const log = readLog(logFile);
        if (attempt < START_ATTEMPTS && /could not bind|address already in use/i.test(log)) continue;
        throw new Error(`${describeError(error)}\n--- server log (${logFile}) ---\n${log}`, { cause: error });
      }
      await bootstrap(`postgresql://postgres@127.0.0.1:${port}/postgres`);
      url = `postgresql://${TEST_ROLE}@127.0.0.1:${port}/${TEST_DATABASE}`;
    }

    const version = await checkPostgresServer(url, 'the test cluster');
    const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
    console.log(`[postgres] test cluster ${version} on ${url} ready in ${seconds}s`);

    return {
      url,
      stop: async () => {
        if (stopped) return;
        try {
          await runAs.run(join(bindir, 'pg_ctl'), ['stop', '-D', dataDir, '-m', 'fast', '-w', '-t', '30'], dir);
          serverMayBeRunning = false;
        } catch {
          // Fall through: stopNow() retries with immediate shutdown.
        } finally {
          stopNow();
        }
      },
    };
  } catch (error) {
    // Vitest only registers a teardown once setup has returned, so clean up here.
    stopNow();
    throw error;
  }
}

/** Creates the role and database the tests connect as. */
async function bootstrap(superuserUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: superuserUrl });
  await client.connect();
  try {
    await client.query(`create role ${TEST_ROLE} login superuser`);
    await client.query(`create database ${TEST_DATABASE} owner ${TEST_ROLE}`);
  } finally {
    await client.end();
  }
}

/** Connects once and returns the server version, insisting on Postgres 15 or newer. */
export async function checkPostgresServer(url: string, label: string): Promise<string> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  let row: { num: string; version: string } | undefined;
  try {
    await client.connect();
    const result = await client.query<{ num: string; version: string }>(
      "select current_setting('server_version_num') as num, current_setting('server_version') as version",
    );
    row = result.rows[0];
  } catch (error) {
    throw new Error(`could not query ${label} (${redact(url)}): ${describeError(error)}`, { cause: error });
  } finally {
    await client.end().catch(() => undefined);
  }
  if (row === undefined) throw new Error(`${label}: version query returned no rows`);
  if (Number(row.num) < MIN_SERVER_VERSION_NUM) {
    throw new Error(`${label} runs Postgres ${row.version}; 15 or newer is required`);
  }
  return row.version;
}

async function findBindir(): Promise<string> {
  const candidates = [PREFERRED_BINDIR];
  try {
    const { stdout } = await execFileAsync('pg_config', ['--bindir']);
    candidates.push(stdout.trim());
  } catch {
    // No pg_config on PATH: only the preferred location is left.
  }
  for (const bindir of candidates) {
    if (existsSync(join(bindir, 'initdb')) && existsSync(join(bindir, 'pg_ctl'))) return bindir;
  }
  throw new Error(
    `no Postgres server binaries (initdb, pg_ctl) in ${candidates.join(' or ')}; install Postgres 15 (apt-get install postgresql) or set TEST_DATABASE_URL`,
  );
}

interface PostgresRunner {
  readonly asPostgresUser: boolean;
  readonly uid: number;
  readonly gid: number;
  /** The argv that runs `bin args` as the user owning the cluster. */
  readonly command: (bin: string, args: readonly string[]) => string[];
  readonly run: (bin: string, args: readonly string[], cwd: string) => Promise<void>;
}

async function postgresRunner(): Promise<PostgresRunner> {
  const asPostgresUser = process.getuid?.() === 0;
  let uid = -1;
  let gid = -1;
  if (asPostgresUser) {
    try {
      uid = Number((await execFileAsync('id', ['-u', 'postgres'])).stdout.trim());
      gid = Number((await execFileAsync('id', ['-g', 'postgres'])).stdout.trim());
    } catch {
      throw new Error("running as root, and initdb refuses root, but there is no 'postgres' user to run it as");
    }
  }
  const command = (bin: string, args: readonly string[]): string[] =>
    asPostgresUser ? ['runuser', '-u', 'postgres', '--', bin, ...args] : [bin, ...args];
  return {
    asPostgresUser,
    uid,
    gid,
    command,
    run: async (bin, args, cwd) => {
      const [file, ...rest] = command(bin, args);
      try {
        // cwd is the temp dir: the postgres user may not be able to read the repo checkout.
        await execFileAsync(file ?? '', rest, { cwd });
      } catch (error) {
        throw new Error(`${bin.split('/').pop() ?? bin} ${args[0] ?? ''} failed: ${describeError(error)}`, { cause: error });
      }
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => (port > 0 ? resolve(port) : reject(new Error('could not pick a free TCP port'))));
    });
  });
}

function readLog(logFile: string): string {
  try {
    return readFileSync(logFile, 'utf8').trim().split('\n').slice(-30).join('\n');
  } catch {
    return '(no server log)';
  }
}

function describeError(error: unknown): string {
  if (error instanceof Error) {
    const stderr = 'stderr' in error && typeof error.stderr === 'string' ? error.stderr.trim() : '';
    return stderr === '' ? error.message : `${error.message.split('\n')[0] ?? ''}: ${stderr}`;
  }
  return String(error);
}

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');
}
