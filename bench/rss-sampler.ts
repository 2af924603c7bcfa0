// Peak resident memory of this process while some work runs: RSS sampled on an interval (which
// misses peaks inside long synchronous stretches) and the kernel's lifetime high-water mark.

export interface RssPeak {
  /** RSS just before the work started, MB. */
  readonly baselineMb: number;
  /** Highest RSS seen by the sampler during the work, MB. */
  readonly sampledPeakMb: number;
  /** process.resourceUsage().maxRSS after the work: the process's peak so far, MB. */
  readonly maxRssMb: number;
  /** The larger of the two peaks. */
  readonly peakMb: number;
}

const MB = 1024 * 1024;

/** Runs `work` while sampling RSS every `intervalMs`. */
export async function measurePeakRss<T>(work: () => Promise<T>, intervalMs = 10): Promise<{ result: T; rss: RssPeak }> {
  const baseline = process.memoryUsage.rss();
  let sampled = baseline;
  const timer = setInterval(() => {
    sampled = Math.max(sampled, process.memoryUsage.rss());
  }, intervalMs);
  try {
    const result = await work();
    sampled = Math.max(sampled, process.memoryUsage.rss());
    const maxRss = (process.resourceUsage().maxRSS * 1024) / MB; // maxRSS is in KiB
    const sampledPeakMb = sampled / MB;
    return { result, rss: { baselineMb: baseline / MB, sampledPeakMb, maxRssMb: maxRss, peakMb: Math.max(sampledPeakMb, maxRss) } };
  } finally {
    clearInterval(timer);
  }
}
