import { describe, expect, it } from 'vitest';
import { DEFAULT_REQUEST_POLICY, type RequestPolicy } from '../../../shared/cost/request-policy.ts';
import {
  backgroundChars,
  REQUEST_FLAG_CODES,
  REQUEST_FLAG_MESSAGES,
  renderRequestFlags,
  requestFlags,
  type RequestFlagInput,
} from '../../../shared/cost/request-flags.ts';
import { winWinBalance, type WinWinBalance } from '../../../shared/cost/win-win.ts';

const P = DEFAULT_REQUEST_POLICY;
const GOOD_BACKGROUND = '競合が同条件で3か月の無償保守を提示しており、年度末の予算確定前に判断したいとのこと';
const base: RequestFlagInput = { total: 50_000, background: GOOD_BACKGROUND, dealGrossMargin: 1_000_000, winWin: null };
const flagsOf = (patch: Partial<RequestFlagInput>, policy: RequestPolicy = P) => requestFlags({ ...base, ...patch }, policy);
const codes = (patch: Partial<RequestFlagInput>, policy: RequestPolicy = P) => flagsOf(patch, policy).map((f) => `${f.code}:${f.variant}`);

function balance(cost: number, revenue: number, pending = 0): WinWinBalance {
  return winWinBalance(
    {
      now: '2026-06-30',
      requests: [
        { filedOn: '2026-03-01', cost, state: 'approved' },
        { filedOn: '2026-06-01', cost: pending, state: 'submitted' },
      ],
      wonDeals: revenue === 0 ? [] : [{ wonOn: '2026-01-10', amount: revenue, grossMargin: null }],
    },
    P,
  );
}

describe('requestFlags', () => {
  it('raises nothing when a modest request is well explained', () => {
    expect(flagsOf({})).toEqual([]);
  });

  it.each<[number, string[]]>([
    [99_999, []],
    [100_000, ['cost_over_routing:over']],
    [999_999, ['cost_over_routing:over']],
    [1_000_000, ['cost_over_routing:over']],
  ])('flags cost over routing for ¥%d', (total, expected) => {
    // A large margin keeps the margin rule out of the way.
    expect(codes({ total, dealGrossMargin: 100_000_000 })).toEqual(expected);
  });

  it('names the approvers a costly request needs', () => {
    const [flag] = flagsOf({ total: 1_000_000, dealGrossMargin: 100_000_000 });
    expect(flag?.reason).toEqual({
      ja: '見積¥1,000,000が¥100,000以上のため承認者 → マネージャー → 部門長の承認が必要',
      en: 'Estimate ¥1,000,000 is at or over ¥100,000: needs approval by Approver → Manager → Director',
    });
  });

  it('never flags cost over routing when the routing has a single level', () => {
    const single: RequestPolicy = { ...P, routing: [{ fromCost: 0, role: 'approver' }] };
    expect(codes({ total: 50_000_000, dealGrossMargin: 1e12 }, single)).toEqual([]);
  });

  it.each<[string, number, number | null, string[]]>([
    ['exactly 20% of the margin', 100_000, 500_000, []],
    ['one yen over 20% of the margin', 100_001, 500_000, ['cost_over_margin:over']],
    ['well under the margin share', 10_000, 500_000, []],
    ['an unknown margin with a cost', 1, null, ['cost_over_margin:unknownMargin']],
    ['a zero margin with a cost', 1, 0, ['cost_over_margin:noMargin']],
    ['a negative margin with a cost', 1, -20_000, ['cost_over_margin:noMargin']],
    ['an unknown margin and no cost', 0, null, []],
    ['a negative margin and no cost', 0, -20_000, []],
  ])('judges the margin when %s', (_, total, margin, expected) => {
    expect(codes({ total, dealGrossMargin: margin }).filter((c) => c.startsWith('cost_over_margin'))).toEqual(expected);
  });

  it.each<[string, Partial<RequestFlagInput>, { ja: string; en: string }]>([
    [
      'over the share',
      { total: 150_000, dealGrossMargin: 600_000 },
      { ja: '見積¥150,000が案件粗利¥600,000の25%(基準20%)', en: 'Estimate ¥150,000 is 25% of the deal’s gross margin ¥600,000 (limit 20%)' },
    ],
    [
      'no margin',
      { total: 30_000, dealGrossMargin: -5_000 },
      { ja: '案件粗利が-¥5,000で、見積¥30,000を吸収する粗利がない', en: 'The deal’s gross margin is -¥5,000: no margin to spend on ¥30,000' },
    ],
    [
      'an unknown margin',
      { total: 30_000, dealGrossMargin: null },
      { ja: '案件粗利が不明で、見積¥30,000を吸収する粗利がない', en: 'The deal’s gross margin is unknown: no margin to spend on ¥30,000' },
    ],
  ])('explains a margin flag for %s', (_, patch, reason) => {
    expect(flagsOf(patch).find((f) => f.code === 'cost_over_margin')?.reason).toEqual(reason);
  });

  it('uses the policy margin share', () => {
    const margin = (share: number) => codes({ total: 60_000, dealGrossMargin: 200_000 }, { ...P, marginShare: share });
    expect(margin(0.2)).toEqual(['cost_over_margin:over']);
    expect(margin(0.3)).toEqual([]);
  });

  it.each<[string, WinWinBalance, string[]]>([
    ['an account within its share', balance(40_000, 1_000_000), []],
    ['an account at exactly its share', balance(50_000, 1_000_000), []],
    ['an account over its share', balance(60_000, 1_000_000), ['win_win_imbalance:over']],
    ['an account with cost and no won revenue', balance(30_000, 0), ['win_win_imbalance:noRevenue']],
    ['an account that pending requests would tip over', balance(40_000, 1_000_000, 20_000), ['win_win_imbalance:ifApproved']],
    ['an account with only pending cost and no revenue', balance(0, 0, 20_000), ['win_win_imbalance:ifApprovedNoRevenue']],
    ['an account with no history', balance(0, 0), []],
  ])('judges the win-win balance of %s', (_, winWin, expected) => {
    expect(codes({ winWin })).toEqual(expected);
  });

  it('explains a win-win flag with the account figures', () => {
    expect(flagsOf({ winWin: balance(60_000, 1_000_000) })[0]?.reason).toEqual({
      ja: '直近12か月の特別対応コスト¥60,000が受注額¥1,000,000の6%(基準5%)',
      en: 'Special handling cost ¥60,000 is 6% of won revenue ¥1,000,000 over 12 months (limit 5%)',
    });
    expect(flagsOf({ winWin: balance(40_000, 1_000_000, 20_000) })[0]?.reason.ja).toBe(
      '承認待ちを含めると直近12か月の特別対応コスト¥60,000が受注額¥1,000,000の6%(基準5%)',
    );
    expect(flagsOf({ winWin: balance(30_000, 0) })[0]?.reason.en).toBe('Special handling cost ¥30,000 over 12 months with no won revenue');
  });

  const twenty = 'あ'.repeat(20);
  it.each<[string, string | null, string[]]>([
    ['missing', null, ['background_thin:missing']],
    ['blank', '   ', ['background_thin:missing']],
    ['written as なし', 'なし', ['background_thin:missing']],
    ['written as 未定', '未定', ['background_thin:missing']],
    ['a dash', '-', ['background_thin:missing']],
    ['19 characters', 'あ'.repeat(19), ['background_thin:short']],
    ['20 characters', twenty, []],
    ['19 characters padded with spaces', `  ${'あ'.repeat(19)}　 `, ['background_thin:short']],
    // NFKC folds ｶﾞ (two code points) into ガ: 20 of them are 20 characters, not 40.
    ['20 half-width voiced katakana', 'ｶﾞ'.repeat(20), []],
    ['19 half-width voiced katakana', 'ｶﾞ'.repeat(19), ['background_thin:short']],
    // Characters, not UTF-16 units: 𠮷 is two units but one character.
    ['20 characters outside the BMP', '𠮷'.repeat(19) + 'a', []],
    ['the customer said so', '顧客がそう言っている', ['background_thin:short']],
  ])('judges a background that is %s', (_, background, expected) => {
    expect(codes({ background })).toEqual(expected);
  });

  it('explains a thin background with its length', () => {
    expect(flagsOf({ background: '顧客がそう言っている' })[0]?.reason).toEqual({
      ja: '要望の背景が10文字(基準20文字以上)',
      en: 'Background is 10 characters (at least 20 needed)',
    });
  });

  it('still requires a background when the minimum length is 0', () => {
    const anyLength: RequestPolicy = { ...P, minBackgroundChars: 0 };
    expect(codes({ background: '急ぎ' }, anyLength)).toEqual([]);
    expect(codes({ background: null }, anyLength)).toEqual(['background_thin:missing']);
  });

  it('raises every flag in a fixed order when everything is wrong', () => {
    expect(codes({ total: 2_000_000, dealGrossMargin: null, winWin: balance(60_000, 1_000_000), background: null })).toEqual([
      'cost_over_routing:over',
      'cost_over_margin:unknownMargin',
      'win_win_imbalance:over',
      'background_thin:missing',
    ]);
  });
});

