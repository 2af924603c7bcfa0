import type { IsoDate } from '../../shared/calendar/iso-date.ts';
import type { DealMemory, VisitFact } from '../../shared/flags/flag.ts';
import type { Ball } from '../../shared/records/ball.ts';
import type { StageCode } from '../../shared/stages/stage.ts';
import { sql } from 'kysely';
import { bulkUpdate } from '../db/bulk-sql.ts';
import type { BulkWriter } from '../db/bulk-writer.ts';
import type { PersistedStatus } from '../sync/deal-status-record.ts';
import { DEAL_STATUS_COLUMNS } from './deal.columns.ts';
import { asBall, asStage } from './deal-record.ts';
import type { Db } from '../db/database.ts';
import { dealKey } from '../sync/natural-key.ts';
import type { StoredIdentity } from '../sync/assign-row-ids.ts';
import type { StageHistorySource } from './stage-history.table.ts';

/** What the sync needs of every stored deal to tell which rows have work to do. */
export interface StoredDealState extends StoredIdentity {
  /** The day the stored status was computed for, and the hash of the cells it wrote. */
  readonly statusAsOf: IsoDate | null;
  readonly statusHash: string | null;
  readonly cellIssueCount: number;
}

/** What the sheet forgets about a deal, needed only for the rows whose status is recomputed. */
export interface StoredDealMemory {
  readonly stage: StageCode | null;
  readonly stageChangedOn: IsoDate | null;
  readonly ball: Ball | null;
  readonly memory: DealMemory;
}


/**
 * Every stored deal's identity and status: narrow on purpose, since a re-sync of a large sheet
 * loads it for every row. Account and title (for re-attaching rows that lost their id) are
 * loaded only when the sheet has such rows.
 */
export async function loadDealStates(db: Db, spreadsheetId: string, options: { withKeys: boolean }): Promise<Map<string, StoredDealState>> {
  const rows = await db
    .selectFrom('deals')
    // A boolean, not the timestamp: parsing 100k dates only to test them for null showed up.
    .select(['id', 'row_hash', 'status_as_of', 'status_hash', 'cell_issue_count', sql<boolean>`removed_at is not null`.as('removed')])
    .where('spreadsheet_id', '=', spreadsheetId)
    .execute();
  const keys = options.withKeys
    ? new Map(
        (await db.selectFrom('deals').select(['id', 'account', 'title']).where('spreadsheet_id', '=', spreadsheetId).execute()).map((r) => [r.id, dealKey(r.account, r.title)]),
      )
    : null;
  const states = new Map<string, StoredDealState>();
  for (const r of rows) {
    const key = keys?.get(r.id) ?? '';
    states.set(r.id, {
      hash: r.row_hash,
      removed: r.removed,
      naturalKey: () => key,
      statusAsOf: r.status_as_of,
      statusHash: r.status_hash,
      cellIssueCount: r.cell_issue_count,
    });
  }
  return states;
}

// Beyond this share of a sheet, one scan of the spreadsheet's deals beats a long id list.
const MEMORY_SCAN_SHARE = 0.3;

