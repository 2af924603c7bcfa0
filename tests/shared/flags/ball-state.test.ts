import { describe, expect, it } from 'vitest';
import { ballState } from '../../../shared/flags/ball-state.ts';
import type { VisitFact } from '../../../shared/flags/flag.ts';
import { makeDeal, makeMemory } from '../../support/deal-factory.ts';

const deal = makeDeal;
const memory = makeMemory;

const visit = (visitedOn: string, ballAfter: VisitFact['ballAfter']): VisitFact => ({
  visitedOn,
  ballAfter,
  nextAction: null,
  nextActionOn: null,
});

describe('ballState', () => {
  it.each([
    ['nothing says anything', deal(), memory(), [], null, null],
    [
      'only visits without a ball outcome exist',
      deal(),
      memory(),
      [visit('2026-05-01', null)],
      null,
      null,
    ],
    [
      'the quote went out',
      deal({ quoteSentOn: '2026-05-01' }),
      memory(),
      [],
      'customer',
      '2026-05-01',
    ],
    [
      'a later visit brought the ball back',
      deal({ quoteSentOn: '2026-05-01' }),
      memory(),
      [visit('2026-05-08', 'us')],
      'us',
      '2026-05-08',
    ],
    [
      'the quote went out after the last visit',
      deal({ quoteSentOn: '2026-05-10' }),
      memory(),
      [visit('2026-05-08', 'us')],
      'customer',
      '2026-05-10',
    ],
    [
      'visits come in any order',
      deal(),
      memory(),
      [visit('2026-05-12', 'customer'), visit('2026-05-20', 'us'), visit('2026-05-01', 'customer')],
      'us',
      '2026-05-20',
    ],
    [
      'a visit and the quote disagree on the same day',
      deal({ quoteSentOn: '2026-05-08' }),
      memory(),
      [visit('2026-05-08', 'us')],
      'customer',
      '2026-05-08',
    ],
    [
      'the ball column was cleared',
      deal({ quoteSentOn: '2026-05-01' }),
      memory({ ballChangedOn: '2026-05-15' }),
      [],
      'customer',
      '2026-05-01',
    ],
    [
      'the ball column agrees with the latest event',
      deal({ ball: 'customer', quoteSentOn: '2026-05-01' }),
      memory({ ballChangedOn: '2026-04-20' }),
      [visit('2026-05-10', 'customer')],
      'customer',
      '2026-05-10',
    ],
    [
      'the ball column overrides a later disagreeing visit',
      deal({ ball: 'customer', quoteSentOn: '2026-05-01' }),
      memory(),
      [visit('2026-05-10', 'us')],
      'customer',
      '2026-05-01',
    ],
    [
      'the ball column changed after every event',
      deal({ ball: 'us', quoteSentOn: '2026-05-01' }),
      memory({ ballChangedOn: '2026-05-12' }),
      [visit('2026-05-10', 'customer')],
      'us',
      '2026-05-12',
    ],
    [
      'the ball column has no agreeing event and no observed change',
      deal({ ball: 'us', quoteSentOn: '2026-05-01' }),
      memory(),
      [],
      'us',
      null,
    ],
  ] as const)('derives the ball and its date when %s', (_when, d, m, visits, ball, since) => {
    expect(ballState(d, m, visits)).toEqual({ ball, since });
  });
});
