// Injected failures: the next N matching requests answer with an error and change nothing.

export interface FaultMatch {
  method?: string;
  /** Matched against the decoded path and query, e.g. 'values:batchGet' or "Deals!A1". */
  pathIncludes?: string;
}

export type FaultStatus = 429 | 500 | 503;

interface Fault {
  match: FaultMatch;
  status: FaultStatus;
  remaining: number;
}

export class FaultQueue {
  #faults: Fault[] = [];

  add(match: FaultMatch, status: FaultStatus, count: number): void {
    if (!Number.isInteger(count) || count < 1) throw new Error(`failNext count must be a positive integer, got ${count}`);
    this.#faults.push({ match, status, remaining: count });
  }

  /** The status to fail this request with, consuming one use of the first matching fault. */
  take(method: string, pathAndQuery: string): FaultStatus | null {
    const fault = this.#faults.find(
      (f) =>
        (f.match.method === undefined || f.match.method.toUpperCase() === method.toUpperCase()) &&
        (f.match.pathIncludes === undefined || pathAndQuery.includes(f.match.pathIncludes)),
    );
    if (fault === undefined) return null;
    fault.remaining--;
    if (fault.remaining === 0) this.#faults = this.#faults.filter((f) => f !== fault);
    return fault.status;
  }
}
