import { sql } from 'kysely';
import type { IsoDate } from '../../shared/calendar/iso-date.ts';
import type { DailyReportVisit } from '../../shared/feed/daily-report.ts';
import type { Db } from '../db/database.ts';
import { visitOf } from '../visits/visit.repository.ts';

export interface DayVisit extends DailyReportVisit {
  readonly id: string;
  readonly dealId: string | null;
  readonly owner: string | null;
}

/**
 * Every live visit of one day in a spreadsheet: in the order they were first stored, and visits
 * stored by one sync by account and deal in code-point order, whatever the database's collation.
 */
export async function visitsOn(db: Db, spreadsheetId: string, date: IsoDate): Promise<DayVisit[]> {
  const rows = await db
    .selectFrom('visits')
    .select(['id', 'deal_id', 'visited_on', 'account', 'deal_title', 'owner', 'met', 'attendees', 'discussed', 'customer_asked', 'next_action', 'next_action_on', 'ball_after'])
    .where('spreadsheet_id', '=', spreadsheetId)
    .where('visited_on', '=', date)
    .where('removed_at', 'is', null)
    .orderBy('first_seen_at')
    .orderBy(sql`account collate "C"`)
    .orderBy(sql`deal_title collate "C"`)
    .orderBy('id')
    .execute();
  // A visit stored without a day is listed under the day asked for.
  return rows.map((r) => ({ ...visitOf(r), visitedOn: r.visited_on ?? date, id: r.id, dealId: r.deal_id }));
}
