import type { IsoDate } from '../calendar/iso-date.ts';
import { isIsoDate } from '../calendar/iso-date.ts';
import type { MessageParams } from '../i18n/locale.ts';
import { isStageCode, type StageCode } from '../stages/stage.ts';

// What each kind of feed entry stores as its payload: data (codes, dates, amounts), never
// sentences, so every reader gets it in their own language. Writers use these shapes; readers
// take whatever is stored and keep what they understand, so an older or partial payload still
// renders.

/** kind 'stage_changed', written by the sync for every observed stage change. */
export interface StageChangedPayload {
  readonly title: string | null;
  readonly fromStage: StageCode | null;
  /** The team's label of the previous stage, as configured for the spreadsheet. */
  readonly fromLabel: string | null;
  readonly toStage: StageCode | null;
  /** The label as the sheet shows it. */
  readonly toLabel: string | null;
  readonly enteredOn: IsoDate | null;
}

/** One flag the deal gained, with the params its reason is rendered from. */
export interface RaisedFlag {
  readonly code: string;
  readonly params: MessageParams;
}

/** kind 'flag_raised': the codes a deal (or request) gained since the previous sync. */
export interface FlagRaisedPayload {
  readonly title: string | null;
  readonly owner: string | null;
  readonly raised: readonly RaisedFlag[];
  /** Every code raised now, the new ones included. */
  readonly current: readonly string[];
  /** Set when the flags are a special request's rather than a deal's. */
  readonly requestId: string | null;
}

/** kind 'visit_logged', written by the visits feature. */
export interface VisitLoggedPayload {
  readonly visitId: string | null;
  readonly visitedOn: IsoDate | null;
  readonly owner: string | null;
  readonly met: string | null;
  /** What the customer asked for, when the writer stored the text. */
  readonly customerAsked: string | null;
  /** Whether the customer asked for something (a writer may store only that). */
  readonly askedSomething: boolean;
  readonly nextAction: string | null;
  readonly nextActionOn: IsoDate | null;
  readonly ballAfter: 'us' | 'customer' | null;
}

/** kind 'request_event', written by the requests feature for every transition. */
export interface RequestEventPayload {
  readonly requestId: string | null;
  /** file, submit, resubmit, approve, reject, return, recall, revise. */
  readonly action: string | null;
  readonly from: string | null;
  readonly to: string | null;
  /** contract_change, discount, special_delivery, special_support, other. */
  readonly type: string | null;
  /** The team's own label of the type, when configured. */
  readonly typeLabel: string | null;
  /** The cost estimate at the time, integer yen. */
  readonly cost: number | null;
  readonly comment: string | null;
}

type Bag = Readonly<Record<string, unknown>>;

const bagOf = (payload: unknown): Bag => (typeof payload === 'object' && payload !== null && !Array.isArray(payload) ? (payload as Bag) : {});

function text(bag: Bag, ...names: string[]): string | null {
  for (const name of names) {
    const value = bag[name];
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
  }
  return null;
}

function date(bag: Bag, name: string): IsoDate | null {
  const value = text(bag, name);
  return value !== null && isIsoDate(value.slice(0, 10)) ? value.slice(0, 10) : null;
}

function stage(bag: Bag, name: string): StageCode | null {
  const value = text(bag, name);
  return value !== null && isStageCode(value) ? value : null;
}

function yen(bag: Bag, ...names: string[]): number | null {
  for (const name of names) {
    const value = bag[name];
    if (typeof value === 'number' && Number.isFinite(value)) return value;
    if (typeof value === 'string' && /^-?\d+$/.test(value)) return Number(value);
  }
  return null;
}

function params(value: unknown): MessageParams {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(bagOf(value))) if (typeof v === 'string' || typeof v === 'number') out[k] = v;
  return out;
}

export function readStageChanged(payload: unknown): StageChangedPayload {
  const bag = bagOf(payload);
  return {
    title: text(bag, 'title', 'dealTitle'),
    fromStage: stage(bag, 'fromStage'),
    fromLabel: text(bag, 'fromLabel'),
    toStage: stage(bag, 'toStage'),
    toLabel: text(bag, 'toLabel'),
    enteredOn: date(bag, 'enteredOn'),
  };
}

export function readFlagRaised(payload: unknown): FlagRaisedPayload {
  const bag = bagOf(payload);
  const raisedIn = Array.isArray(bag['raised']) ? (bag['raised'] as unknown[]) : [];
  const raised: RaisedFlag[] = [];
  for (const item of raisedIn) {
    if (typeof item === 'string') raised.push({ code: item, params: {} });
    const code = text(bagOf(item), 'code');
    if (code !== null) raised.push({ code, params: params(bagOf(item)['params']) });
  }
  // A writer that only lists codes (`codes: [...]`) is read as well.
  if (raised.length === 0 && Array.isArray(bag['codes'])) {
    for (const code of bag['codes'] as unknown[]) if (typeof code === 'string') raised.push({ code, params: {} });
  }
  const current = Array.isArray(bag['current']) ? (bag['current'] as unknown[]).filter((c): c is string => typeof c === 'string') : raised.map((f) => f.code);
  return { title: text(bag, 'title', 'dealTitle'), owner: text(bag, 'owner'), raised, current, requestId: text(bag, 'requestId') };
}

export function readVisitLogged(payload: unknown): VisitLoggedPayload {
  const bag = bagOf(payload);
  const ball = text(bag, 'ballAfter', 'ball');
  return {
    visitId: text(bag, 'visitId', 'id'),
    visitedOn: date(bag, 'visitedOn'),
    owner: text(bag, 'owner'),
    met: text(bag, 'met'),
    customerAsked: text(bag, 'customerAsked'),
    askedSomething: text(bag, 'customerAsked') !== null || bag['customerAsked'] === true,
    nextAction: text(bag, 'nextAction'),
    nextActionOn: date(bag, 'nextActionOn'),
    ballAfter: ball === 'us' || ball === 'customer' ? ball : null,
  };
}

export function readRequestEvent(payload: unknown): RequestEventPayload {
  const bag = bagOf(payload);
  return {
    requestId: text(bag, 'requestId'),
    action: text(bag, 'action'),
    from: text(bag, 'from', 'fromState'),
    to: text(bag, 'to', 'toState'),
    type: text(bag, 'type'),
    typeLabel: text(bag, 'typeLabel'),
    cost: yen(bag, 'cost', 'costTotal'),
    comment: text(bag, 'comment'),
  };
}
