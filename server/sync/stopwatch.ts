/** How long one step of a sync took, and the process's memory after it. */
export interface SyncTiming {
  readonly step: string;
  readonly ms: number;
  readonly rssMb: number;
}

/** Times a sync step by step, for the report, the logs and the benchmark's profile. */
export class Stopwatch {
  readonly laps: SyncTiming[] = [];
  #last = performance.now();

  lap(step: string): void {
    const now = performance.now();
    this.laps.push({ step, ms: Math.round((now - this.#last) * 10) / 10, rssMb: Math.round(process.memoryUsage.rss() / 1048576) });
    this.#last = now;
  }
}
