// Injected failures. By default the next N matching requests answer with an error and change
// nothing; `after` lets the first k matching requests through first, and `applied` serves the
// request (its changes land) but answers the error: Google did the work, the answer was lost.

export interface FaultMatch {
  method?: string;
  /** Matched against the decoded path and query, e.g. 'values:batchGet' or "Deals!A1". */
  pathIncludes?: string;
}

export type FaultStatus = 429 | 500 | 503;

export interface FaultOptions {
  /** Matching requests served normally before the fault starts failing them. */
  after?: number;
  /** Serve and apply each failed request, then answer the error instead of the result. */
  applied?: boolean;
}

/** What an injected fault does to one request. */
export interface FaultHit {
  status: FaultStatus;
  applied: boolean;
}

interface Fault {
  match: FaultMatch;
  status: FaultStatus;
  skip: number;
  remaining: number;
  applied: boolean;
}

export class FaultQueue {
  #faults: Fault[] = [];

  add(match: FaultMatch, status: FaultStatus, count: number, options: FaultOptions = {}): void {
    if (!Number.isInteger(count) || count < 1) throw new Error(`failNext count must be a positive integer, got ${count}`);
    const after = options.after ?? 0;
    if (!Number.isInteger(after) || after < 0) throw new Error(`failNext after must be a non-negative integer, got ${after}`);
    this.#faults.push({ match, status, skip: after, remaining: count, applied: options.applied ?? false });
  }

  /**
   * What to do to this request, consuming one use of the first matching fault: faults queue up
   * in the order added, so a fault still letting requests through hides the ones behind it.
   */
  take(method: string, pathAndQuery: string): FaultHit | null {
    const fault = this.#faults.find(
      (f) =>
        (f.match.method === undefined || f.match.method.toUpperCase() === method.toUpperCase()) &&
        (f.match.pathIncludes === undefined || pathAndQuery.includes(f.match.pathIncludes)),
    );
    if (fault === undefined) return null;
    if (fault.skip > 0) {
      fault.skip--;
      return null;
    }
    fault.remaining--;
    if (fault.remaining === 0) this.#faults = this.#faults.filter((f) => f !== fault);
    return { status: fault.status, applied: fault.applied };
  }
}
