import type { SpecialRequest } from '../../shared/records/request.ts';
import type { RecordColumn } from '../db/tracked-rows.ts';

export interface StoredRequestValue {
  readonly request: SpecialRequest;
  readonly dealId: string | null;
}

export const REQUEST_COLUMNS: readonly RecordColumn<StoredRequestValue>[] = [
  { name: 'requested_on', type: 'date', get: (v) => v.request.requestedOn },
  { name: 'type', type: 'text', get: (v) => v.request.type },
  { name: 'type_label', type: 'text', get: (v) => v.request.typeLabel },
  { name: 'account', type: 'text', get: (v) => v.request.account },
  { name: 'deal_title', type: 'text', get: (v) => v.request.dealTitle },
  { name: 'deal_id', type: 'text', get: (v) => v.dealId },
  { name: 'requester', type: 'text', get: (v) => v.request.requester },
  { name: 'background', type: 'text', get: (v) => v.request.background },
  { name: 'description', type: 'text', get: (v) => v.request.description },
  { name: 'alternative', type: 'text', get: (v) => v.request.alternative },
  { name: 'estimated_cost', type: 'bigint', get: (v) => v.request.estimatedCost },
  { name: 'status', type: 'text', get: (v) => v.request.status },
];