/** The memory of the given deals (all of the spreadsheet's when most are asked for). */
export async function loadDealMemories(db: Db, spreadsheetId: string, ids: readonly string[], total: number): Promise<Map<string, StoredDealMemory>> {
  if (ids.length === 0) return new Map();
  let query = db
    .selectFrom('deals')
    .select(['id', 'stage', 'stage_changed_on', 'ball', 'stage_entered_on', 'previous_stage', 'ball_changed_on'])
    .where('spreadsheet_id', '=', spreadsheetId);
  if (ids.length < total * MEMORY_SCAN_SHARE) query = query.where('id', '=', sql<string>`any(${ids}::text[])`);
  const rows = await query.execute();
  return new Map(
    rows.map((r) => [
      r.id,
      {
        stage: asStage(r.stage),
        stageChangedOn: r.stage_changed_on,
        ball: asBall(r.ball),
        memory: { stageEnteredOn: r.stage_entered_on, previousStage: asStage(r.previous_stage), ballChangedOn: r.ball_changed_on },
      },
    ]),
  );
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
  const stamp = at.toISOString();
  await writer.insert(
    'deal_stage_history',
    [
      { name: 'spreadsheet_id', type: 'text' },
      { name: 'deal_id', type: 'text' },
      { name: 'from_stage', type: 'text' },
      { name: 'to_stage', type: 'text' },
      { name: 'to_label', type: 'text' },
      { name: 'entered_on', type: 'date' },
      { name: 'source', type: 'text' },
      { name: 'sync_run_id', type: 'bigint' },
      { name: 'observed_at', type: 'timestamptz' },
    ],
    entries.map((e) => [spreadsheetId, e.dealId, e.fromStage, e.toStage, e.toLabel, e.enteredOn, e.source, runId, stamp]),
  );
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

/** Rewrites the stored status of deals whose content did not change but whose status did. */
export async function updateDealStatuses(db: Db, spreadsheetId: string, rows: readonly { id: string; status: PersistedStatus }[]): Promise<void> {
  if (rows.length === 0) return;
  await bulkUpdate(db, 'deals', spreadsheetId, [
    { name: 'id', type: 'text', values: rows.map((r) => r.id) },
    ...DEAL_STATUS_COLUMNS.map((c) => ({ name: c.name, type: c.type, values: rows.map((r) => c.get(r.status)) })),
  ]);
}

/** Live deals per flag code, from the stored statuses. */
export async function flagCountsOf(db: Db, spreadsheetId: string): Promise<Map<string, number>> {
  const result = await sql<{ code: string; count: string }>`
    select code, count(*) as count
    from deals, unnest(string_to_array(flag_codes, ',')) as code
    where spreadsheet_id = ${spreadsheetId} and removed_at is null
    group by code`.execute(db);
  return new Map(result.rows.map((r) => [r.code, Number(r.count)]));
}

export interface StalestRow {
  readonly id: string;
  readonly account: string | null;
  readonly title: string | null;
  readonly stage: string | null;
  readonly owner: string | null;
  readonly daysInStage: number;
  readonly threshold: number;
}

/** The live open deals furthest past their stage's threshold, by share of it. */
export async function stalestDealsOf(db: Db, spreadsheetId: string, limit: number): Promise<StalestRow[]> {
  const rows = await db
    .selectFrom('deals')
    .select(['id', 'account', 'title', 'stage', 'owner', 'days_in_stage', 'stale_threshold'])
    .where('spreadsheet_id', '=', spreadsheetId)
    .where('removed_at', 'is', null)
    .where('days_in_stage', 'is not', null)
    .where('stale_threshold', '>', 0)
    // float8, as JavaScript divides, so the in-memory ranking of a full recompute agrees.
    .orderBy(sql`days_in_stage::float8 / stale_threshold`, 'desc')
    .orderBy('days_in_stage', 'desc')
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    account: r.account,
    title: r.title,
    stage: r.stage,
    owner: r.owner,
    daysInStage: r.days_in_stage ?? 0,
    threshold: r.stale_threshold ?? 0,
  }));
}

/** The visits stored for a spreadsheet, per deal, as the flag rules need them. */
export async function visitFactsOf(db: Db, spreadsheetId: string): Promise<Map<string, VisitFact[]>> {
  const rows = await db
    .selectFrom('visits')
    .select(['deal_id', 'visited_on', 'ball_after', 'next_action', 'next_action_on'])
    .where('spreadsheet_id', '=', spreadsheetId)
    .where('removed_at', 'is', null)
    .where('deal_id', 'is not', null)
    .where('visited_on', 'is not', null)
    .execute();
  const byDeal = new Map<string, VisitFact[]>();
  for (const r of rows) {
    if (r.deal_id === null || r.visited_on === null) continue;
    const list = byDeal.get(r.deal_id) ?? [];
    list.push({ visitedOn: r.visited_on, ballAfter: asBall(r.ball_after), nextAction: r.next_action, nextActionOn: r.next_action_on });
    byDeal.set(r.deal_id, list);
  }
  return byDeal;
}
