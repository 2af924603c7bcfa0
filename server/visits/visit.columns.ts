import type { Visit } from '../../shared/records/visit.ts';
import type { RecordColumn } from '../db/tracked-rows.ts';

export interface StoredVisitValue {
  readonly visit: Visit;
  /** The deal the visit was matched to by account and title, if any. */
  readonly dealId: string | null;
}

export const VISIT_COLUMNS: readonly RecordColumn<StoredVisitValue>[] = [
  { name: 'visited_on', type: 'date', get: (v) => v.visit.visitedOn },
  { name: 'account', type: 'text', get: (v) => v.visit.account },
  { name: 'deal_title', type: 'text', get: (v) => v.visit.dealTitle },
  { name: 'deal_id', type: 'text', get: (v) => v.dealId },
  { name: 'owner', type: 'text', get: (v) => v.visit.owner },
  { name: 'met', type: 'text', get: (v) => v.visit.met },
  { name: 'attendees', type: 'text', get: (v) => v.visit.attendees },
  { name: 'discussed', type: 'text', get: (v) => v.visit.discussed },
  { name: 'customer_asked', type: 'text', get: (v) => v.visit.customerAsked },
  { name: 'next_action', type: 'text', get: (v) => v.visit.nextAction },
  { name: 'next_action_on', type: 'date', get: (v) => v.visit.nextActionOn },
  { name: 'ball_after', type: 'text', get: (v) => v.visit.ballAfter },
];
