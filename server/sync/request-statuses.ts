import { isoDateInZone, serialFromIsoDate, type IsoDate } from '../../shared/calendar/iso-date.ts';
import { cellText } from '../../shared/cells/cell-text.ts';
import type { CellValue } from '../../shared/cells/cell-value.ts';
import { inWindow, lookBackWindow } from '../../shared/cost/month-window.ts';
import { formatYen } from '../../shared/cost/format-yen.ts';
import { requestFlags, type RequestFlag } from '../../shared/cost/request-flags.ts';
import type { RequestPolicy } from '../../shared/cost/request-policy.ts';
import { ROLE_LABELS } from '../../shared/cost/role-labels.ts';
import { winWinBalance, type WinWinBalance } from '../../shared/cost/win-win.ts';
import { matchKey } from '../../shared/feed/account-key.ts';
import { FLAG_MESSAGES } from '../../shared/flags/flag-messages.ts';
import { format, type Locale } from '../../shared/i18n/locale.ts';
import type { SheetGrid } from '../../shared/mapping/sheet-grid.ts';
import type { ResolvedTab } from '../../shared/mapping/tab-mapping.ts';
import type { SpecialRequest } from '../../shared/records/request.ts';
import { REQUEST_STATE_LABELS, type RequestState } from '../../shared/requests/request-state.ts';
import { stateFromSheetStatus } from '../../shared/requests/sheet-status.ts';
import type { CellWrite, PlanValue } from '../../shared/write-plan/write-plan.ts';
import type { ServiceColumnKey } from '../../shared/write-plan/service-columns.ts';
import type { WonDeal } from '../requests/account-history.repository.ts';
import type { RequestRow } from '../requests/request.repository.ts';

/** The service cells a request row shows besides its id. */
export const REQUEST_STATUS_KEYS = ['status', 'approver', 'decidedOn', 'decisionComment', 'cost', 'flags', 'flagReasons'] as const satisfies readonly ServiceColumnKey[];
export type RequestStatusKey = (typeof REQUEST_STATUS_KEYS)[number];

/** One request as the sync knows it: its sheet row (when the sheet shows it) and what Postgres holds. */
export interface RequestFact {
  readonly id: string;
  /** Null for a request the sheet does not show (filed through the API, not appended yet). */
  readonly sheetRow: number | null;
  /** The sheet's content, or Postgres's copy of it for a row the sheet does not show. */
  readonly record: SpecialRequest;
  /** Null for a row first seen in this sync. */
  readonly stored: RequestRow | null;
  readonly dealId: string | null;
}

export interface RequestStatusContext {
  readonly tab: ResolvedTab<'requests'> | null;
  readonly grid: SheetGrid | null;
  readonly policy: RequestPolicy;
  readonly locale: Locale;
  readonly timeZone: string;
  readonly now: IsoDate;
  /** Gross margin per deal id, as the sheet says now. */
  readonly dealMargins: ReadonlyMap<string, number | null>;
  /** Won deals per account key (matchKey). */
  readonly wonDeals: ReadonlyMap<string, readonly WonDeal[]>;
  /** Each request's state as of the last sync (statesAtLastSync). */
  readonly previousStates: ReadonlyMap<string, RequestState>;
}

/** A status typed by hand into one of the row's status cells. */
export interface Tampering {
  readonly typed: string;
  readonly column: 'service' | 'team';
}

/** One request's outcome; a request the sheet does not show has one too, for its appended row. */
export interface RequestOutcome {
  readonly fact: RequestFact;
  /** The workflow's state; null for a sheet row nobody filed. */
  readonly state: RequestState | null;
  readonly values: Readonly<Record<RequestStatusKey, PlanValue>>;
  readonly flags: readonly RequestFlag[];
  readonly tampering: readonly Tampering[];
  /** The team's own status cell set back to Postgres's label, when it says something else. */
  readonly teamWrite: CellWrite | null;
}

/** Per deal: its requests whose cost needs a review, with their count and total. */
export interface CostReview {
  readonly count: number;
  readonly total: number;
}

export interface RequestStatuses {
  readonly outcomes: readonly RequestOutcome[];
  readonly costReviews: ReadonlyMap<string, CostReview>;
}

// States that still await the company's word; a row never filed (null) is one too.
const OPEN_STATES: ReadonlySet<RequestState | null> = new Set<RequestState | null>([null, 'draft', 'submitted', 'returned']);
// Decided no, or taken back: nothing of their cost to review.
const CLOSED_STATES: ReadonlySet<RequestState | null> = new Set<RequestState | null>(['rejected', 'recalled']);
const DECIDED_STATES: ReadonlySet<RequestState> = new Set<RequestState>(['approved', 'rejected', 'returned']);

