import { describe, expect, it } from 'vitest';
import { currentNextAction, type NextAction } from '../../../server/deals/next-action.ts';

const step = (nextAction: string | null, nextActionOn: string | null): NextAction => ({ nextAction, nextActionOn });

describe('currentNextAction', () => {
  it.each<[string, NextAction, NextAction, NextAction]>([
    ['the visit planned a step due later than the sheet\'s', step('見積説明', '2026-11-15'), step('修正見積の提出', '2026-11-25'), step('修正見積の提出', '2026-11-25')],
    ['the sheet has no date and the visit has one', step('連絡待ち', null), step('修正見積の提出', '2026-11-25'), step('修正見積の提出', '2026-11-25')],
    ['a later step was typed into the sheet after the visit', step('契約書送付', '2026-12-05'), step('修正見積の提出', '2026-11-25'), step('契約書送付', '2026-12-05')],
    ['both are due the same day', step('契約書送付', '2026-11-25'), step('修正見積の提出', '2026-11-25'), step('契約書送付', '2026-11-25')],
    ['the visit planned nothing', step('見積説明', '2026-11-15'), step(null, null), step('見積説明', '2026-11-15')],
    ['the visit named a step without a date and the sheet has one', step('見積説明', '2026-11-15'), step('資料送付', null), step('見積説明', '2026-11-15')],
    ['the sheet is empty and the visit named a step without a date', step(' ', null), step('資料送付', null), step('資料送付', null)],
  ])('takes the right step when %s', (_, sheet, visit, expected) => {
    expect(currentNextAction(sheet, visit)).toEqual(expected);
  });
});
