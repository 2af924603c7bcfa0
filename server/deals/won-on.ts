import type { ExpressionBuilder } from 'kysely';
import type { Database } from '../db/database.ts';

/**
 * The day a deal (aliased `d`) was won: the last time the stage history saw it enter won, else
 * the sheet's own stage date, else the day the sync first knew it at that stage. One rule for the
 * approver's view and the sync's win-win balance.
 */
export function wonOnOf(eb: ExpressionBuilder<Database & { d: Database['deals'] }, 'd'>) {
  return eb.fn
    .coalesce(
      eb
        .selectFrom('deal_stage_history as h')
        .select((h) => h.fn.max('h.entered_on').as('on'))
        .whereRef('h.spreadsheet_id', '=', 'd.spreadsheet_id')
        .whereRef('h.deal_id', '=', 'd.id')
        .where('h.to_stage', '=', 'won'),
      'd.stage_changed_on',
      'd.stage_entered_on',
    )
    .as('won_on');
}
