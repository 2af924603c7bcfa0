import { randomUUID } from 'node:crypto';
import { isoDateInZone, type IsoDate } from '../../shared/calendar/iso-date.ts';
import { flagText } from '../../shared/flags/flag-messages.ts';
import type { Flag, FlagCode } from '../../shared/flags/flag.ts';
import type { Locale } from '../../shared/i18n/locale.ts';
import type { Visit } from '../../shared/records/visit.ts';
import { appendedRowHash, visitRowCells } from '../../shared/write-plan/appended-row.ts';
import { appendedRowWithId } from '../../shared/write-plan/build-tab-plan.ts';
import type { AppendedRow, TabPlan, WritePlan } from '../../shared/write-plan/write-plan.ts';
import type { Db } from '../db/database.ts';
import { loadDealMemories, updateDealStatuses } from '../deals/deal.repository.ts';
import { appendFeedEntries } from '../feed/feed.repository.ts';
import type { FlagRaisedPayload } from '../../shared/feed/feed-payloads.ts';
import { ApiError } from '../http/api-error.ts';
import { lockSpreadsheet } from '../spreadsheets/spreadsheet.repository.ts';
import { storedCostReviewOf } from '../sync/stored-cost-review.ts';
import { resolvedTabOf, type SheetLayout } from '../sync/sheet-layout.ts';
import { dealSheetRow, sheetLayoutsOf } from '../sync/sheet-layout.repository.ts';
import { dealCellWrites, visitStatusChange, type VisitStatusChange } from './visit-deal-status.ts';
import { dealCandidates, knownAccounts, storedDeal, type StoredDeal } from './visit-deal.repository.ts';
import { insertApiVisit, visitFactsOfDeal, type StoredVisit } from './visit.repository.ts';
import type { VisitBody } from './visit.schemas.ts';
import { matchSubject, type DealCandidate } from './match-deal.ts';
import { sheetSettings } from './visit-settings.ts';

export interface LogVisitInput {
  readonly spreadsheetId: string;
  /** The signed-in caller: the rep unless the body names another owner. */
  readonly caller: string;
  readonly body: VisitBody;
  readonly at: Date;
  readonly newId?: () => string;
}

export interface FlagView {
  readonly code: FlagCode;
  readonly label: string;
  readonly reason: string;
}

export interface VisitDealResult {
  readonly id: string;
  readonly account: string | null;
  readonly title: string | null;
  readonly sheetRow: number | null;
  readonly daysInStage: number | null;
  readonly ball: 'us' | 'customer' | null;
  readonly ballSince: IsoDate | null;
  readonly ballDays: number | null;
  readonly flags: readonly FlagView[];
  readonly raised: readonly FlagCode[];
  readonly cleared: readonly FlagCode[];
}

export interface LoggedVisitResult {
  readonly visit: StoredVisit;
  readonly deal: VisitDealResult | null;
  /** What the add-on applies: the visit's row to append, the deal row's changed cells. */
  readonly plan: WritePlan;
}

const invalid = (field: string, message: string) => new ApiError(400, 'invalid_request', `body.${field}: ${message}`);

function flagViews(flags: readonly Flag[], locale: Locale): FlagView[] {
  return flags.map((f) => ({ code: f.code, ...flagText(f, locale) }));
}

const codes = (flags: readonly Flag[]): FlagCode[] => [...new Set(flags.map((f) => f.code))];

/** A plan for one tab that only carries cells the API decided: no new columns, no setup. */
function tabPlan(layout: SheetLayout, parts: Pick<TabPlan, 'writes' | 'appends'>): TabPlan {
  return {
    sheet: layout.sheet,
    kind: layout.kind,
    headerRow: layout.headerRow,
    lastRow: layout.lastRow,
    columns: layout.serviceColumns,
    newColumns: [],
    setup: [],
    ...parts,
  };
}

function checkDates(body: VisitBody, today: IsoDate, timeZone: string): void {
  if (body.visitedOn > today) throw invalid('visitedOn', `${body.visitedOn} is in the future (today is ${today} in ${timeZone})`);
  if (body.nextActionOn !== undefined && body.nextActionOn < body.visitedOn) {
    throw invalid('nextActionOn', `${body.nextActionOn} is before the visit (${body.visitedOn})`);
  }
}

/**
 * Logs a visit from the sidebar in one transaction under the spreadsheet's lock: the visit (to be
 * appended to the visits tab), what Postgres remembers of its deal, the deal's status recomputed
 * with the sync's own rules, and a feed entry. The answer carries the plan for the add-on.
 */
