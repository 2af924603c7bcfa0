import { ApiError } from '../http/api-error.ts';

/** Where a page of visits ended: the next page starts strictly after it (newest first). */
export interface VisitCursor {
  /** The visit's day as sorted ('0001-01-01' for a visit without one). */
  readonly day: string;
  /** When the service first saw the visit, to the microsecond. */
  readonly seenAt: string;
  readonly id: string;
}

/** Opaque to clients: base64url of the sort key. */
export function encodeCursor(cursor: VisitCursor): string {
  return Buffer.from(JSON.stringify([cursor.day, cursor.seenAt, cursor.id]), 'utf8').toString('base64url');
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;

export function decodeCursor(text: string): VisitCursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    parsed = null;
  }
  if (Array.isArray(parsed) && parsed.length === 3) {
    const [day, seenAt, id] = parsed as unknown[];
    if (typeof day === 'string' && DAY.test(day) && typeof seenAt === 'string' && INSTANT.test(seenAt) && typeof id === 'string' && id !== '') {
      return { day, seenAt, id };
    }
  }
  throw new ApiError(400, 'invalid_request', 'query.before: not a cursor this service gave out (use nextCursor from the previous page)');
}
