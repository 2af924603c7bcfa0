import type { IsoDate } from '../calendar/iso-date.ts';

export const REQUEST_TYPES = [
  'contract_change',
  'discount',
  'special_delivery',
  'special_support',
  'other',
] as const;
export type RequestType = (typeof REQUEST_TYPES)[number];

/** One special-handling request (特別対応申請) as listed on the requests tab. */
export interface SpecialRequest {
  readonly requestedOn: IsoDate | null;
  readonly type: RequestType | null;
  readonly typeLabel: string | null;
  readonly account: string | null;
  readonly dealTitle: string | null;
  readonly requester: string | null;
  /** Why the customer asks; required before the request can be judged. */
  readonly background: string | null;
  readonly description: string | null;
  readonly alternative: string | null;
  /** Cost estimate in integer yen, when the sheet carries one. */
  readonly estimatedCost: number | null;
  /** Status as shown in the sheet; decisions themselves live in Postgres. */
  readonly status: string | null;
}

export const REQUEST_FIELDS = [
  'requestedOn',
  'type',
  'account',
  'dealTitle',
  'requester',
  'background',
  'description',
  'alternative',
  'estimatedCost',
  'status',
] as const;
export type RequestField = (typeof REQUEST_FIELDS)[number];
