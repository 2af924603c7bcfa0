// Entry point of a benchmark worker process (forked by run-in-worker.ts): runs the one job given
// as its argument and reports the result, and its peak RSS, over IPC.
import { runJob, type WorkerJob, type WorkerMessage } from './worker-jobs.ts';

function send(message: WorkerMessage): Promise<void> {
  return new Promise((resolve, reject) => {
    if (process.send === undefined) {
      reject(new Error('bench-worker.ts must be started by the benchmark (no IPC channel)'));
      return;
    }
    process.send(message, undefined, {}, (error) => (error ? reject(error) : resolve()));
  });
}

const job = JSON.parse(process.argv[2] ?? 'null') as WorkerJob;
try {
  const result = await runJob(job);
  await send({ ok: true, result, maxRssMb: process.resourceUsage().maxRSS / 1024 });
} catch (error) {
  await send({ ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  process.exitCode = 1;
}
process.disconnect();
// Everything the job opened is closed by now; should a stray handle linger, still exit.
setTimeout(() => process.exit(), 5000).unref();