const yen = (v: string | null | undefined): number | null => (v === null || v === undefined ? null : Number(v));
const blankToNull = (text: string | null): string | null => (text === null || text.trim() === '' ? null : text.trim());

/** The request's cost: the workflow's estimate, else what the sheet says. */
function costOf(fact: RequestFact): number | null {
  return yen(fact.stored?.cost_total) ?? fact.record.estimatedCost;
}

function effectiveState(fact: RequestFact): RequestState | null {
  return fact.stored?.state ?? stateFromSheetStatus(fact.record.status);
}

/**
 * Whether a status cell of a filed request was typed by hand: it reads as another state than
 * Postgres's, and is neither the label the last sync wrote (the state as of that sync) nor the
 * text the sheet already showed then (a stale mirror, not an edit). Returns the typed text.
 */
export function typedStatus(cell: CellValue | undefined, state: RequestState, previous: RequestState | undefined, storedText: string | null): string | null {
  const text = cellText(cell).trim();
  if (text === '') return null;
  const read = stateFromSheetStatus(text);
  if (read === state) return null;
  if (previous !== undefined && read === previous) return null;
  if (storedText !== null && storedText.trim() === text) return null;
  return text;
}

function approverText(row: RequestRow, locale: Locale): string | null {
  if (row.state === 'submitted') {
    const role = row.route?.[row.step ?? 0];
    const awaiting = REQUEST_STATE_LABELS.submitted[locale];
    return role === undefined ? awaiting : `${awaiting}: ${ROLE_LABELS[role][locale]}`;
  }
  return row.state !== null && DECIDED_STATES.has(row.state) ? row.decided_by : null;
}

function decidedOn(row: RequestRow, timeZone: string): IsoDate | null {
  return row.state !== null && DECIDED_STATES.has(row.state) && row.decided_at !== null ? isoDateInZone(row.decided_at, timeZone) : null;
}

/**
 * What every request row should show (status, approver, decision date and comment, cost, flags),
 * which hand-typed statuses to set back, and which deals carry a request whose cost needs a
 * review. Computed from Postgres on every sync; the plan writes only the cells that differ.
 */
export function requestStatuses(facts: readonly RequestFact[], ctx: RequestStatusContext): RequestStatuses {
  const balances = winWinBalances(facts, ctx);
  const window = lookBackWindow(ctx.now, ctx.policy.winWinMonths);
  const outcomes: RequestOutcome[] = [];
  const costReviews = new Map<string, CostReview>();
  for (const fact of facts) {
    const state = effectiveState(fact);
    const cost = costOf(fact);
    const key = matchKey(fact.record.account);
    const flags = CLOSED_STATES.has(state)
      ? []
      : requestFlags(
          {
            total: cost ?? 0,
            background: fact.record.background,
            dealGrossMargin: fact.dealId === null ? null : (ctx.dealMargins.get(fact.dealId) ?? null),
            winWin: key === null ? null : (balances.get(key) ?? null),
          },
          ctx.policy,
        );
    const costFlagged = flags.some((f) => f.code !== 'background_thin');
    if (costFlagged && fact.dealId !== null && (OPEN_STATES.has(state) || approvedInWindow(fact, ctx.timeZone, window))) {
      const review = costReviews.get(fact.dealId) ?? { count: 0, total: 0 };
      costReviews.set(fact.dealId, { count: review.count + 1, total: review.total + (cost ?? 0) });
    }
    outcomes.push(outcomeOf(fact, state, flags, ctx));
  }
  return { outcomes, costReviews };
}

function approvedInWindow(fact: RequestFact, timeZone: string, window: { from: IsoDate; to: IsoDate }): boolean {
  if (effectiveState(fact) !== 'approved') return false;
  const decided = fact.stored?.decided_at ?? null;
  const on = decided === null ? fact.record.requestedOn : isoDateInZone(decided, timeZone);
  return on !== null && inWindow(on, window);
}

