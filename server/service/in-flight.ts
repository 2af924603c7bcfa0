/**
 * Work the service must finish before it exits: syncs in progress when SIGTERM arrives. Once
 * draining, new work is refused so the count can only fall.
 */
export class InFlight {
  #running = new Set<Promise<unknown>>();
  #draining = false;

  get size(): number {
    return this.#running.size;
  }

  get draining(): boolean {
    return this.#draining;
  }

  /** Runs `work`, or returns null without running it once draining has begun. */
  async run<T>(work: () => Promise<T>): Promise<T | null> {
    if (this.#draining) return null;
    const promise = work();
    this.#running.add(promise);
    try {
      return await promise;
    } finally {
      this.#running.delete(promise);
    }
  }

  /** Refuses new work and waits for what runs, at most `timeoutMs`; whether everything finished. */
  async drain(timeoutMs: number): Promise<boolean> {
    this.#draining = true;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
    const done = Promise.allSettled([...this.#running]).then(() => true as const);
    try {
      return await Promise.race([done, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}
