import { sql } from 'kysely';
import type { IsoDate } from '../../shared/calendar/iso-date.ts';
import { parseStage } from '../../shared/cells/parse-stage.ts';
import type { Ball } from '../../shared/records/ball.ts';
import type { Deal } from '../../shared/records/deal.ts';
import { stageLabelMap } from '../../shared/settings/stage-label-map.ts';
import type { SyncSettings } from '../../shared/settings/sync-settings.ts';
import { TEAMS, type Team } from '../../shared/stages/stage.ts';
import type { Db } from '../db/database.ts';
import type { DealCandidate } from './match-deal.ts';

/** Every stored deal's identity, tombstones included: what a visit may name. */
export async function dealCandidates(db: Db, spreadsheetId: string): Promise<DealCandidate[]> {
  const rows = await db
    .selectFrom('deals')
    .select(['id', 'account', 'title', sql<boolean>`removed_at is not null`.as('removed')])
    .where('spreadsheet_id', '=', spreadsheetId)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ id: r.id, account: r.account, title: r.title, removed: r.removed }));
}

/** Every account the spreadsheet knows: on its deals (removed ones too) and its live visits. */
export async function knownAccounts(db: Db, spreadsheetId: string): Promise<string[]> {
  const { rows } = await sql<{ account: string }>`
    select account from deals where spreadsheet_id = ${spreadsheetId} and account is not null
    union
    select account from visits where spreadsheet_id = ${spreadsheetId} and account is not null and removed_at is null`.execute(db);
  return rows.map((r) => r.account).sort();
}

/** A deal as the sync last read it from the sheet, with what its flags need besides. */
export interface StoredDeal {
  readonly id: string;
  readonly deal: Deal;
  readonly cellIssueCount: number;
  readonly statusAsOf: IsoDate | null;
  readonly statusHash: string | null;
  /** The flag codes the last sync (or visit) stored: what the next sync compares against. */
  readonly flagCodes: readonly string[];
}

const asBall = (value: string | null): Ball | null => (value === 'us' || value === 'customer' ? value : null);
const asTeam = (value: string | null): Team | null => TEAMS.find((t) => t === value) ?? null;
const asNumber = (value: string | number | null): number | null => (value === null ? null : Number(value));

/**
 * The deal's record as the sheet's row reads: the stored stage is re-read from the stored label,
 * because a label that maps to no stage is stored under the deal's last known stage while the
 * sheet reads it as unknown.
 */
export async function storedDeal(db: Db, spreadsheetId: string, dealId: string, settings: SyncSettings): Promise<StoredDeal | null> {
  const r = await db
    .selectFrom('deals')
    .selectAll()
    .where('spreadsheet_id', '=', spreadsheetId)
    .where('id', '=', dealId)
    .where('removed_at', 'is', null)
    .executeTakeFirst();
  if (r === undefined) return null;
  const stage = r.stage_label === null ? null : parseStage(r.stage_label, stageLabelMap(settings));
  return {
    id: r.id,
    deal: {
      account: r.account,
      title: r.title,
      stage: stage !== null && stage.ok ? stage.value : null,
      stageLabel: r.stage_label,
      stageChangedOn: r.stage_changed_on,
      owner: r.owner,
      team: asTeam(r.team),
      amount: asNumber(r.amount),
      grossMargin: asNumber(r.gross_margin),
      probability: r.probability,
      quoteSentOn: r.quote_sent_on,
      ball: asBall(r.ball),
      lastContactOn: r.last_contact_on,
      nextAction: r.next_action,
      nextActionOn: r.next_action_on,
      expectedCloseOn: r.expected_close_on,
      createdOn: r.created_on,
    },
    cellIssueCount: r.cell_issue_count,
    statusAsOf: r.status_as_of,
    statusHash: r.status_hash,
    flagCodes: r.flag_codes === null || r.flag_codes === '' ? [] : r.flag_codes.split(','),
  };
}

/** What the deal's latest visit logged through the API said, kept apart from the sheet's columns. */
export interface VisitMemory {
  readonly contactOn: IsoDate;
  readonly nextAction: string | null;
  readonly nextActionOn: IsoDate | null;
  readonly ball: Ball | null;
  readonly ballSince: IsoDate | null;
}

/**
 * Remembers the visit on its deal, in Postgres only: the latest contact always moves forward, and
 * the next action and the ball are taken from a visit no older than the one they came from.
 */
export async function rememberVisit(db: Db, spreadsheetId: string, dealId: string, m: VisitMemory): Promise<void> {
  const latest = sql<boolean>`(visit_contact_on is null or visit_contact_on <= ${m.contactOn}::date)`;
  await sql`update deals set
      visit_next_action = case when ${latest} then ${m.nextAction} else visit_next_action end,
      visit_next_action_on = case when ${latest} then ${m.nextActionOn}::date else visit_next_action_on end,
      visit_ball = case when ${latest} then ${m.ball} else visit_ball end,
      visit_ball_since = case when ${latest} then ${m.ballSince}::date else visit_ball_since end,
      visit_contact_on = greatest(visit_contact_on, ${m.contactOn}::date)
    where spreadsheet_id = ${spreadsheetId} and id = ${dealId}`.execute(db);
}

/** The deal's remembered visit, for the answer. */
export async function visitMemoryOf(db: Db, spreadsheetId: string, dealId: string): Promise<VisitMemory | null> {
  const { rows } = await sql<{ contact_on: string | null; next_action: string | null; next_action_on: string | null; ball: string | null; ball_since: string | null }>`
    select visit_contact_on::text as contact_on, visit_next_action as next_action, visit_next_action_on::text as next_action_on,
      visit_ball as ball, visit_ball_since::text as ball_since
    from deals where spreadsheet_id = ${spreadsheetId} and id = ${dealId}`.execute(db);
  const r = rows[0];
  if (r === undefined || r.contact_on === null) return null;
  return { contactOn: r.contact_on, nextAction: r.next_action, nextActionOn: r.next_action_on, ball: asBall(r.ball), ballSince: r.ball_since };
}
