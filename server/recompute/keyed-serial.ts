/**
 * Runs work for one key after the previous work for that key has settled, and work for other keys
 * at once: a manual recompute and a job of the same spreadsheet in one process take turns.
 */
export class KeyedSerial {
  readonly #tails = new Map<string, Promise<unknown>>();

  async run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.#tails.get(key) ?? Promise.resolve();
    const current = previous.catch(() => undefined).then(work);
    const tail = current.catch(() => undefined);
    this.#tails.set(key, tail);
    try {
      return await current;
    } finally {
      // Only the last in line clears the key, so the map holds running keys and nothing else.
      if (this.#tails.get(key) === tail) this.#tails.delete(key);
    }
  }
}
