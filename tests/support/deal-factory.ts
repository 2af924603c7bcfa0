import type { DealMemory } from '../../shared/flags/flag.ts';
import type { Deal } from '../../shared/records/deal.ts';

/** A plausible deal in the quote stage; tests override what they are about. */
export function makeDeal(overrides: Partial<Deal> = {}): Deal {
  return {
    account: '株式会社サンプル',
    title: '基幹システム更新',
    stage: 'quote',
    stageLabel: '見積提出',
    stageChangedOn: null,
    owner: '佐藤',
    team: 'FS',
    amount: 1_200_000,
    grossMargin: 300_000,
    probability: 50,
    quoteSentOn: null,
    ball: null,
    lastContactOn: null,
    nextAction: null,
    nextActionOn: null,
    expectedCloseOn: null,
    createdOn: null,
    ...overrides,
  };
}

/** What the database remembers about a deal, empty unless overridden. */
export function makeMemory(overrides: Partial<DealMemory> = {}): DealMemory {
  return { stageEnteredOn: null, previousStage: null, ballChangedOn: null, ...overrides };
}
