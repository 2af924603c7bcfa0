// Runs one benchmark job in a fresh Node process and returns what it reports.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { JobResults, WorkerJob, WorkerMessage } from './worker-jobs.ts';

const WORKER = fileURLToPath(new URL('./bench-worker.ts', import.meta.url));

export interface WorkerOutcome<T> {
  readonly result: T;
  /** The worker process's peak RSS over its whole life, MB. */
  readonly maxRssMb: number;
  readonly wallMs: number;
}

export interface WorkerOptions {
  /** Write a V8 CPU profile of the worker into this directory. */
  readonly cpuProfileDir?: string;
}

export function runInWorker<J extends WorkerJob>(job: J, options: WorkerOptions = {}): Promise<WorkerOutcome<JobResults[J['kind']]>> {
  const started = performance.now();
  const execArgv = [...process.execArgv];
  if (options.cpuProfileDir !== undefined) execArgv.push('--cpu-prof', `--cpu-prof-dir=${options.cpuProfileDir}`);
  return new Promise((resolve, reject) => {
    const child = fork(WORKER, [JSON.stringify(job)], { execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let message: WorkerMessage | null = null;
    child.on('message', (m) => {
      message = m as WorkerMessage;
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      const received: WorkerMessage | null = message;
      if (received === null) {
        reject(new Error(`${job.kind} worker (${job.rows} rows) exited (${signal ?? code}) without a result`));
      } else if (!received.ok) {
        reject(new Error(`${job.kind} worker (${job.rows} rows) failed: ${received.error}`));
      } else {
        // The worker ran runJob for this job's kind, so the result has that kind's shape.
        resolve({ result: received.result as JobResults[J['kind']], maxRssMb: received.maxRssMb, wallMs: performance.now() - started });
      }
    });
  });
}