export async function logVisit(db: Db, input: LogVisitInput): Promise<LoggedVisitResult> {
  const { spreadsheetId: sid, body, at } = input;
  return db.transaction().execute(async (trx) => {
    await lockSpreadsheet(trx, sid);
    const layouts = await sheetLayoutsOf(trx, sid);
    const dealsLayout = layouts.get('deals') ?? null;
    const sheet = await sheetSettings(trx, sid, dealsLayout?.locale ?? null);
    if (sheet === null) throw new ApiError(404, 'not_found', 'this spreadsheet has not been synced yet');
    const { settings, locale } = sheet;
    const today = isoDateInZone(at, settings.timeZone);
    checkDates(body, today, settings.timeZone);

    const candidates: DealCandidate[] = await dealCandidates(trx, sid);
    const needsAccounts = body.dealId === undefined && body.account !== undefined;
    const match = matchSubject(candidates, needsAccounts ? await knownAccounts(trx, sid) : [], body);
    if (match.kind === 'problem') throw new ApiError(match.status, 'invalid_request', `body.${match.field}: ${match.message}`);
    const deal = match.kind === 'deal' ? match.deal : null;
    const visit: Visit = {
      visitedOn: body.visitedOn,
      account: deal?.account ?? (match.kind === 'account' ? match.account : null),
      dealTitle: deal?.title ?? null,
      owner: body.owner ?? input.caller,
      met: body.met ?? null,
      attendees: body.attendees ?? null,
      discussed: body.discussed ?? null,
      customerAsked: body.customerAsked ?? null,
      nextAction: body.nextAction ?? null,
      nextActionOn: body.nextActionOn ?? null,
      ballAfter: body.ballAfter ?? null,
    };
    const id = (input.newId ?? randomUUID)();

    // The row the add-on appends, and the hash the sync will read it back with.
    const visitsLayout = layouts.get('visits') ?? null;
    let appended: AppendedRow | null = null;
    let rowHash = '';
    if (visitsLayout !== null && visitsLayout.serviceColumns.id !== undefined) {
      const tab = resolvedTabOf({ ...visitsLayout, kind: 'visits' as const });
      const row = appendedRowWithId({ id, cells: visitRowCells(tab, visit) }, visitsLayout.serviceColumns.id);
      const hash = appendedRowHash(tab, row, settings);
      if (hash !== null) {
        appended = row;
        rowHash = hash;
      }
    }

    let dealResult: VisitDealResult | null = null;
    let dealTab: TabPlan | null = null;
    let change: VisitStatusChange | null = null;
    const stored: StoredDeal | null = deal === null ? null : await storedDeal(trx, sid, deal.id, settings);
    if (deal !== null && stored === null) throw new ApiError(422, 'invalid_request', `body.dealId: deal "${deal.title ?? deal.id}" is no longer on the deals tab`);
    if (stored !== null) {
      const memories = await loadDealMemories(trx, sid, [stored.id], Number.POSITIVE_INFINITY);
      const memory = memories.get(stored.id)?.memory ?? { stageEnteredOn: null, previousStage: null, ballChangedOn: null };
      const facts = await visitFactsOfDeal(trx, sid, stored.id);
      // The deal's 要コスト確認 as the sync computes it, or the answer's cells would drop it until the next sync.
      const review = await storedCostReviewOf(trx, { spreadsheetId: sid, deal: { id: stored.id, account: stored.deal.account, title: stored.deal.title }, requestsTab: layouts.has('requests'), settings, locale, now: today });
      change = visitStatusChange({
        stored,
        memory,
        facts,
        visit: { visitedOn: body.visitedOn, ballAfter: visit.ballAfter, nextAction: visit.nextAction, nextActionOn: visit.nextActionOn },
        costReview: review,
        settings,
        locale,
        now: today,
      });
      await updateDealStatuses(trx, sid, [{ id: stored.id, status: change.persisted }]);
      const sheetRow = dealsLayout === null ? null : await dealSheetRow(trx, sid, stored.id);
      if (dealsLayout !== null && sheetRow !== null) {
        const writes = dealCellWrites(change, stored, sheetRow, dealsLayout.serviceColumns);
        if (writes.length > 0) dealTab = tabPlan(dealsLayout, { writes, appends: [] });
      }
      // Against the codes stored, not the status recomputed before the visit: the visit overwrites
      // them, so a flag that appeared since the last sync is news here or never.
      const before: readonly string[] = stored.flagCodes;
      const after = codes(change.after.flags);
      dealResult = {
        id: stored.id,
        account: stored.deal.account,
        title: stored.deal.title,
        sheetRow,
        daysInStage: change.after.daysInStage,
        ball: change.after.ball,
        ballSince: change.ball.since,
        ballDays: change.after.ballDays,
        flags: flagViews(change.after.flags, locale),
        raised: after.filter((c) => !before.includes(c)),
        cleared: codes(change.before.flags).filter((c) => !after.includes(c)),
      };
    }

    const saved = await insertApiVisit(trx, { spreadsheetId: sid, id, visit, dealId: stored?.id ?? null, rowHash, loggedBy: input.caller, at });
    await appendFeedEntries(trx, [
      {
        spreadsheetId: sid,
        dealId: stored?.id ?? null,
        account: visit.account,
        kind: 'visit_logged',
        at,
        actor: input.caller,
        payload: {
          visitId: id,
          visitedOn: visit.visitedOn,
          owner: visit.owner,
          ballAfter: visit.ballAfter,
          nextAction: visit.nextAction,
          nextActionOn: visit.nextActionOn,
          customerAsked: visit.customerAsked !== null,
          ...(dealResult === null || change === null
            ? {}
            : { flags: codes(change.after.flags), raised: dealResult.raised, cleared: dealResult.cleared, ball: change.after.ball, ballBefore: change.before.ball }),
        },
      },
    ]);
    // The visit stores the deal's new status, so the next sync sees no change: a flag the visit
    // raises (the ball handed to the customer, say) is news now or never.
    if (dealResult !== null && change !== null && dealResult.raised.length > 0) {
      const raised: FlagRaisedPayload = {
        title: dealResult.title,
        owner: stored?.deal.owner ?? null,
        raised: change.after.flags.filter((f) => dealResult?.raised.includes(f.code)).map((f) => ({ code: f.code, params: { ...f.params } })),
        current: codes(change.after.flags),
        requestId: null,
      };
      await appendFeedEntries(trx, [{ spreadsheetId: sid, dealId: dealResult.id, account: dealResult.account, kind: 'flag_raised', at, actor: input.caller, payload: { ...raised } }]);
    }

    const tabs: TabPlan[] = [];
    if (appended !== null && visitsLayout !== null) tabs.push(tabPlan(visitsLayout, { writes: [], appends: [appended] }));
    if (dealTab !== null) tabs.push(dealTab);
    return { visit: saved, deal: dealResult, plan: { spreadsheetId: sid, tabs } };
  });
}
