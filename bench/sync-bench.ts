// The sync benchmark: `npm run bench`.
//
// On real Postgres (BENCH_DATABASE_URL, or a throwaway cluster started here), for synthetic deal
// sheets of 10k and 100k rows: (a) first full sync, (b) re-sync after 1% of rows were edited,
// (c) re-sync with nothing changed (verified to write nothing), beside (d) a raw COPY FROM STDIN
// of the same rows and (e) a naive row-by-row upsert (10k only); the .xlsx source's read and write
// times; the service's two Google paths on a 20-column sheet (the add-on's push sync over HTTP to
// the real service, and the Google source against the local Sheets API stand-in, its requests
// counted); and a profile of where a sync's time goes. Every case runs in its own worker process.
// Prints a table and writes bench/results/latest.json.
//
// Environment: BENCH_DATABASE_URL (a role that may CREATE DATABASE), BENCH_SIZES (default
// "10000,100000"), BENCH_RUNS (default 3), BENCH_XLSX_100K ("auto" | "run" | "skip"),
// BENCH_CPU_PROF=1 (also CPU-profile the profile worker, into bench/results/cpu-profile/).
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { startPostgresCluster } from '../tests/support/postgres-cluster.ts';
import { caseNotes, caseRows, targetChecks, type BenchResults, type Measurements } from './bench-results.ts';
import { summarizeCpuProfile, type CpuSummary } from './cpu-profile-summary.ts';
import type { WithRss } from './google-path-results.ts';
import type { GoogleCasesResult } from './google-source-cases.ts';
import type { LoadResult } from './load-cases.ts';
import type { ProfileCaseResult } from './profile-case.ts';
import { resultLines } from './print-report.ts';
import type { PushCasesResult } from './push-sync-cases.ts';
import { runInWorker } from './run-in-worker.ts';
import type { SyncCasesResult } from './sync-cases.ts';
import type { XlsxCaseResult } from './xlsx-cases.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url)).replace(/\/$/, '');
const RESULTS_DIR = join(ROOT, 'bench', 'results');
const NAIVE_ROWS = 10_000;
const XLSX_100K = 100_000;
// exceljs is slow: the 100k workbook is only tried when the 10k one projects to fit in this.
const XLSX_BUDGET_MS = 240_000;

const env = process.env;
const sizes = (env['BENCH_SIZES'] ?? '10000,100000').split(',').map(Number).filter((n) => Number.isInteger(n) && n > 0).sort((a, b) => a - b);
const runs = Math.max(1, Number(env['BENCH_RUNS'] ?? 3));
const xlsx100k = env['BENCH_XLSX_100K'] ?? 'auto';
const cpuProfile = env['BENCH_CPU_PROF'] === '1';
const common = { seed: 20261120, today: '2026-11-20', editFraction: 0.01 } as const;
const largest = sizes[sizes.length - 1] ?? 0;

const log = (message: string): void => void process.stderr.write(`[bench] ${message}\n`);

async function step<T>(label: string, work: () => Promise<T>): Promise<T> {
  log(`${label}… (load average ${(os.loadavg()[0] ?? 0).toFixed(2)})`);
  const start = performance.now();
  const result = await work();
  log(`${label}: done in ${((performance.now() - start) / 1000).toFixed(1)} s`);
  return result;
}

async function serverVersion(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ v: string }>("select current_setting('server_version') as v")).rows[0]?.v ?? '?';
  } finally {
    await client.end();
  }
}

async function cpuSummaryOf(dir: string): Promise<CpuSummary | null> {
  const file = (await readdir(dir)).find((f) => f.endsWith('.cpuprofile'));
  return file === undefined ? null : summarizeCpuProfile(join(dir, file), ROOT);
}

