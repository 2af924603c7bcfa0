import { sql, type Selectable } from 'kysely';
import type { Role } from '../../shared/access/role.ts';
import type { RequestState } from '../../shared/requests/request-state.ts';
import type { RequestType } from '../../shared/records/request.ts';
import type { Db } from '../db/database.ts';
import type { LinkedIdentity } from '../sync/assign-row-ids.ts';
import { requestKey } from '../sync/natural-key.ts';
import { accountKeySql } from './account-key.ts';
import type { RequestTable } from './request.table.ts';

export async function loadRequestStates(db: Db, spreadsheetId: string): Promise<Map<string, LinkedIdentity>> {
  const rows = await db
    .selectFrom('requests')
    .select(['id', 'row_hash', sql<boolean>`removed_at is not null`.as('removed'), 'deal_id', 'requested_on', 'account', 'type', 'requester'])
    .where('spreadsheet_id', '=', spreadsheetId)
    .execute();
  return new Map(
    rows.map((r) => [
      r.id,
      { hash: r.row_hash, removed: r.removed, dealId: r.deal_id, naturalKey: () => requestKey(r.requested_on, r.account, r.type, r.requester) },
    ]),
  );
}

export type RequestRow = Selectable<RequestTable>;

/** A request filed through the API, before the sheet has it. */
export interface NewApiRequest {
  readonly spreadsheetId: string;
  readonly id: string;
  readonly requestedOn: string;
  readonly type: RequestType;
  readonly typeLabel: string;
  readonly account: string;
  readonly dealId: string | null;
  readonly dealTitle: string | null;
  readonly requesterEmail: string;
  readonly background: string | null;
  readonly description: string | null;
  readonly alternative: string | null;
  readonly costInput: unknown;
  readonly costTotal: number;
  readonly at: Date;
}

export async function insertApiRequest(db: Db, r: NewApiRequest): Promise<void> {
  await db
    .insertInto('requests')
    .values({
      spreadsheet_id: r.spreadsheetId,
      id: r.id,
      // No sheet row yet: any content the sheet later shows for this id differs, so it is read.
      row_hash: '',
      cell_issue_count: 0,
      first_seen_at: r.at,
      updated_at: r.at,
      requested_on: r.requestedOn,
      type: r.type,
      type_label: r.typeLabel,
      account: r.account,
      deal_title: r.dealTitle,
      deal_id: r.dealId,
      requester: r.requesterEmail,
      background: r.background,
      description: r.description,
      alternative: r.alternative,
      estimated_cost: r.costTotal,
      status: null,
      origin: 'api',
      requester_email: r.requesterEmail,
      cost_input: JSON.stringify(r.costInput),
      cost_total: r.costTotal,
      state: 'draft',
      version: 0,
      pending_append: true,
    })
    .execute();
}

export async function findRequest(db: Db, spreadsheetId: string, id: string): Promise<RequestRow | null> {
  const row = await db.selectFrom('requests').selectAll().where('spreadsheet_id', '=', spreadsheetId).where('id', '=', id).executeTakeFirst();
  return row ?? null;
}

/** The request, locked until the transaction ends: decisions on one request happen one at a time. */
export async function lockRequest(db: Db, spreadsheetId: string, id: string): Promise<RequestRow | null> {
  const row = await db.selectFrom('requests').selectAll().where('spreadsheet_id', '=', spreadsheetId).where('id', '=', id).forUpdate().executeTakeFirst();
  return row ?? null;
}

export interface WorkflowColumns {
  readonly state: RequestState;
  /** The cost the route was fixed on: a sheet row's estimate is frozen here when it is filed. */
  readonly costTotal: number | null;
  readonly requesterEmail: string | null;
  readonly route: readonly Role[] | null;
  readonly step: number | null;
  readonly version: number;
  readonly decidedAt: Date | null;
  readonly decidedBy: string | null;
  readonly decisionComment: string | null;
}

/** What a revision may change: the request's content, never its subject (account, deal). */
export interface ContentColumns {
  readonly type: RequestType;
  readonly typeLabel: string;
  readonly background: string | null;
  readonly description: string | null;
  readonly alternative: string | null;
  readonly costInput: unknown;
  readonly costTotal: number;
}

