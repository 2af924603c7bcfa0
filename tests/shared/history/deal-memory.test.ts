import { describe, expect, it } from 'vitest';
import { firstMemory, nextMemory, type PreviousDealState } from '../../../shared/history/deal-memory.ts';
import type { Deal } from '../../../shared/records/deal.ts';
import { makeDeal } from '../../support/deal-factory.ts';

const deal = (patch: Partial<Deal>): Deal => makeDeal({ stage: 'proposal', stageLabel: '提案', ...patch });

const NOW = '2026-11-20';

describe('firstMemory', () => {
  it.each([
    ['from the sheet’s stage date when it has one', deal({ stageChangedOn: '2026-10-01' }), '2026-10-01', 'seeded'],
    ['from the quote date for a deal in the quote stage', deal({ stage: 'quote', quoteSentOn: '2026-11-02' }), '2026-11-02', 'seeded'],
    ['from today when the sheet says nothing', deal({}), NOW, 'first_seen'],
    ['from today when the sheet’s stage date is in the future', deal({ stageChangedOn: '2026-12-01' }), NOW, 'first_seen'],
  ])('dates the stage %s', (_label, d, enteredOn, source) => {
    const step = firstMemory(d, NOW);
    expect(step.memory.stageEnteredOn).toBe(enteredOn);
    expect(step.change).toMatchObject({ fromStage: null, toStage: d.stage, enteredOn, source });
  });

  it('records nothing when the stage is unknown', () => {
    expect(firstMemory(deal({ stage: null, stageLabel: '保留' }), NOW)).toEqual({
      memory: { stageEnteredOn: null, previousStage: null, ballChangedOn: null },
      change: null,
    });
  });
});

describe('nextMemory', () => {
  const previous: PreviousDealState = {
    stage: 'proposal',
    stageChangedOn: null,
    ball: 'us',
    memory: { stageEnteredOn: '2026-10-01', previousStage: 'lead', ballChangedOn: null },
  };

  it('records an observed change as entered today', () => {
    const step = nextMemory(previous, deal({ stage: 'quote', stageLabel: '見積提出', ball: 'us' }), NOW);
    expect(step.change).toEqual({ fromStage: 'proposal', toStage: 'quote', toLabel: '見積提出', enteredOn: NOW, source: 'observed' });
    expect(step.memory).toEqual({ stageEnteredOn: NOW, previousStage: 'proposal', ballChangedOn: null });
  });

  it('believes the sheet’s stage date when the team moved it with the stage', () => {
    const step = nextMemory(previous, deal({ stage: 'quote', stageChangedOn: '2026-11-15', ball: 'us' }), NOW);
    expect(step.change?.enteredOn).toBe('2026-11-15');
  });

  it('re-dates the current stage when only the sheet’s stage date was corrected', () => {
    const step = nextMemory(previous, deal({ stageChangedOn: '2026-09-20', ball: 'us' }), NOW);
    expect(step.change).toBeNull();
    expect(step.memory.stageEnteredOn).toBe('2026-09-20');
  });

  it.each([
    ['to the customer', 'customer', NOW],
    ['to blank', null, null],
  ] as const)('dates a ball change %s', (_label, ball, expected) => {
    expect(nextMemory(previous, deal({ ball }), NOW).memory.ballChangedOn).toBe(expected);
  });

  it('keeps everything when nothing relevant changed', () => {
    expect(nextMemory(previous, deal({ ball: 'us', amount: 5 }), NOW)).toEqual({ memory: previous.memory, change: null });
  });
});
