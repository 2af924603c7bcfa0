import type { IsoDate } from '../calendar/iso-date.ts';
import type { Ball } from './ball.ts';

/** One logged contact with a customer (訪問記録). */
export interface Visit {
  readonly visitedOn: IsoDate | null;
  readonly account: string | null;
  /** The deal's title as the rep typed it; matched to a deal by account and title. */
  readonly dealTitle: string | null;
  readonly owner: string | null;
  /** Whom we met on the customer's side. */
  readonly met: string | null;
  /** Our own attendees. */
  readonly attendees: string | null;
  readonly discussed: string | null;
  /** What the customer asked for: the voice of the customer. */
  readonly customerAsked: string | null;
  readonly nextAction: string | null;
  readonly nextActionOn: IsoDate | null;
  /** Who holds the ball after this contact. */
  readonly ballAfter: Ball | null;
}

export const VISIT_FIELDS = [
  'visitedOn',
  'account',
  'dealTitle',
  'owner',
  'met',
  'attendees',
  'discussed',
  'customerAsked',
  'nextAction',
  'nextActionOn',
  'ballAfter',
] as const;
export type VisitField = (typeof VISIT_FIELDS)[number];
