import { parseBall } from '../cells/parse-ball.ts';
import { parseDate } from '../cells/parse-date.ts';
import { parseText } from '../cells/parse-text.ts';
import type { Visit } from '../records/visit.ts';
import type { SyncSettings } from '../settings/sync-settings.ts';
import type { RowReader } from './read-context.ts';

export function readVisitRow(r: RowReader<'visits'>, settings: SyncSettings): Visit {
  const dateOptions = { timeZone: settings.timeZone, dateOrder: settings.dateOrder };
  return {
    visitedOn: r.read('visitedOn', (c) => parseDate(c, dateOptions)),
    account: r.read('account', parseText),
    dealTitle: r.read('dealTitle', parseText),
    owner: r.read('owner', parseText),
    met: r.read('met', parseText),
    attendees: r.read('attendees', parseText),
    discussed: r.read('discussed', parseText),
    customerAsked: r.read('customerAsked', parseText),
    nextAction: r.read('nextAction', parseText),
    nextActionOn: r.read('nextActionOn', (c) => parseDate(c, dateOptions)),
    ballAfter: r.read('ballAfter', parseBall),
  };
}
