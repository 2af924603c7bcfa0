import { serialFromIsoDate, type IsoDate } from '../calendar/iso-date.ts';
import { DEFAULT_REQUEST_POLICY } from '../cost/request-policy.ts';
import type { Locale } from '../i18n/locale.ts';
import type { ResolvedTab } from '../mapping/tab-mapping.ts';
import type { Ball } from '../records/ball.ts';
import type { RequestType, SpecialRequest } from '../records/request.ts';
import type { FieldOf, TabKind } from '../records/tab-kind.ts';
import type { Visit } from '../records/visit.ts';
import { readTab } from '../rows/read-tab.ts';
import type { SyncSettings } from '../settings/sync-settings.ts';
import type { AppendedCell, AppendedRow, PlanValue } from './write-plan.ts';

// Labels the cell parsers read back as the same value (parseBall, parseRequestType).
const BALL_LABELS: Readonly<Record<Locale, Readonly<Record<Ball, string>>>> = {
  ja: { us: '自社', customer: '顧客' },
  en: { us: 'us', customer: 'customer' },
};

type FieldValue = { readonly value: PlanValue; readonly date?: boolean };

const text = (value: string | null): FieldValue => ({ value: value === null || value.trim() === '' ? null : value.trim() });
const date = (value: IsoDate | null): FieldValue => ({ value: value === null ? null : serialFromIsoDate(value), date: true });

/** The mapped fields' values as cells, left to right; unmapped fields and empty values are left out. */
function cellsOf<K extends TabKind>(tab: ResolvedTab<K>, values: Readonly<Record<FieldOf<K>, FieldValue>>): AppendedCell[] {
  const cells: AppendedCell[] = [];
  for (const [field, column] of Object.entries(tab.fields) as [FieldOf<K>, number][]) {
    const v = values[field];
    if (v === undefined || v.value === null) continue;
    cells.push(v.date === true ? { column, value: v.value, format: 'date' } : { column, value: v.value });
  }
  return cells.sort((a, b) => a.column - b.column);
}

/** The ball as the tab's language writes it. */
export function ballLabel(ball: Ball, locale: Locale): string {
  return BALL_LABELS[locale][ball];
}

/** A request type's default label in the tab's language. */
export function requestTypeLabel(type: RequestType, locale: Locale): string {
  return DEFAULT_REQUEST_POLICY.typeLabels[type][locale];
}

/**
 * The team cells of a visit the API logged, through the visits tab's mapping: dates as serials,
 * the ball in the tab's language, text as given. The id cell is added by the tab's plan.
 */
export function visitRowCells(tab: ResolvedTab<'visits'>, visit: Visit): AppendedCell[] {
  return cellsOf<'visits'>(tab, {
    visitedOn: date(visit.visitedOn),
    account: text(visit.account),
    dealTitle: text(visit.dealTitle),
    owner: text(visit.owner),
    met: text(visit.met),
    attendees: text(visit.attendees),
    discussed: text(visit.discussed),
    customerAsked: text(visit.customerAsked),
    nextAction: text(visit.nextAction),
    nextActionOn: date(visit.nextActionOn),
    ballAfter: { value: visit.ballAfter === null ? null : ballLabel(visit.ballAfter, tab.locale) },
  });
}

/** The team cells of a request filed through the API, through the requests tab's mapping. */
export function requestRowCells(tab: ResolvedTab<'requests'>, request: SpecialRequest): AppendedCell[] {
  const typeText = request.typeLabel ?? (request.type === null ? null : requestTypeLabel(request.type, tab.locale));
  return cellsOf<'requests'>(tab, {
    requestedOn: date(request.requestedOn),
    type: text(typeText),
    account: text(request.account),
    dealTitle: text(request.dealTitle),
    requester: text(request.requester),
    background: text(request.background),
    description: text(request.description),
    alternative: text(request.alternative),
    estimatedCost: { value: request.estimatedCost },
    status: text(request.status),
  });
}

/**
 * The content hash the sync will compute for the row once the sheet shows these cells, so a
 * row born in the API reads as unchanged when it comes back. Null when no mapped cell is filled.
 */
export function appendedRowHash<K extends TabKind>(tab: ResolvedTab<K>, row: AppendedRow, settings: SyncSettings): string | null {
  const cells: PlanValue[] = [];
  for (const c of row.cells) {
    while (cells.length < c.column) cells.push(null);
    cells[c.column - 1] = c.value;
  }
  // Read exactly as the sync reads a sheet: the header rows above it, the row below them.
  const rows = [...Array.from({ length: tab.headerRow }, () => []), cells];
  return readTab(tab, { name: tab.sheet, rows }, settings).rows[0]?.hash ?? null;
}