describe('REQUEST_FLAG_MESSAGES', () => {
  it('labels every cost flag for a 要コスト確認 filter and a thin background as 背景不足', () => {
    expect(REQUEST_FLAG_MESSAGES.cost_over_routing.label.ja).toContain('要コスト確認');
    expect(REQUEST_FLAG_MESSAGES.cost_over_margin.label.ja).toContain('要コスト確認');
    expect(REQUEST_FLAG_MESSAGES.win_win_imbalance.label.ja).toContain('要コスト確認');
    expect(REQUEST_FLAG_MESSAGES.background_thin.label.ja).toBe('背景不足');
    const labels = REQUEST_FLAG_CODES.map((c) => REQUEST_FLAG_MESSAGES[c].label.en);
    expect(new Set(labels).size).toBe(labels.length);
  });

  it('has every reason in both languages with the same placeholders', () => {
    for (const code of REQUEST_FLAG_CODES) {
      for (const reason of Object.values(REQUEST_FLAG_MESSAGES[code].reason) as { ja: string; en: string }[]) {
        const names = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
        expect(names(reason.ja)).toEqual(names(reason.en));
      }
    }
  });
});

describe('renderRequestFlags', () => {
  it('joins labels and reasons in one language for the flag column', () => {
    const flags = flagsOf({ total: 150_000, dealGrossMargin: 600_000, background: '至急' });
    expect(renderRequestFlags(flags, 'ja')).toEqual({
      labels: '要コスト確認(高額), 要コスト確認(粗利比), 背景不足',
      reasons:
        '見積¥150,000が¥100,000以上のため承認者 → マネージャーの承認が必要; 見積¥150,000が案件粗利¥600,000の25%(基準20%); 要望の背景が2文字(基準20文字以上)',
    });
    expect(renderRequestFlags([], 'en')).toEqual({ labels: '', reasons: '' });
  });
});

describe('backgroundChars', () => {
  it.each<[string | null, number]>([
    [null, 0],
    ['なし', 0],
    [' ａｂｃ ', 3],
    ['a  b', 3],
  ])('counts %j as %d characters', (text, count) => {
    expect(backgroundChars(text)).toBe(count);
  });
});
