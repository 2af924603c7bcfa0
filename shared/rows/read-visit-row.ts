import { parseBall } from '../cells/parse-ball.ts';
import { parseDate } from '../cells/parse-date.ts';
import type { Visit } from '../records/visit.ts';
import type { SyncSettings } from '../settings/sync-settings.ts';
import type { RowReader } from './read-context.ts';

export function readVisitRow(r: RowReader<'visits'>, settings: SyncSettings): Visit {
  const dateOptions = { timeZone: settings.timeZone, dateOrder: settings.dateOrder };
  return {
    visitedOn: r.read('visitedOn', (c) => parseDate(c, dateOptions)),
    account: r.text('account'),
    dealTitle: r.text('dealTitle'),
    owner: r.text('owner'),
    met: r.text('met'),
    attendees: r.text('attendees'),
    discussed: r.text('discussed'),
    customerAsked: r.text('customerAsked'),
    nextAction: r.text('nextAction'),
    nextActionOn: r.read('nextActionOn', (c) => parseDate(c, dateOptions)),
    ballAfter: r.read('ballAfter', parseBall),
  };
}