async function main(): Promise<void> {
  const started = performance.now();
  const loadAtStart = os.loadavg()[0] ?? 0;
  // Ctrl-C: exit normally so the cluster's exit handler stops and deletes it.
  process.once('SIGINT', () => process.exit(130));
  process.once('SIGTERM', () => process.exit(143));
  if (sizes.length === 0) throw new Error('BENCH_SIZES names no sizes');

  const explicitUrl = env['BENCH_DATABASE_URL'];
  const cluster = explicitUrl === undefined || explicitUrl === '' ? await step('starting a throwaway Postgres cluster', startPostgresCluster) : null;
  const adminUrl = cluster?.url ?? explicitUrl ?? '';
  try {
    const postgres = await serverVersion(adminUrl);
    const base = { adminUrl, ...common };
    const sync = new Map<number, SyncCasesResult & { workerMaxRssMb: number }>();
    const copy = new Map<number, LoadResult>();
    const copyWithKey = new Map<number, LoadResult>();
    const naive = new Map<number, LoadResult>();
    const xlsx = new Map<number, XlsxCaseResult>();
    const xlsxSkipped: string[] = [];

    for (const rows of sizes) {
      const s = await step(`(a)-(c) sync, ${rows} rows`, () => runInWorker({ ...base, kind: 'sync', rows, runs }));
      sync.set(rows, { ...s.result, workerMaxRssMb: s.maxRssMb });
      copy.set(rows, (await step(`(d) COPY, ${rows} rows`, () => runInWorker({ ...base, kind: 'copy', rows, runs, withPrimaryKey: false }))).result);
      copyWithKey.set(rows, (await step(`COPY with primary key, ${rows} rows`, () => runInWorker({ ...base, kind: 'copy', rows, runs, withPrimaryKey: true }))).result);
    }
    const push = new Map<number, WithRss<PushCasesResult>>();
    const google = new Map<number, WithRss<GoogleCasesResult>>();
    for (const rows of sizes) {
      const p = await step(`push sync over HTTP, ${rows} rows`, () => runInWorker({ ...base, kind: 'push', rows, runs }));
      push.set(rows, { ...p.result, workerMaxRssMb: p.maxRssMb });
      const g = await step(`Google source against the stand-in, ${rows} rows`, () => runInWorker({ ...base, kind: 'google', rows, runs }));
      google.set(rows, { ...g.result, workerMaxRssMb: g.maxRssMb });
    }
    const naiveRows = sizes.includes(NAIVE_ROWS) ? NAIVE_ROWS : (sizes[0] ?? NAIVE_ROWS);
    naive.set(naiveRows, (await step(`(e) naive upsert, ${naiveRows} rows`, () => runInWorker({ ...base, kind: 'naive', rows: naiveRows, runs }))).result);

    const xlsxSmall = sizes[0] ?? NAIVE_ROWS;
    const small = (await step(`.xlsx, ${xlsxSmall} rows`, () => runInWorker({ ...base, kind: 'xlsx', rows: xlsxSmall, runs }))).result;
    xlsx.set(xlsxSmall, small);
    if (!xlsx.has(XLSX_100K)) {
      const perRun = Math.min(...small.runs.map((r) => r.syncMs));
      const projectedMs = (small.generateMs + perRun) * (XLSX_100K / xlsxSmall) * 1.3;
      if (xlsx100k === 'skip') {
        xlsxSkipped.push(`${XLSX_100K} rows skipped (BENCH_XLSX_100K=skip)`);
      } else if (xlsx100k !== 'run' && projectedMs > XLSX_BUDGET_MS) {
        xlsxSkipped.push(`${XLSX_100K} rows skipped: projected ${Math.round(projectedMs / 1000)} s from ${xlsxSmall} rows (budget ${XLSX_BUDGET_MS / 1000} s; BENCH_XLSX_100K=run forces it)`);
      } else {
        const big = await step(`.xlsx, ${XLSX_100K} rows (one run: exceljs is slow)`, () => runInWorker({ ...base, kind: 'xlsx', rows: XLSX_100K, runs: 1 }));
        xlsx.set(XLSX_100K, big.result);
      }
    }

    let profile: ProfileCaseResult | null = null;
    let cpu: CpuSummary | null = null;
    // Only the latest profile is kept; open it in Chrome DevTools for the full picture.
    const cpuDir = join(RESULTS_DIR, 'cpu-profile');
    if (cpuProfile) {
      await rm(cpuDir, { recursive: true, force: true });
      await mkdir(cpuDir, { recursive: true });
    }
    profile = (await step(`profile, ${largest} rows`, () => runInWorker({ ...base, kind: 'profile', rows: largest, editFraction: common.editFraction }, cpuProfile ? { cpuProfileDir: cpuDir } : {}))).result;
    if (cpuProfile) cpu = await cpuSummaryOf(cpuDir);

    const measurements: Measurements = { sync, copy, copyWithKey, naive, xlsx, xlsxSkipped, profile, cpu, push, google };
    const results: BenchResults = {
      generatedAt: new Date().toISOString(),
      environment: { node: process.versions.node, postgres, cpus: os.availableParallelism(), memoryGiB: Math.round(os.totalmem() / 2 ** 30), server: cluster === null ? 'BENCH_DATABASE_URL' : 'throwaway cluster, fsync off', loadAverage: { atStart: loadAtStart, atEnd: os.loadavg()[0] ?? 0 } },
      config: { sizes, runs, ...common },
      table: caseRows(measurements),
      targets: targetChecks(measurements, largest),
      problems: [
        ...[...sync.values()].flatMap((s) => s.problems.map((p) => `${s.rows} rows: ${p}`)),
        ...[...push.values()].flatMap((s) => s.problems.map((p) => `push, ${s.rows} rows: ${p}`)),
        ...[...google.values()].flatMap((s) => s.problems.map((p) => `Google, ${s.rows} rows: ${p}`)),
      ],
      notes: caseNotes(measurements),
      durationMs: performance.now() - started,
      raw: {
        sync: Object.fromEntries(sync),
        copy: Object.fromEntries(copy),
        copyWithKey: Object.fromEntries(copyWithKey),
        naive: Object.fromEntries(naive),
        xlsx: Object.fromEntries(xlsx),
        xlsxSkipped,
        profile,
        cpu,
        push: Object.fromEntries(push),
        google: Object.fromEntries(google),
      },
    };
    await mkdir(RESULTS_DIR, { recursive: true });
    await writeFile(join(RESULTS_DIR, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
    console.log(resultLines(results).join('\n'));
    log(`results written to ${join(RESULTS_DIR, 'latest.json')}`);
  } finally {
    await cluster?.stop();
  }
}

await main();
