import type { Message } from '../i18n/locale.ts';
import type { RequestFlagCode } from './request-flags.ts';

// Every cost flag's label contains 要コスト確認 / "Cost review", so one "contains" filter in the
// sheet finds them all; each label stays distinct so a filter can also pick one.
export const REQUEST_FLAG_MESSAGES = Object.freeze({
  cost_over_routing: {
    label: { ja: '要コスト確認(高額)', en: 'Cost review: high cost' },
    reason: {
      over: {
        ja: '見積{total}が{threshold}以上のため{steps}の承認が必要',
        en: 'Estimate {total} is at or over {threshold}: needs approval by {steps}',
      },
    },
  },
  cost_over_margin: {
    label: { ja: '要コスト確認(粗利比)', en: 'Cost review: margin' },
    reason: {
      over: {
        ja: '見積{total}が案件粗利{margin}の{percent}(基準{limit})',
        en: 'Estimate {total} is {percent} of the deal’s gross margin {margin} (limit {limit})',
      },
      noMargin: {
        ja: '案件粗利が{margin}で、見積{total}を吸収する粗利がない',
        en: 'The deal’s gross margin is {margin}: no margin to spend on {total}',
      },
      unknownMargin: {
        ja: '案件粗利が不明で、見積{total}を吸収する粗利がない',
        en: 'The deal’s gross margin is unknown: no margin to spend on {total}',
      },
    },
  },
  win_win_imbalance: {
    label: { ja: '要コスト確認(Win-Win)', en: 'Cost review: win-win' },
    reason: {
      over: {
        ja: '直近{months}か月の特別対応コスト{cost}が受注額{revenue}の{percent}(基準{limit})',
        en: 'Special handling cost {cost} is {percent} of won revenue {revenue} over {months} months (limit {limit})',
      },
      noRevenue: {
        ja: '直近{months}か月に受注がないまま特別対応コスト{cost}',
        en: 'Special handling cost {cost} over {months} months with no won revenue',
      },
      ifApproved: {
        ja: '承認待ちを含めると直近{months}か月の特別対応コスト{cost}が受注額{revenue}の{percent}(基準{limit})',
        en: 'With pending requests approved, special handling cost {cost} would be {percent} of won revenue {revenue} over {months} months (limit {limit})',
      },
      ifApprovedNoRevenue: {
        ja: '承認待ちを含めると直近{months}か月に受注がないまま特別対応コスト{cost}',
        en: 'With pending requests approved, special handling cost {cost} over {months} months with no won revenue',
      },
    },
  },
  background_thin: {
    label: { ja: '背景不足', en: 'Thin background' },
    reason: {
      missing: { ja: '要望の背景が未記入', en: 'No background: why the customer asks is not recorded' },
      short: {
        ja: '要望の背景が{chars}文字(基準{min}文字以上)',
        en: 'Background is {chars} characters (at least {min} needed)',
      },
    },
  },
} satisfies Record<RequestFlagCode, { label: Message; reason: Record<string, Message> }>);
