import type { IsoDate } from '../calendar/iso-date.ts';
import type { StageCode, Team } from '../stages/stage.ts';
import type { Ball } from './ball.ts';

/** One deal (案件) as read from a row of the deals tab. Money is integer yen. */
export interface Deal {
  readonly account: string | null;
  readonly title: string | null;
  /** Null when the cell is empty or its label maps onto no stage (flagged). */
  readonly stage: StageCode | null;
  /** The team's own label, kept so an unknown one can be reported and mapped later. */
  readonly stageLabel: string | null;
  /** The day the team's sheet says the deal entered its stage, when it has such a column. */
  readonly stageChangedOn: IsoDate | null;
  readonly owner: string | null;
  readonly team: Team | null;
  readonly amount: number | null;
  readonly grossMargin: number | null;
  /** 0–100. */
  readonly probability: number | null;
  readonly quoteSentOn: IsoDate | null;
  readonly ball: Ball | null;
  readonly lastContactOn: IsoDate | null;
  readonly nextAction: string | null;
  readonly nextActionOn: IsoDate | null;
  readonly expectedCloseOn: IsoDate | null;
  readonly createdOn: IsoDate | null;
}

export const DEAL_FIELDS = [
  'account',
  'title',
  'stage',
  'stageChangedOn',
  'owner',
  'team',
  'amount',
  'grossMargin',
  'probability',
  'quoteSentOn',
  'ball',
  'lastContactOn',
  'nextAction',
  'nextActionOn',
  'expectedCloseOn',
  'createdOn',
] as const;
export type DealField = (typeof DEAL_FIELDS)[number];
