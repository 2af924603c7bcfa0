import type { IsoDate } from '../../shared/calendar/iso-date.ts';
import type { DealMemory } from '../../shared/flags/flag.ts';
import type { Ball } from '../../shared/records/ball.ts';
import { isStageCode, type StageCode } from '../../shared/stages/stage.ts';
import type { BulkWriter } from '../db/bulk-writer.ts';
import type { Db } from '../db/database.ts';
import { dealKey } from '../sync/natural-key.ts';
import type { StoredIdentity } from '../sync/assign-row-ids.ts';
import type { StageHistorySource } from './stage-history.table.ts';

/** What the sync needs to know about a stored deal to diff it and carry its memory forward. */
export interface StoredDealState extends StoredIdentity {
  readonly stage: StageCode | null;
  readonly stageChangedOn: IsoDate | null;
  readonly ball: Ball | null;
  readonly memory: DealMemory;
}

const asStage = (value: string | null): StageCode | null => (value !== null && isStageCode(value) ? value : null);
const asBall = (value: string | null): Ball | null => (value === 'us' || value === 'customer' ? value : null);

export async function loadDealStates(db: Db, spreadsheetId: string): Promise<Map<string, StoredDealState>> {
  const rows = await db
    .selectFrom('deals')
    .select(['id', 'row_hash', 'removed_at', 'account', 'title', 'stage', 'stage_changed_on', 'ball', 'stage_entered_on', 'previous_stage', 'ball_changed_on'])
    .where('spreadsheet_id', '=', spreadsheetId)
    .execute();
  const states = new Map<string, StoredDealState>();
  for (const r of rows) {
    states.set(r.id, {
      hash: r.row_hash,
      removed: r.removed_at !== null,
      naturalKey: () => dealKey(r.account, r.title),
      stage: asStage(r.stage),
      stageChangedOn: r.stage_changed_on,
      ball: asBall(r.ball),
      memory: {
        stageEnteredOn: r.stage_entered_on,
        previousStage: asStage(r.previous_stage),
        ballChangedOn: r.ball_changed_on,
      },
    });
  }
  return states;
}

export interface StageHistoryEntry {
  readonly dealId: string;
  readonly fromStage: StageCode | null;
  readonly toStage: StageCode | null;
  readonly toLabel: string | null;
  readonly enteredOn: IsoDate;
  readonly source: StageHistorySource;
}

export async function insertStageHistory(
  writer: BulkWriter,
  spreadsheetId: string,
  runId: string | null,
  entries: readonly StageHistoryEntry[],
  at: Date,
): Promise<void> {
  if (entries.length === 0) return;
  await writer.insert('deal_stage_history', [
    { name: 'spreadsheet_id', type: 'text', values: entries.map(() => spreadsheetId) },
    { name: 'deal_id', type: 'text', values: entries.map((e) => e.dealId) },
    { name: 'from_stage', type: 'text', values: entries.map((e) => e.fromStage) },
    { name: 'to_stage', type: 'text', values: entries.map((e) => e.toStage) },
    { name: 'to_label', type: 'text', values: entries.map((e) => e.toLabel) },
    { name: 'entered_on', type: 'date', values: entries.map((e) => e.enteredOn) },
    { name: 'source', type: 'text', values: entries.map((e) => e.source) },
    { name: 'sync_run_id', type: 'bigint', values: entries.map(() => runId) },
    { name: 'observed_at', type: 'timestamptz', values: entries.map(() => at) },
  ]);
}

/** A deal's stage history, oldest first. */
export async function stageHistoryOf(db: Db, spreadsheetId: string, dealId: string): Promise<StageHistoryEntry[]> {
  const rows = await db
    .selectFrom('deal_stage_history')
    .select(['deal_id', 'from_stage', 'to_stage', 'to_label', 'entered_on', 'source'])
    .where('spreadsheet_id', '=', spreadsheetId)
    .where('deal_id', '=', dealId)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    dealId: r.deal_id,
    fromStage: asStage(r.from_stage),
    toStage: asStage(r.to_stage),
    toLabel: r.to_label,
    enteredOn: r.entered_on,
    source: r.source,
  }));
}
