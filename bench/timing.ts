// Wall-clock timing helpers for the benchmark.

/** Milliseconds `work` took, with its result. */
export async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const start = performance.now();
  const result = await work();
  return { ms: performance.now() - start, result };
}

export function best(times: readonly number[]): number {
  return times.length === 0 ? Number.NaN : Math.min(...times);
}

export function rowsPerSecond(rows: number, ms: number): number {
  return ms > 0 ? (rows * 1000) / ms : Number.NaN;
}