/** Stores a transition's outcome; `expectedVersion` guards against a writer that skipped the lock. */
export async function saveWorkflow(
  db: Db,
  spreadsheetId: string,
  id: string,
  expectedVersion: number,
  w: WorkflowColumns,
  content: ContentColumns | null,
  at: Date,
): Promise<boolean> {
  const result = await db
    .updateTable('requests')
    .set({
      state: w.state,
      cost_total: w.costTotal,
      requester_email: w.requesterEmail,
      route: w.route === null ? null : JSON.stringify(w.route),
      step: w.step,
      version: w.version,
      decided_at: w.decidedAt,
      decided_by: w.decidedBy,
      decision_comment: w.decisionComment,
      updated_at: at,
      ...(content === null
        ? {}
        : {
            type: content.type,
            type_label: content.typeLabel,
            background: content.background,
            description: content.description,
            alternative: content.alternative,
            cost_input: JSON.stringify(content.costInput),
            cost_total: content.costTotal,
            estimated_cost: content.costTotal,
          }),
    })
    .where('spreadsheet_id', '=', spreadsheetId)
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export interface RequestFilter {
  readonly states: readonly RequestState[] | null;
  readonly account: string | null;
  readonly dealId: string | null;
  /** Only requests this person filed. */
  readonly requesterEmail: string | null;
  /** Only requests awaiting a decision this person may take: their explicit roles, not their own, not a second step. */
  readonly awaiting: { readonly email: string; readonly roles: readonly Role[] } | null;
  readonly includeRemoved: boolean;
}

export interface Page {
  readonly limit: number;
  /** Keyset: rows strictly older than this (first seen, id). */
  readonly before: { readonly at: Date; readonly id: string } | null;
}

/** Requests, newest first, filtered; one more row than the limit tells the caller there is more. */
export async function listRequests(db: Db, spreadsheetId: string, filter: RequestFilter, page: Page): Promise<RequestRow[]> {
  let q = db.selectFrom('requests as r').selectAll('r').where('r.spreadsheet_id', '=', spreadsheetId);
  if (!filter.includeRemoved) q = q.where('r.removed_at', 'is', null);
  if (filter.states !== null && filter.states.length > 0) q = q.where('r.state', 'in', [...filter.states]);
  if (filter.account !== null) q = q.where(accountKeySql(sql.ref('r.account')), '=', accountKeySql(filter.account));
  if (filter.dealId !== null) q = q.where('r.deal_id', '=', filter.dealId);
  if (filter.requesterEmail !== null) q = q.where('r.requester_email', '=', filter.requesterEmail);
  const awaiting = filter.awaiting;
  if (awaiting !== null) {
    const roles = awaiting.roles.length === 0 ? ['__none__'] : [...awaiting.roles];
    q = q
      .where('r.state', '=', 'submitted')
      .where(sql<string>`r.route ->> r.step`, 'in', roles)
      .where((eb) => eb.or([eb('r.requester_email', 'is', null), eb('r.requester_email', '<>', awaiting.email)]))
      // Not one whose earlier step they approved in this round.
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('request_events as e')
              .select('e.id')
              .whereRef('e.spreadsheet_id', '=', 'r.spreadsheet_id')
              .whereRef('e.request_id', '=', 'r.id')
              .where('e.action', '=', 'approve')
              .where('e.actor', '=', awaiting.email)
              .where(
                'e.seq',
                '>',
                selectFrom('request_events as s')
                  .select((eb) => eb.fn.coalesce(eb.fn.max('s.seq'), sql.lit(0)).as('m'))
                  .whereRef('s.spreadsheet_id', '=', 'r.spreadsheet_id')
                  .whereRef('s.request_id', '=', 'r.id')
                  .where('s.action', 'in', ['submit', 'resubmit']),
              ),
          ),
        ),
      );
  }
  const before = page.before;
  if (before !== null) {
    q = q.where((eb) => eb.or([eb('r.first_seen_at', '<', before.at), eb.and([eb('r.first_seen_at', '=', before.at), eb('r.id', '<', before.id)])]));
  }
  return q.orderBy('r.first_seen_at', 'desc').orderBy('r.id', 'desc').limit(page.limit + 1).execute();
}

/**
 * Requests whose content is fixed: submitted (being judged) or decided. A sheet edit of their
 * background, cost or deal after that point is not taken in: what was judged is what Postgres keeps.
 */
export async function frozenRequestIds(db: Db, spreadsheetId: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('requests')
    .select('id')
    .where('spreadsheet_id', '=', spreadsheetId)
    .where('state', 'in', ['submitted', 'approved', 'rejected'])
    .execute();
  return new Set(rows.map((r) => r.id));
}
