export type RequestKind = 'read' | 'write';

export interface RequestPacerOptions {
  /** Requests allowed per window, per caller and kind: Google's per-user quota is 60 a minute. */
  readonly limit?: number;
  readonly windowMs?: number;
  readonly now?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
}

const sleepFor = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Keeps each caller within Sheets' per-user quota, reads and writes counted apart, over a sliding
 * window. One pacer is shared by every source of a process; waiting callers are served in order.
 */
export class RequestPacer {
  readonly #limit: number;
  readonly #windowMs: number;
  readonly #now: () => number;
  readonly #sleep: (ms: number) => Promise<void>;
  readonly #sent = new Map<string, number[]>();
  readonly #queues = new Map<string, Promise<void>>();

  constructor(options: RequestPacerOptions = {}) {
    this.#limit = options.limit ?? 60;
    this.#windowMs = options.windowMs ?? 60_000;
    this.#now = options.now ?? Date.now;
    this.#sleep = options.sleep ?? sleepFor;
  }

  /** Resolves when the caller may send one more request of this kind, and counts it. */
  acquire(caller: string, kind: RequestKind): Promise<void> {
    const key = `${kind}\u0000${caller}`;
    const turn = (this.#queues.get(key) ?? Promise.resolve()).then(() => this.#take(key));
    // The queue must survive a rejected sleep; callers still see their own failure.
    const tail = turn.catch(() => undefined);
    this.#queues.set(key, tail);
    void tail.then(() => {
      if (this.#queues.get(key) === tail) this.#queues.delete(key);
    });
    return turn;
  }

  async #take(key: string): Promise<void> {
    const sent = this.#sent.get(key) ?? [];
    this.#sent.set(key, sent);
    for (;;) {
      const now = this.#now();
      while (sent.length > 0 && (sent[0] as number) <= now - this.#windowMs) sent.shift();
      if (sent.length < this.#limit) {
        sent.push(now);
        return;
      }
      await this.#sleep((sent[0] as number) + this.#windowMs - now);
    }
  }
}
