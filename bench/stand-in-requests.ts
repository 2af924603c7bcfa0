// What one sync asked of the Sheets API stand-in, from its request log: the budget is
// reads ≤ 2 and writes ≤ 2 plus one per 2 MB of changed cells, whatever the row count.
import type { RecordedRequest } from '../tests/support/sheets-api/sheets-stand-in.ts';

/** The size Google advises for one values.batchUpdate, as GoogleSheetSource uses it. */
export const VALUE_WRITE_CHUNK_BYTES = 2_000_000;

export interface RequestTally {
  readonly reads: number;
  readonly writes: number;
  readonly largestRequestBytes: number;
  /** Bodies of values.batchUpdate requests: the changed cells. */
  readonly valueWriteBytes: number;
  readonly valueWriteRequests: number;
  /** Answered with anything but 200. */
  readonly failed: number;
}

export function tallyRequests(requests: readonly RecordedRequest[], caller: string): RequestTally {
  const mine = requests.filter((r) => r.caller === caller);
  const valueWrites = mine.filter((r) => r.path.endsWith('/values:batchUpdate'));
  return {
    reads: mine.filter((r) => r.kind === 'read').length,
    writes: mine.filter((r) => r.kind === 'write').length,
    largestRequestBytes: Math.max(0, ...mine.map((r) => r.requestBytes)),
    valueWriteBytes: valueWrites.reduce((sum, r) => sum + r.requestBytes, 0),
    valueWriteRequests: valueWrites.length,
    failed: mine.filter((r) => r.status !== 200).length,
  };
}

/** The write budget for a sync that sent `valueWriteBytes` of cell values. */
export function allowedWrites(valueWriteBytes: number): number {
  return 2 + Math.ceil(valueWriteBytes / VALUE_WRITE_CHUNK_BYTES);
}
