import { REQUEST_TYPES, type RequestType, type SpecialRequest } from '../../shared/records/request.ts';
import type { RequestRow } from './request.repository.ts';

const asType = (value: string | null): RequestType | null => REQUEST_TYPES.find((t) => t === value) ?? null;

type RecordColumns = Pick<
  RequestRow,
  'requested_on' | 'type' | 'type_label' | 'account' | 'deal_title' | 'requester' | 'background' | 'description' | 'alternative' | 'estimated_cost' | 'status'
>;

/** Postgres's copy of a request as the sheet would hold it: what a tab row is read into. */
export function storedRequestRecord(r: RecordColumns): SpecialRequest {
  return {
    requestedOn: r.requested_on,
    type: asType(r.type),
    typeLabel: r.type_label,
    account: r.account,
    dealTitle: r.deal_title,
    requester: r.requester,
    background: r.background,
    description: r.description,
    alternative: r.alternative,
    estimatedCost: r.estimated_cost === null ? null : Number(r.estimated_cost),
    status: r.status,
  };
}
