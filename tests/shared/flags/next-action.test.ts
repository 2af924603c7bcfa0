import { describe, expect, it } from 'vitest';
import type { VisitFact } from '../../../shared/flags/flag.ts';
import { currentNextAction, effectiveNextAction, latestVisitPlan, type NextAction } from '../../../shared/flags/next-action.ts';

const step = (nextAction: string | null, nextActionOn: string | null): NextAction => ({ nextAction, nextActionOn });
const visit = (visitedOn: string, nextAction: string | null, nextActionOn: string | null): VisitFact => ({ visitedOn, ballAfter: null, nextAction, nextActionOn });

describe('currentNextAction', () => {
  it.each<[string, NextAction, NextAction, NextAction]>([
    ['the visit planned a step due later than the sheet\'s', step('見積説明', '2026-11-15'), step('修正見積の提出', '2026-11-25'), step('修正見積の提出', '2026-11-25')],
    ['the sheet has no date and the visit has one', step('連絡待ち', null), step('修正見積の提出', '2026-11-25'), step('修正見積の提出', '2026-11-25')],
    ['a later step was typed into the sheet after the visit', step('契約書送付', '2026-12-05'), step('修正見積の提出', '2026-11-25'), step('契約書送付', '2026-12-05')],
    ['both are due the same day', step('契約書送付', '2026-11-25'), step('修正見積の提出', '2026-11-25'), step('契約書送付', '2026-11-25')],
    ['the visit planned nothing', step('見積説明', '2026-11-15'), step(null, null), step('見積説明', '2026-11-15')],
    ['the visit named a step without a date and the sheet has one', step('見積説明', '2026-11-15'), step('資料送付', null), step('見積説明', '2026-11-15')],
    ['the sheet is empty and the visit named a step without a date', step(' ', null), step('資料送付', null), step('資料送付', null)],
  ])('takes the right step when %s', (_, sheet, plan, expected) => {
    expect(currentNextAction(sheet, plan)).toEqual(expected);
  });
});

describe('latestVisitPlan', () => {
  it.each<[string, VisitFact[], NextAction | null]>([
    ['there is no visit', [], null],
    ['no visit planned anything', [visit('2026-11-10', null, null), visit('2026-11-12', '  ', null)], null],
    ['the latest visit planned the step', [visit('2026-11-10', '提案', '2026-11-20'), visit('2026-11-18', '見積提出', '2026-11-28')], step('見積提出', '2026-11-28')],
    // The current plan, not the furthest date: the customer asked for the quote sooner.
    ['the latest visit brought the step forward', [visit('2026-11-18', '見積提出', '2026-11-22'), visit('2026-11-10', '見積提出', '2026-12-10')], step('見積提出', '2026-11-22')],
    ['the latest visit planned nothing: the plan before it stands', [visit('2026-11-10', '提案', '2026-11-25'), visit('2026-11-18', null, null)], step('提案', '2026-11-25')],
    ['the latest visit named a step without a date', [visit('2026-11-10', '提案', '2026-11-25'), visit('2026-11-18', '連絡待ち', null)], step('連絡待ち', null)],
    ['two visits the same day: the step due later', [visit('2026-11-18', '電話', '2026-11-21'), visit('2026-11-18', '訪問', '2026-11-27')], step('訪問', '2026-11-27')],
    ['two visits the same day, one without a date', [visit('2026-11-18', '電話', '2026-11-21'), visit('2026-11-18', '連絡待ち', null)], step('電話', '2026-11-21')],
  ])('finds the plan when %s', (_, visits, expected) => {
    expect(latestVisitPlan(visits)).toEqual(expected);
    // Visits come in any order: the answer must not depend on it.
    expect(latestVisitPlan([...visits].reverse())).toEqual(expected);
  });
});

describe('effectiveNextAction', () => {
  it.each<[string, NextAction, VisitFact[], NextAction]>([
    ['there are only the sheet\'s', step('見積説明', '2026-11-15'), [], step('見積説明', '2026-11-15')],
    ['the latest visit planned a step due later', step('見積説明', '2026-11-15'), [visit('2026-11-18', '修正見積の提出', '2026-11-25')], step('修正見積の提出', '2026-11-25')],
    ['the latest visit planned a step due earlier', step('契約書送付', '2026-12-05'), [visit('2026-11-18', '修正見積の提出', '2026-11-25')], step('契約書送付', '2026-12-05')],
    ['the sheet is empty', step(null, null), [visit('2026-11-18', '修正見積の提出', '2026-11-25')], step('修正見積の提出', '2026-11-25')],
    ['the sheet has a step but no date', step('連絡待ち', null), [visit('2026-11-18', '修正見積の提出', '2026-11-25')], step('修正見積の提出', '2026-11-25')],
    [
      'several visits: the latest one\'s plan, not the furthest date',
      step('見積説明', '2026-11-15'),
      [visit('2026-11-10', '提案', '2026-12-10'), visit('2026-11-18', '見積提出', '2026-11-22')],
      step('見積提出', '2026-11-22'),
    ],
    [
      'several visits, the latest planning a step due before the sheet\'s',
      step('見積説明', '2026-11-15'),
      [visit('2026-11-10', '提案', '2026-12-10'), visit('2026-11-12', '見積提出', '2026-11-13')],
      step('見積説明', '2026-11-15'),
    ],
  ])('takes the right step when %s', (_, sheet, visits, expected) => {
    expect(effectiveNextAction(sheet, visits)).toEqual(expected);
  });

  it('answers only the step, not the rest of the record passed as the sheet\'s', () => {
    expect(effectiveNextAction({ ...step('見積説明', '2026-11-15'), title: '基幹システム更新' } as NextAction, [])).toEqual(step('見積説明', '2026-11-15'));
  });
});
