import { cellText } from '../cells/cell-text.ts';
import { parseAmount } from '../cells/parse-amount.ts';
import { parseDate } from '../cells/parse-date.ts';
import { parseRequestType } from '../cells/parse-request-type.ts';
import type { SpecialRequest } from '../records/request.ts';
import type { SyncSettings } from '../settings/sync-settings.ts';
import type { RowReader } from './read-context.ts';

export function readRequestRow(r: RowReader<'requests'>, settings: SyncSettings): SpecialRequest {
  const typeLabel = cellText(r.raw('type'));
  return {
    requestedOn: r.read('requestedOn', (c) => parseDate(c, { timeZone: settings.timeZone, dateOrder: settings.dateOrder })),
    type: r.read('type', parseRequestType),
    typeLabel: typeLabel === '' ? null : typeLabel,
    account: r.text('account'),
    dealTitle: r.text('dealTitle'),
    requester: r.text('requester'),
    background: r.text('background'),
    description: r.text('description'),
    alternative: r.text('alternative'),
    estimatedCost: r.read('estimatedCost', parseAmount),
    status: r.text('status'),
  };
}
