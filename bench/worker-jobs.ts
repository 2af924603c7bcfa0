// What the benchmark's worker processes run, and what they send back. Each measured case runs in
// a fresh process, so one case's heap, COPY buffers or exceljs workbooks never weigh on another's
// time or peak RSS. A worker imports only its own case's modules (exceljs stays out of the sync
// worker whose peak RSS is measured).
import type { IsoDate } from '../shared/calendar/iso-date.ts';
import type { GoogleCasesResult } from './google-source-cases.ts';
import type { LoadResult } from './load-cases.ts';
import type { ProfileCaseResult } from './profile-case.ts';
import type { PushCasesResult } from './push-sync-cases.ts';
import type { SyncCasesResult } from './sync-cases.ts';
import type { XlsxCaseResult } from './xlsx-cases.ts';

interface JobBase {
  /** A role on the benchmark server that may create databases; each job makes its own. */
  readonly adminUrl: string;
  readonly rows: number;
  readonly seed: number;
  readonly today: IsoDate;
}

export type WorkerJob =
  | (JobBase & { readonly kind: 'sync'; readonly runs: number; readonly editFraction: number })
  | (JobBase & { readonly kind: 'copy'; readonly runs: number; readonly withPrimaryKey: boolean })
  | (JobBase & { readonly kind: 'naive'; readonly runs: number })
  | (JobBase & { readonly kind: 'xlsx'; readonly runs: number })
  | (JobBase & { readonly kind: 'profile'; readonly editFraction: number })
  | (JobBase & { readonly kind: 'push'; readonly runs: number; readonly editFraction: number })
  | (JobBase & { readonly kind: 'google'; readonly runs: number; readonly editFraction: number });

export type JobKind = WorkerJob['kind'];

export interface JobResults {
  sync: SyncCasesResult;
  copy: LoadResult;
  naive: LoadResult;
  xlsx: XlsxCaseResult;
  profile: ProfileCaseResult;
  push: PushCasesResult;
  google: GoogleCasesResult;
}

export type WorkerMessage =
  | { readonly ok: true; readonly result: unknown; readonly maxRssMb: number }
  | { readonly ok: false; readonly error: string };

export async function runJob(job: WorkerJob): Promise<JobResults[JobKind]> {
  switch (job.kind) {
    case 'sync': {
      const { runSyncCases } = await import('./sync-cases.ts');
      return runSyncCases(job.adminUrl, job);
    }
    case 'copy': {
      const { runCopyLoad } = await import('./load-cases.ts');
      return inOwnDatabase(job, (url) => runCopyLoad(url, job));
    }
    case 'naive': {
      const { runNaiveUpsert } = await import('./load-cases.ts');
      return inOwnDatabase(job, (url) => runNaiveUpsert(url, job));
    }
    case 'xlsx': {
      const { runXlsxCase } = await import('./xlsx-cases.ts');
      return runXlsxCase(job.adminUrl, job);
    }
    case 'profile': {
      const { runProfileCase } = await import('./profile-case.ts');
      return runProfileCase(job.adminUrl, job);
    }
    case 'push': {
      const { runPushCases } = await import('./push-sync-cases.ts');
      return runPushCases(job.adminUrl, job);
    }
    case 'google': {
      const { runGoogleCases } = await import('./google-source-cases.ts');
      return runGoogleCases(job.adminUrl, job);
    }
  }
}

async function inOwnDatabase<T>(job: WorkerJob, work: (url: string) => Promise<T>): Promise<T> {
  const { createBenchDatabase } = await import('./bench-database.ts');
  const database = await createBenchDatabase(job.adminUrl, `${job.kind}_${job.rows}`);
  try {
    return await work(database.url);
  } finally {
    await database.drop();
  }
}