function outcomeOf(fact: RequestFact, effective: RequestState | null, costFlags: readonly RequestFlag[], ctx: RequestStatusContext): RequestOutcome {
  const row = fact.stored;
  const workflow = row !== null && row.state !== null ? row : null;
  const tampering: Tampering[] = [];
  let teamWrite: CellWrite | null = null;
  const sheetRow = fact.sheetRow;
  if (sheetRow !== null && workflow !== null && workflow.state !== null && ctx.tab !== null && ctx.grid !== null) {
    const state = workflow.state;
    const cells = ctx.grid.rows[sheetRow - 1] ?? [];
    const previous = ctx.previousStates.get(fact.id);
    const serviceColumn = ctx.tab.serviceColumns.status;
    if (serviceColumn !== undefined) {
      const typed = typedStatus(cells[serviceColumn - 1], state, previous, workflow.status);
      if (typed !== null) tampering.push({ typed, column: 'service' });
    }
    const teamColumn = ctx.tab.fields.status;
    if (teamColumn !== undefined) {
      const cell = cells[teamColumn - 1];
      const typed = typedStatus(cell, state, previous, workflow.status);
      if (typed !== null) tampering.push({ typed, column: 'team' });
      // The one team cell the service writes: an approval is what Postgres says, so a status
      // column reading as another state (typed by hand, or left from before a decision) is set
      // back to Postgres's label. A blank cell, or the same state in other words, is the team's.
      const text = cellText(cell).trim();
      if (text !== '' && stateFromSheetStatus(text) !== state) teamWrite = { row: sheetRow, column: teamColumn, value: REQUEST_STATE_LABELS[state][ctx.locale] };
    }
  }
  const rendered = renderedFlags(costFlags, tampering, ctx.locale);
  const decided = workflow === null ? null : decidedOn(workflow, ctx.timeZone);
  const values: Record<RequestStatusKey, PlanValue> = {
    // A row never filed shows the team's own status, read-only: the sheet is all there is.
    status: workflow?.state ? REQUEST_STATE_LABELS[workflow.state][ctx.locale] : blankToNull(fact.record.status),
    approver: workflow === null ? null : approverText(workflow, ctx.locale),
    decidedOn: decided === null ? null : serialFromIsoDate(decided),
    decisionComment: workflow !== null && workflow.state !== null && DECIDED_STATES.has(workflow.state) ? blankToNull(workflow.decision_comment) : null,
    cost: workflow === null ? null : yen(workflow.cost_total),
    flags: rendered.labels === '' ? null : rendered.labels,
    flagReasons: rendered.reasons === '' ? null : rendered.reasons,
  };
  return { fact, state: effective, values, flags: costFlags, tampering, teamWrite };
}

function renderedFlags(flags: readonly RequestFlag[], tampering: readonly Tampering[], locale: Locale): { labels: string; reasons: string } {
  const labels: string[] = [];
  const reasons: string[] = [];
  const tamper = tampering[0];
  if (tamper !== undefined) {
    const message = FLAG_MESSAGES.status_tampered;
    labels.push(message.label[locale]);
    reasons.push(format(message.reason[locale], { typed: tamper.typed, who: unknownWho(locale) }));
  }
  for (const f of flags) {
    labels.push(f.label[locale]);
    reasons.push(f.reason[locale]);
  }
  return { labels: labels.join(', '), reasons: reasons.join('; ') };
}

/** Who typed a cell: the sheet does not say (revision history is Google's, not ours). */
export function unknownWho(locale: Locale): string {
  return locale === 'ja' ? '不明' : 'unknown';
}

/** Each account's win-win balance over the policy's window, from every live request and won deal. */
function winWinBalances(facts: readonly RequestFact[], ctx: RequestStatusContext): Map<string, WinWinBalance> {
  const byAccount = new Map<string, { filedOn: IsoDate; cost: number; state: string }[]>();
  for (const fact of facts) {
    const key = matchKey(fact.record.account);
    if (key === null) continue;
    const list = byAccount.get(key) ?? [];
    const state = effectiveState(fact);
    if (fact.record.requestedOn !== null && state !== null) list.push({ filedOn: fact.record.requestedOn, cost: costOf(fact) ?? 0, state });
    byAccount.set(key, list);
  }
  const balances = new Map<string, WinWinBalance>();
  for (const [key, requests] of byAccount) {
    const won = ctx.wonDeals.get(key) ?? [];
    balances.set(
      key,
      winWinBalance(
        { now: ctx.now, requests, wonDeals: won.flatMap((d) => (d.wonOn === null ? [] : [{ wonOn: d.wonOn, amount: d.amount ?? 0, grossMargin: d.grossMargin }])) },
        ctx.policy,
      ),
    );
  }
  return balances;
}

/** The deal flag's params: how many requests, and their total as yen text. */
export function costReviewParams(review: CostReview): { count: number; total: string } {
  return { count: review.count, total: formatYen(review.total) };
}
