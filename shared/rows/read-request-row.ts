import { cellText } from '../cells/cell-text.ts';
import { parseAmount } from '../cells/parse-amount.ts';
import { parseDate } from '../cells/parse-date.ts';
import { parseRequestType } from '../cells/parse-request-type.ts';
import { parseText } from '../cells/parse-text.ts';
import type { SpecialRequest } from '../records/request.ts';
import type { SyncSettings } from '../settings/sync-settings.ts';
import type { RowReader } from './read-context.ts';

export function readRequestRow(r: RowReader<'requests'>, settings: SyncSettings): SpecialRequest {
  const typeLabel = cellText(r.raw('type'));
  return {
    requestedOn: r.read('requestedOn', (c) => parseDate(c, { timeZone: settings.timeZone, dateOrder: settings.dateOrder })),
    type: r.read('type', parseRequestType),
    typeLabel: typeLabel === '' ? null : typeLabel,
    account: r.read('account', parseText),
    dealTitle: r.read('dealTitle', parseText),
    requester: r.read('requester', parseText),
    background: r.read('background', parseText),
    description: r.read('description', parseText),
    alternative: r.read('alternative', parseText),
    estimatedCost: r.read('estimatedCost', parseAmount),
    status: r.read('status', parseText),
  };
}
