/**
 * Work the service must finish before it exits: requests already accepted and recomputes already
 * started when SIGTERM arrives. Once draining, new work is refused so the count can only fall.
 */
export class InFlight {
  #count = 0;
  #idle: (() => void)[] = [];
  #draining = false;

  get size(): number {
    return this.#count;
  }

  get draining(): boolean {
    return this.#draining;
  }

  /** Counts one piece of work in; call the returned function (once) when it is over. */
  enter(): () => void {
    this.#count++;
    let left = false;
    return () => {
      if (left) return;
      left = true;
      this.#count--;
      if (this.#count === 0) for (const wake of this.#idle.splice(0)) wake();
    };
  }

  /** Runs `work`, or returns null without running it once draining has begun. */
  async run<T>(work: () => Promise<T>): Promise<T | null> {
    if (this.#draining) return null;
    const leave = this.enter();
    try {
      return await work();
    } finally {
      leave();
    }
  }

  /** Refuses new work and waits for what runs, at most `timeoutMs`; whether everything finished. */
  async drain(timeoutMs: number): Promise<boolean> {
    this.#draining = true;
    if (this.#count === 0) return true;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
    const done = new Promise<true>((resolve) => this.#idle.push(() => resolve(true)));
    try {
      return await Promise.race([done, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}
