import type { IsoDate } from '../calendar/iso-date.ts';
import type { DealMemory } from '../flags/flag.ts';
import type { Ball } from '../records/ball.ts';
import type { Deal } from '../records/deal.ts';
import type { StageCode } from '../stages/stage.ts';

/** A stage change to append to the deal's history. */
export interface StageChange {
  readonly fromStage: StageCode | null;
  readonly toStage: StageCode | null;
  readonly toLabel: string | null;
  readonly enteredOn: IsoDate;
  readonly source: 'observed' | 'seeded' | 'first_seen';
}

/** The stored facts about a deal that the next sync compares against. */
export interface PreviousDealState {
  readonly stage: StageCode | null;
  readonly stageChangedOn: IsoDate | null;
  readonly ball: Ball | null;
  readonly memory: DealMemory;
}

export interface MemoryStep {
  readonly memory: DealMemory;
  readonly change: StageChange | null;
  /**
   * The stage to store when it is not the one the row reads as: a label that maps onto no stage
   * (a typo) leaves the deal in its last known stage rather than resetting its aging.
   */
  readonly storedStage?: StageCode | null;
}

const notAfter = (date: IsoDate | null, now: IsoDate): date is IsoDate => date !== null && date <= now;

/**
 * A deal seen for the first time. Its stage is dated from the sheet's own stage-date column when
 * it has one, else from the quote date for a deal in the quote stage, else from today.
 */
export function firstMemory(deal: Deal, now: IsoDate): MemoryStep {
  if (deal.stage === null) {
    return { memory: { stageEnteredOn: null, previousStage: null, ballChangedOn: null }, change: null };
  }
  let enteredOn: IsoDate = now;
  let source: StageChange['source'] = 'first_seen';
  if (notAfter(deal.stageChangedOn, now)) {
    enteredOn = deal.stageChangedOn;
    source = 'seeded';
  } else if (deal.stage === 'quote' && notAfter(deal.quoteSentOn, now)) {
    enteredOn = deal.quoteSentOn;
    source = 'seeded';
  }
  return {
    memory: { stageEnteredOn: enteredOn, previousStage: null, ballChangedOn: null },
    change: { fromStage: null, toStage: deal.stage, toLabel: deal.stageLabel, enteredOn, source },
  };
}

/**
 * A deal seen again. A stage change is recorded as entered today, unless the team also moved the
 * sheet's stage date to a day between the previous entry and today, which is then believed. With
 * no stage change, a corrected stage date in the sheet re-dates the current stage.
 */
export function nextMemory(previous: PreviousDealState, deal: Deal, now: IsoDate): MemoryStep {
  const prior = previous.memory;
  const ballChangedOn = deal.ball === previous.ball ? prior.ballChangedOn : deal.ball === null ? null : now;
  const sheetDateMoved = deal.stageChangedOn !== previous.stageChangedOn && notAfter(deal.stageChangedOn, now);
  if (deal.stage === null && deal.stageLabel !== null && previous.stage !== null) {
    return { memory: { ...prior, ballChangedOn }, change: null, storedStage: previous.stage };
  }

  if (deal.stage !== previous.stage) {
    const after = prior.stageEnteredOn;
    const enteredOn =
      sheetDateMoved && deal.stageChangedOn !== null && (after === null || deal.stageChangedOn >= after) ? deal.stageChangedOn : now;
    return {
      memory: { stageEnteredOn: enteredOn, previousStage: previous.stage ?? prior.previousStage, ballChangedOn },
      change: { fromStage: previous.stage, toStage: deal.stage, toLabel: deal.stageLabel, enteredOn, source: 'observed' },
    };
  }
  const stageEnteredOn = sheetDateMoved && deal.stage !== null ? deal.stageChangedOn : prior.stageEnteredOn;
  return { memory: { stageEnteredOn, previousStage: prior.previousStage, ballChangedOn }, change: null };
}
