import { makeDeal, makeMemory } from '../../support/deal-factory.ts';
import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../../../shared/calendar/iso-date.ts';
import { computeDealStatus } from '../../../shared/flags/deal-status.ts';
import {
  FLAG_CODES,
  type DealFlagInput,
  type DealMemory,
  type FlagCode,
  type VisitFact,
} from '../../../shared/flags/flag.ts';
import { renderFlags } from '../../../shared/flags/flag-messages.ts';
import type { Deal } from '../../../shared/records/deal.ts';
import { DEFAULT_SETTINGS, type SyncSettings } from '../../../shared/settings/sync-settings.ts';
import { DEFAULT_STAGES, type StageCode } from '../../../shared/stages/stage.ts';

// The Monday after Golden Week 2026 (5/4, 5/5 and the 5/6 substitute are holidays).
const NOW: IsoDate = '2026-05-11';

interface InputOverrides {
  readonly deal?: Partial<Deal>;
  readonly memory?: Partial<DealMemory>;
  readonly visits?: readonly VisitFact[];
  readonly cellIssueCount?: number;
}

function visit(visitedOn: IsoDate, fact: Partial<Omit<VisitFact, 'visitedOn'>> = {}): VisitFact {
  return { visitedOn, ballAfter: null, nextAction: null, nextActionOn: null, ...fact };
}

function input(overrides: InputOverrides = {}): DealFlagInput {
  return {
    deal: makeDeal(overrides.deal),
    memory: makeMemory(overrides.memory),
    visits: overrides.visits ?? [],
    cellIssueCount: overrides.cellIssueCount ?? 0,
  };
}

function settings(overrides: Partial<SyncSettings> = {}): SyncSettings {
  return { ...DEFAULT_SETTINGS, ...overrides };
}

function withStale(code: StageCode, staleAfterDays: number | null): SyncSettings['stages'] {
  return DEFAULT_STAGES.map((s) => (s.code === code ? { ...s, staleAfterDays } : s));
}

const business = settings({ dayCounting: 'business' });
const quoteAt5 = settings({ stages: withStale('quote', 5), warningRatio: 0.5 });
const quoteAt10 = settings({ stages: withStale('quote', 10), warningRatio: 0.7 });
const quoteNever = settings({ stages: withStale('quote', null) });
const closedAfterGw = settings({
  dayCounting: 'business',
  companyClosures: [{ from: '2026-05-07', to: '2026-05-08' }],
});
const followUpAt3 = settings({ ballFollowUpDays: 3 });
const handoffAt5 = settings({ handoffUnattendedDays: 5 });
const D = DEFAULT_SETTINGS;

function codes(i: DealFlagInput, s: SyncSettings = DEFAULT_SETTINGS): FlagCode[] {
  return computeDealStatus(i, s, NOW).flags.map((f) => f.code);
}

function inStage(stage: StageCode, stageEnteredOn: IsoDate): DealFlagInput {
  return input({ deal: { stage, stageLabel: null }, memory: { stageEnteredOn } });
}

