import { isoDateInZone, type IsoDate } from '../../shared/calendar/iso-date.ts';
import { ballState } from '../../shared/flags/ball-state.ts';
import { computeDealStatus } from '../../shared/flags/deal-status.ts';
import { flagText } from '../../shared/flags/flag-messages.ts';
import type { DealMemory, FlagCode } from '../../shared/flags/flag.ts';
import { effectiveNextAction } from '../../shared/flags/next-action.ts';
import type { Locale } from '../../shared/i18n/locale.ts';
import { withLocalizedStageLabels } from '../../shared/settings/localized-stages.ts';
import { stageDefinition } from '../../shared/settings/stage-definition.ts';
import type { StageCode } from '../../shared/stages/stage.ts';
import type { Db } from '../db/database.ts';
import { withCostReview } from '../sync/request-cost-review.ts';
import { storedCostReviewOf } from '../sync/stored-cost-review.ts';
import { dealSheetRow, sheetLayoutsOf } from '../sync/sheet-layout.repository.ts';
import { sheetSettings } from '../visits/visit-settings.ts';
import { visitFactsOfDeal } from '../visits/visit.repository.ts';
import { asStage, dealRecordOf } from './deal-record.ts';
import { findDealRow } from './deal-view.repository.ts';
import { FLAG_TONES, type FlagTone } from './flag-tone.ts';

export interface DealFlagView {
  readonly code: FlagCode;
  readonly label: string;
  readonly reason: string;
  readonly tone: FlagTone;
}

/** One deal as the sidebar's card shows it, computed for today in the spreadsheet's time zone. */
export interface DealView {
  readonly id: string;
  readonly title: string | null;
  readonly account: string | null;
  readonly owner: string | null;
  readonly stage: { readonly code: StageCode; readonly label: string } | null;
  readonly enteredStageOn: IsoDate | null;
  readonly daysInStage: number | null;
  readonly ball: 'us' | 'customer' | null;
  readonly ballSince: IsoDate | null;
  readonly ballDays: number | null;
  readonly nextAction: string | null;
  readonly nextActionOn: IsoDate | null;
  readonly amount: number | null;
  readonly flags: readonly DealFlagView[];
  readonly lastContactOn: IsoDate | null;
  /** Where the last sync left the deal on the deals tab; null when it is not there. */
  readonly sheetRow: number | null;
  /** Gone from the deals tab (a tombstone): the card shows what was last known. */
  readonly removed: boolean;
}

export interface DealViewInput {
  readonly spreadsheetId: string;
  readonly dealId: string;
  /** The reader's language: labels and reasons are rendered in it. */
  readonly locale: Locale;
  readonly now: Date;
}

function latestDay(days: readonly (IsoDate | null)[]): IsoDate | null {
  let latest: IsoDate | null = null;
  for (const day of days) if (day !== null && (latest === null || day > latest)) latest = day;
  return latest;
}

/**
 * The deal's card: its record as the last sync stored it, and its status computed now by the
 * sync's own functions (the same settings, memory, visits and cost review), so on the day of a
 * sync its flags are the ones the flags cell shows. Null for a deal the spreadsheet does not have.
 */
export async function dealView(db: Db, input: DealViewInput): Promise<DealView | null> {
  const { spreadsheetId: sid, locale } = input;
  const row = await findDealRow(db, sid, input.dealId);
  if (row === null) return null;
  const layouts = await sheetLayoutsOf(db, sid);
  // As the sync derives them; the sheet's language reads the stage labels, the reader's renders them.
  const sheet = await sheetSettings(db, sid, layouts.get('deals')?.locale ?? null);
  if (sheet === null) return null;
  const readerSettings = withLocalizedStageLabels(sheet.configured, locale);
  const today = isoDateInZone(input.now, sheet.settings.timeZone);

  const deal = dealRecordOf(row, sheet.settings);
  const memory: DealMemory = { stageEnteredOn: row.stage_entered_on, previousStage: asStage(row.previous_stage), ballChangedOn: row.ball_changed_on };
  const visits = await visitFactsOfDeal(db, sid, row.id);
  // A tombstone is on no sheet and in no cost review: it keeps only its own flags.
  const review = row.removed
    ? undefined
    : await storedCostReviewOf(db, { spreadsheetId: sid, deal: row, requestsTab: layouts.has('requests'), settings: sheet.settings, locale, now: today });
  const status = withCostReview(computeDealStatus({ deal, memory, visits, cellIssueCount: row.cell_issue_count }, readerSettings, today), review);
  // Every visit counts, from the visits tab or the API: the same rule raises 期限切れ.
  const next = effectiveNextAction(deal, visits);

  return {
    id: row.id,
    title: deal.title,
    account: deal.account,
    owner: deal.owner,
    stage: deal.stage === null ? null : { code: deal.stage, label: stageDefinition(readerSettings, deal.stage)?.label ?? deal.stage },
    // As the sheet's stage-start cell: blank for a deal without a readable stage.
    enteredStageOn: deal.stage === null ? null : memory.stageEnteredOn,
    daysInStage: status.daysInStage,
    ball: status.ball,
    ballSince: status.ball === null ? null : ballState(deal, memory, visits).since,
    ballDays: status.ballDays,
    nextAction: next.nextAction,
    nextActionOn: next.nextActionOn,
    amount: deal.amount,
    flags: status.flags.map((f) => ({ code: f.code, ...flagText(f, locale), tone: FLAG_TONES[f.code] })),
    // The visits the sheet still has, logged through the API or typed into the tab.
    lastContactOn: latestDay([deal.lastContactOn, ...visits.map((v) => v.visitedOn)]),
    sheetRow: row.removed ? null : await dealSheetRow(db, sid, row.id),
    removed: row.removed,
  };
}
