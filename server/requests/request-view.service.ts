import { isoDateInZone } from '../../shared/calendar/iso-date.ts';
import { lookBackWindow } from '../../shared/cost/month-window.ts';
import { requestFlags } from '../../shared/cost/request-flags.ts';
import type { RequestPolicy } from '../../shared/cost/request-policy.ts';
import { winWinBalance, type WinWinBalance } from '../../shared/cost/win-win.ts';
import type { Locale } from '../../shared/i18n/locale.ts';
import { allowedActions, type WorkflowActor } from '../../shared/requests/request-workflow.ts';
import type { Db } from '../db/database.ts';
import { ApiError } from '../http/api-error.ts';
import { accountRequests, wonDealsOf } from './account-history.repository.ts';
import { approversOfRound, eventsOf } from './request-event.repository.ts';
import { costLinesOf, costOf, workflowOf } from './request-record.ts';
import { findRequest, listRequests, type RequestFilter, type RequestRow } from './request.repository.ts';
import { policyFor } from './request-settings.service.ts';
import { namesPerson, sheetRequesterRefusal } from './sheet-requester.ts';
import { findDeal, spreadsheetFacts } from './request-subject.repository.ts';
import { accountYear, eventJson, requestDetail, requestSummary, type AccountYearJson, type RequestDetailJson, type RequestEventJson, type RequestSummaryJson } from './request-view.ts';

/** The account's win-win balance and its last months of requests and wins, as of `today`. */
async function accountPicture(db: Db, spreadsheetId: string, account: string, today: string, policy: RequestPolicy, locale: Locale): Promise<AccountYearJson> {
  const window = lookBackWindow(today, policy.winWinMonths);
  // Drafts were never put to anyone: they are not the account's requests yet.
  const requests = (await accountRequests(db, spreadsheetId, account, window.from, window.to)).filter((r) => r.state !== 'draft');
  const won = await wonDealsOf(db, spreadsheetId, account);
  const winWin: WinWinBalance = winWinBalance(
    {
      now: today,
      // Only states the workflow reached count: a sheet row's typed status is unverified.
      requests: requests.flatMap((r) => (r.requested_on === null || r.state === null ? [] : [{ filedOn: r.requested_on, cost: costOf(r) ?? 0, state: r.state }])),
      wonDeals: won.flatMap((d) => (d.wonOn === null ? [] : [{ wonOn: d.wonOn, amount: d.amount ?? 0, grossMargin: d.grossMargin }])),
    },
    policy,
  );
  return accountYear(account, requests, won, winWin, policy, locale);
}

async function requestOrThrow(db: Db, spreadsheetId: string, requestId: string): Promise<RequestRow> {
  const row = await findRequest(db, spreadsheetId, requestId);
  if (row === null) throw new ApiError(404, 'not_found', 'no such request on this spreadsheet');
  return row;
}

/**
 * The approver's view of one request: the request and its cost lines, its route, its deal, the
 * account's last months (requests, costs, decisions, won revenue, win-win balance), its flags,
 * and what the caller may do with it now.
 */
export async function requestView(
  db: Db,
  args: { spreadsheetId: string; requestId: string; actor: WorkflowActor; now: Date; locale: Locale },
): Promise<RequestDetailJson> {
  const { spreadsheetId, requestId, actor, locale } = args;
  const sheet = await spreadsheetFacts(db, spreadsheetId);
  if (sheet === null) throw new ApiError(404, 'not_found', 'spreadsheet not found');
  const row = await requestOrThrow(db, spreadsheetId, requestId);
  const policy = await policyFor(db, spreadsheetId);
  const events = await eventsOf(db, spreadsheetId, requestId);
  const deal = row.deal_id === null ? null : await findDeal(db, spreadsheetId, row.deal_id);
  const today = isoDateInZone(args.now, sheet.timeZone);
  const account = row.account === null ? null : await accountPicture(db, spreadsheetId, row.account, today, policy, locale);
  const flags = requestFlags(
    { total: costOf(row) ?? 0, background: row.background, dealGrossMargin: deal?.grossMargin ?? null, winWin: account?.winWin ?? null },
    policy,
  );
  const latestSnapshot = [...events].reverse().find((e) => e.cost_snapshot !== null)?.cost_snapshot ?? null;
  const approvers = await approversOfRound(db, spreadsheetId, requestId);
  return requestDetail({
    row,
    events,
    lines: costLinesOf(row, latestSnapshot, policy, locale),
    deal,
    account,
    flags,
    allowedActions:
      row.removed_at === null ? allowedActions(workflowOf(row, approvers), actor, policy).filter((a) => sheetRequesterRefusal(row, a, actor.email) === null) : [],
    policy,
    locale,
  });
}

/** A request's audit trail, oldest first. */
export async function requestEvents(db: Db, spreadsheetId: string, requestId: string): Promise<RequestEventJson[]> {
  const row = await requestOrThrow(db, spreadsheetId, requestId);
  const events = await eventsOf(db, spreadsheetId, requestId);
  return events.map((e) => eventJson(e, row.route));
}

export interface RequestListPage {
  readonly requests: RequestSummaryJson[];
  /** Pass as `cursor` for the next (older) page; null on the last page. */
  readonly nextCursor: string | null;
}

export function encodeCursor(row: { first_seen_at: Date; id: string }): string {
  return Buffer.from(JSON.stringify([row.first_seen_at.toISOString(), row.id])).toString('base64url');
}

export function decodeCursor(cursor: string): { at: Date; id: string } {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && typeof value[0] === 'string' && typeof value[1] === 'string') {
      const at = new Date(value[0]);
      if (!Number.isNaN(at.getTime())) return { at, id: value[1] };
    }
  } catch {
    // Falls through to the 400 below.
  }
  throw new ApiError(400, 'invalid_request', 'query.cursor: not a cursor this service gave out');
}

export async function requestList(
  db: Db,
  args: { spreadsheetId: string; filter: RequestFilter; limit: number; cursor: string | null; locale: Locale },
): Promise<RequestListPage> {
  const policy = await policyFor(db, args.spreadsheetId);
  const awaiting = args.filter.awaiting;
  // Not a request the requests tab says is theirs: they may not decide it (sheet-requester.ts).
  // The cell is matched here, not in SQL, so pages are read until this one is full: an inbox
  // whose newest requests all name the approver must still show the older ones.
  const shown = (r: RequestRow): boolean => awaiting === null || !namesPerson(r.requester, awaiting.email);
  const kept: RequestRow[] = [];
  let before = args.cursor === null ? null : decodeCursor(args.cursor);
  for (;;) {
    const rows = await listRequests(db, args.spreadsheetId, args.filter, { limit: args.limit, before });
    const batch = rows.slice(0, args.limit);
    const more = rows.length > args.limit;
    for (const [i, r] of batch.entries()) {
      if (!shown(r)) continue;
      kept.push(r);
      if (kept.length === args.limit) {
        const next = more || batch.slice(i + 1).some(shown) ? encodeCursor(r) : null;
        return { requests: kept.map((k) => requestSummary(k, policy, args.locale)), nextCursor: next };
      }
    }
    const last = batch.at(-1);
    if (!more || last === undefined) return { requests: kept.map((k) => requestSummary(k, policy, args.locale)), nextCursor: null };
    before = { at: last.first_seen_at, id: last.id };
  }
}