describe('computeDealStatus', () => {
  describe('stage aging', () => {
    // quote: stale at 14, warning at ceil(14 × 0.8) = 12; expansion: 60 and 48.
    it.each([
      ['quote', '2026-04-30', D, 11, [], 'just under the warning'],
      ['quote', '2026-04-29', D, 12, ['stale_warning'], 'at the warning'],
      ['quote', '2026-04-28', D, 13, ['stale_warning'], 'just under stale'],
      ['quote', '2026-04-27', D, 14, ['stale'], 'at stale'],
      ['quote', '2026-04-26', D, 15, ['stale'], 'just over stale'],
      ['expansion', '2026-03-25', D, 47, [], 'a long stage is under its warning'],
      ['expansion', '2026-03-24', D, 48, ['stale_warning'], 'a long stage warns'],
      ['expansion', '2026-03-12', D, 60, ['stale'], 'a long stage is stale'],
      ['won', '2025-05-11', D, 365, [], 'the stage is won'],
      ['lost', '2025-05-11', D, 365, [], 'the stage is lost'],
      ['quote', NOW, D, 0, [], 'the deal entered today'],
      ['quote', '2026-05-20', D, 0, [], 'the entry date is in the future'],
      // Configured thresholds override the defaults.
      ['quote', '2026-05-09', quoteAt5, 2, [], 'configured: under'],
      ['quote', '2026-05-08', quoteAt5, 3, ['stale_warning'], 'configured: warning at ceil(2.5)'],
      ['quote', '2026-05-06', quoteAt5, 5, ['stale'], 'configured: stale'],
      ['quote', '2025-05-11', quoteNever, 365, [], 'configured: the stage never ages'],
      ['quote', '2026-05-04', quoteAt10, 7, ['stale_warning'], '10 × 0.7 does not round up to 8'],
      // Business days: 4/29 and 5/4–5/6 are holidays, weekends skipped.
      ['quote', '2026-04-20', business, 11, [], 'business days are under the warning'],
      ['quote', '2026-04-17', business, 12, ['stale_warning'], 'business days reach the warning'],
      ['quote', '2026-04-15', business, 14, ['stale'], 'business days reach stale'],
      ['quote', '2026-04-15', closedAfterGw, 12, ['stale_warning'], 'a closure is skipped'],
    ] as const)(
      'flags %s entered %s (%i days) as %j when %s',
      (stage, enteredOn, s, days, expected, _why) => {
        const status = computeDealStatus(inStage(stage, enteredOn), s, NOW);
        expect(status.daysInStage).toBe(days);
        expect(status.flags.map((f) => f.code)).toEqual(expected);
      },
    );

    it('reports the stage label, days and threshold when stale', () => {
      const status = computeDealStatus(inStage('quote', '2026-04-26'), D, NOW);
      expect(status.flags).toEqual([
        { code: 'stale', params: { stage: '見積提出', days: 15, threshold: 14 } },
      ]);
    });

    it.each([
      [
        'the stage is unknown',
        input({ deal: { stage: null }, memory: { stageEnteredOn: '2026-01-01' } }),
      ],
      ['the entry date is unknown', input({ memory: { stageEnteredOn: null } })],
    ])('leaves daysInStage null when %s', (_when, i) => {
      expect(computeDealStatus(i, D, NOW).daysInStage).toBeNull();
    });
  });

  describe('ball with the customer', () => {
    // Default follow-up after 7 days.
    it.each([
      ['the quote went out 6 days ago', { quoteSentOn: '2026-05-05' }, D, 6, []],
      ['the quote went out 7 days ago', { quoteSentOn: '2026-05-04' }, D, 7, ['ball_follow_up']],
      ['the quote went out 8 days ago', { quoteSentOn: '2026-05-03' }, D, 8, ['ball_follow_up']],
      ['the sheet says it is with us', { quoteSentOn: '2026-04-01', ball: 'us' }, D, null, []],
      ['the deal is won (no ball days: it waits for nobody)', { quoteSentOn: '2026-04-01', stage: 'won' }, D, null, []],
      ['the deal is lost', { quoteSentOn: '2026-04-01', stage: 'lost' }, D, null, []],
      ['configured at 3 days', { quoteSentOn: '2026-05-08' }, followUpAt3, 3, ['ball_follow_up']],
      ['business days skip Golden Week', { quoteSentOn: '2026-05-01' }, business, 3, []],
      ['calendar days count Golden Week', { quoteSentOn: '2026-05-01' }, D, 10, ['ball_follow_up']],
    ] as const)('counts ball days when %s', (_when, deal, s, ballDays, expected) => {
      const i = input({ deal, memory: { stageEnteredOn: NOW } });
      const status = computeDealStatus(i, s, NOW);
      expect(status.ballDays).toBe(ballDays);
      expect(status.flags.map((f) => f.code)).toEqual(expected);
    });

    it('dates the ball from the latest visit that handed it over', () => {
      const i = input({
        deal: { quoteSentOn: '2026-04-01' },
        memory: { stageEnteredOn: NOW },
        visits: [
          visit('2026-04-10', { ballAfter: 'us' }),
          visit('2026-05-01', { ballAfter: 'customer' }),
        ],
      });
      expect(computeDealStatus(i, D, NOW)).toEqual({
        daysInStage: 0,
        ball: 'customer',
        ballDays: 10,
        flags: [
          { code: 'ball_follow_up', params: { days: 10, threshold: 7, since: '2026-05-01' } },
        ],
      });
    });
  });

  describe('next action', () => {
    it.each([
      ['the date was yesterday', 'quote', '2026-05-10', ['next_action_overdue']],
      ['the date is today', 'quote', NOW, []],
      ['the date is tomorrow', 'quote', '2026-05-12', []],
      ['the deal is lost', 'lost', '2026-04-01', []],
    ] as const)('flags overdue when %s', (_when, stage, nextActionOn, expected) => {
      const i = input({ deal: { stage, nextActionOn }, memory: { stageEnteredOn: NOW } });
      expect(codes(i)).toEqual(expected);
    });

    it('counts overdue days on the calendar even when counting business days', () => {
      const i = input({ deal: { nextActionOn: '2026-05-01' }, memory: { stageEnteredOn: NOW } });
      expect(computeDealStatus(i, business, NOW).flags).toEqual([
        { code: 'next_action_overdue', params: { date: '2026-05-01', days: 10 } },
      ]);
    });

    // The sheet's date was due 5/1; what the latest visit planned decides whether it still stands.
    it.each([
      ['no visit planned anything', [visit('2026-05-08')], { date: '2026-05-01', days: 10 }],
      ['the latest visit planned a step due later, not yet due', [visit('2026-05-08', { nextAction: '提案書送付', nextActionOn: '2026-05-15' })], null],
      ['the latest visit planned a later step that is itself overdue', [visit('2026-05-02', { nextActionOn: '2026-05-07' })], { date: '2026-05-07', days: 4 }],
      ['the latest visit planned an earlier step', [visit('2026-04-20', { nextActionOn: '2026-04-25' })], { date: '2026-05-01', days: 10 }],
      [
        'an earlier visit planned a step not yet due and the latest one brought it forward',
        [visit('2026-05-08', { nextActionOn: '2026-05-09' }), visit('2026-05-02', { nextActionOn: '2026-05-20' })],
        { date: '2026-05-09', days: 2 },
      ],
    ] as const)('goes by the effective next action when %s', (_when, visits, overdue) => {
      const i = input({ deal: { nextActionOn: '2026-05-01' }, memory: { stageEnteredOn: NOW }, visits });
      const flags = computeDealStatus(i, D, NOW).flags;
      expect(flags).toEqual(overdue === null ? [] : [{ code: 'next_action_overdue', params: overdue }]);
    });

    it('flags a visit\'s overdue plan on a deal whose sheet has no next action date', () => {
      const i = input({ memory: { stageEnteredOn: NOW }, visits: [visit('2026-05-01', { nextAction: '見積提出', nextActionOn: '2026-05-08' })] });
      expect(renderFlags(computeDealStatus(i, D, NOW).flags, 'ja').reasons).toBe('次回アクション期日2026-05-08を3日超過');
    });
  });

  describe('hand-off', () => {
    // Default: unattended after 3 days; nurturing and lead are IS, proposal to closing FS, won CS.
    const unattended = ['handoff_unattended'] as const;
    it.each([
      ['IS → FS 3 days ago', 'proposal', 'nurturing', '2026-05-08', [], D, unattended],
      ['IS → FS 2 days ago', 'proposal', 'nurturing', '2026-05-09', [], D, []],
      ['IS → FS 4 days ago', 'proposal', 'nurturing', '2026-05-07', [], D, unattended],
      ['a visit came that day', 'proposal', 'nurturing', '2026-05-08', ['2026-05-08'], D, []],
      ['a visit came after', 'proposal', 'nurturing', '2026-05-01', ['2026-05-10'], D, []],
      ['a visit came before', 'proposal', 'nurturing', '2026-05-08', ['2026-05-07'], D, unattended],
      ['the move stayed inside FS', 'quote', 'proposal', '2026-05-01', [], D, []],
      ['no previous stage is known', 'proposal', null, '2026-05-01', [], D, []],
      ['FS won the deal for CS', 'won', 'closing', '2026-05-01', [], D, unattended],
      ['the deal was lost', 'lost', 'closing', '2026-05-01', [], D, []],
      ['a lost deal was reopened', 'lead', 'lost', '2026-05-01', [], D, []],
      ['configured at 5 days', 'proposal', 'nurturing', '2026-05-07', [], handoffAt5, []],
      ['3 business days passed', 'proposal', 'nurturing', '2026-05-01', [], business, unattended],
      ['2 business days passed', 'proposal', 'nurturing', '2026-05-07', [], business, []],
    ] as const)(
      'flags the hand-off when %s',
      (_when, stage, previousStage, stageEnteredOn, visitDays, s, expected) => {
        const i = input({
          deal: { stage, stageLabel: null },
          memory: { previousStage, stageEnteredOn },
          visits: visitDays.map((visitedOn) => visit(visitedOn)),
        });
        expect(codes(i, s)).toEqual(expected);
      },
    );

    it('reports the teams and the days', () => {
      const i = input({
        deal: { stage: 'proposal' },
        memory: { previousStage: 'lead', stageEnteredOn: '2026-05-07' },
      });
      expect(computeDealStatus(i, D, NOW).flags).toEqual([
        { code: 'handoff_unattended', params: { from: 'IS', to: 'FS', days: 4 } },
      ]);
    });

    it('takes the teams from the settings', () => {
      const stages = DEFAULT_STAGES.map((s) =>
        s.code === 'proposal' ? { ...s, team: 'IS' as const } : s,
      );
      const i = input({
        deal: { stage: 'proposal' },
        memory: { previousStage: 'lead', stageEnteredOn: '2026-05-01' },
      });
      expect(codes(i, settings({ stages }))).toEqual([]);
    });
  });

  describe('data quality', () => {
    it.each([
      ['the label is unknown', { stage: null, stageLabel: '商談中' }, 0, ['unknown_stage']],
      ['the stage cell is blank', { stage: null, stageLabel: '  ' }, 0, []],
      ['the owner is empty', { owner: null }, 0, ['no_owner']],
      ['the owner is blank', { owner: ' 　' }, 0, ['no_owner']],
      ['only a title is filled', { stage: null, stageLabel: null, owner: null }, 0, ['no_owner']],
      ['an untitled row has a stage but no owner', { title: null, owner: null }, 0, ['no_owner']],
      ['the row is no deal', { title: null, stage: null, stageLabel: null, owner: null }, 0, []],
      ['two cells could not be read', {}, 2, ['bad_cells']],
      [
        'an unknown label has no owner',
        { stage: null, stageLabel: '謎', owner: '' },
        1,
        ['unknown_stage', 'no_owner', 'bad_cells'],
      ],
    ] as const)('flags the row when %s', (_when, deal, cellIssueCount, expected) => {
      expect(codes(input({ deal, cellIssueCount }))).toEqual(expected);
    });

    it('reports the unknown label and the count of bad cells', () => {
      const i = input({ deal: { stage: null, stageLabel: ' 商談中 ' }, cellIssueCount: 3 });
      expect(computeDealStatus(i, D, NOW).flags).toEqual([
        { code: 'unknown_stage', params: { label: '商談中' } },
        { code: 'bad_cells', params: { count: 3 } },
      ]);
    });
  });

  it('puts flags in FLAG_CODES order when many rules fire', () => {
    const i = input({
      deal: {
        stage: 'proposal',
        owner: null,
        quoteSentOn: '2026-04-01',
        nextActionOn: '2026-05-01',
      },
      memory: { previousStage: 'nurturing', stageEnteredOn: '2026-04-01' },
      cellIssueCount: 1,
    });
    const expected: FlagCode[] = [
      'stale',
      'ball_follow_up',
      'next_action_overdue',
      'handoff_unattended',
      'no_owner',
      'bad_cells',
    ];
    expect(codes(i)).toEqual(expected);
    expect(expected).toEqual(FLAG_CODES.filter((c) => expected.includes(c)));
  });

  it('computes nothing when nothing is known', () => {
    const i = input({ deal: { title: null, stage: null, stageLabel: null, owner: null } });
    expect(computeDealStatus(i, D, NOW)).toEqual({
      daysInStage: null,
      ball: null,
      ballDays: null,
      flags: [],
    });
  });
});

describe('renderFlags', () => {
  const flags = computeDealStatus(
    input({
      deal: { nextActionOn: '2026-05-01' },
      memory: { stageEnteredOn: '2026-04-26' },
      cellIssueCount: 2,
    }),
    DEFAULT_SETTINGS,
    NOW,
  ).flags;

  it.each([
    [
      'ja',
      '停滞, 期限切れ, 入力エラー',
      [
        '見積提出に15日滞留(基準14日)',
        '次回アクション期日2026-05-01を10日超過',
        '読み取れないセルが2件',
      ],
    ],
    [
      'en',
      'Stale, Overdue, Bad cells',
      [
        '15d in 見積提出 (limit 14d)',
        'Next action was due 2026-05-01 (10d overdue)',
        '2 cell(s) could not be read',
      ],
    ],
  ] as const)('renders labels and reasons when the locale is %s', (locale, labels, reasons) => {
    expect(renderFlags(flags, locale)).toEqual({ labels, reasons: reasons.join('; ') });
  });

  it('renders empty text when no flag is raised', () => {
    expect(renderFlags([], 'ja')).toEqual({ labels: '', reasons: '' });
  });
});
