import type { IsoDate } from '../calendar/iso-date.ts';
import type { Ball } from '../records/ball.ts';
import type { Deal } from '../records/deal.ts';
import type { StageCode } from '../stages/stage.ts';
import type { MessageParams } from '../i18n/locale.ts';

export const FLAG_CODES = [
  'stale',
  'stale_warning',
  'ball_follow_up',
  'next_action_overdue',
  'handoff_unattended',
  'cost_review',
  'unknown_stage',
  'no_owner',
  'bad_cells',
  // Raised on a special request's row (never a deal's): its status was typed by hand.
  'status_tampered',
] as const;
export type FlagCode = (typeof FLAG_CODES)[number];

/** One raised flag; its reason is rendered from the catalogue with these params. */
export interface Flag {
  readonly code: FlagCode;
  readonly params: MessageParams;
}

/** A visit as the flag rules need it. */
export interface VisitFact {
  readonly visitedOn: IsoDate;
  readonly ballAfter: Ball | null;
  /** The next step the visit planned and its due day: the deal's plan while it is the latest (next-action.ts). */
  readonly nextAction: string | null;
  readonly nextActionOn: IsoDate | null;
}

/** What the database remembers about a deal and the sheet does not. */
export interface DealMemory {
  /** The day the deal entered its current stage (observed, seeded, or first seen). */
  readonly stageEnteredOn: IsoDate | null;
  /** The stage before the current one, when a change was observed or seeded. */
  readonly previousStage: StageCode | null;
  /** The day the ball column last changed to its current value, when a change was observed. */
  readonly ballChangedOn: IsoDate | null;
}

export interface DealFlagInput {
  readonly deal: Deal;
  readonly memory: DealMemory;
  /** The deal's visits, any order. */
  readonly visits: readonly VisitFact[];
  /** Cells of this row that could not be read. */
  readonly cellIssueCount: number;
}

/** Everything computed for one deal at `now`: what the service writes back to the sheet. */
export interface DealStatus {
  /** Days since the deal entered its stage, counted per settings; null when unknown. */
  readonly daysInStage: number | null;
  /** Who holds the ball now: the sheet's ball column, else derived from the quote and visits. */
  readonly ball: Ball | null;
  /** Days the ball has been with the customer; null when it is with us or unknown. */
  readonly ballDays: number | null;
  readonly flags: readonly Flag[];
}
