import { describe, expect, it } from 'vitest';
import type { Locale } from '../../../shared/i18n/locale.ts';
import { feedSubject, renderFeedEntry, type FeedEntryView } from '../../../shared/feed/render-feed-entry.ts';

const deal = (kind: string, payload: unknown, extra: Partial<FeedEntryView> = {}): FeedEntryView => ({
  kind,
  actor: null,
  dealTitle: '基幹システム更新',
  account: '株式会社サンプル',
  payload,
  ...extra,
});

describe('renderFeedEntry', () => {
  const cases: [string, FeedEntryView, Locale, string][] = [
    [
      'a stage change, in Japanese',
      deal('stage_changed', { title: '基幹システム更新', fromStage: 'proposal', fromLabel: '提案', toStage: 'quote', toLabel: '見積提出', enteredOn: '2026-11-20' }),
      'ja',
      '「基幹システム更新」(株式会社サンプル)のステージが提案→見積提出に変わりました(2026-11-20)',
    ],
    [
      'a stage change, in English with default labels translated',
      deal('stage_changed', { fromStage: 'proposal', fromLabel: '提案', toStage: 'quote', toLabel: '見積提出', enteredOn: '2026-11-20' }),
      'en',
      '"基幹システム更新" (株式会社サンプル) moved from Proposal to Quote (2026-11-20)',
    ],
    [
      'a stage change to the team\'s own label',
      deal('stage_changed', { fromStage: 'proposal', fromLabel: '提案中', toStage: 'quote', toLabel: '見積済', enteredOn: '2026-11-20' }),
      'en',
      '"基幹システム更新" (株式会社サンプル) moved from 提案中 to 見積済 (2026-11-20)',
    ],
    [
      'a stage emptied',
      deal('stage_changed', { fromStage: 'quote', fromLabel: '見積提出', toStage: null, toLabel: null, enteredOn: '2026-11-20' }),
      'ja',
      '「基幹システム更新」(株式会社サンプル)のステージが空欄になりました(元: 見積提出)',
    ],
    [
      'a new flag with its reason',
      deal('flag_raised', { raised: [{ code: 'stale', params: { stage: '見積提出', days: 50, threshold: 14 } }], current: ['stale'] }),
      'ja',
      '「基幹システム更新」(株式会社サンプル)に新しいフラグ: 停滞(見積提出に50日滞留(基準14日))',
    ],
    [
      'two new flags, in English',
      deal('flag_raised', {
        raised: [
          { code: 'next_action_overdue', params: { date: '2026-11-10', days: 10 } },
          { code: 'no_owner', params: {} },
        ],
      }),
      'en',
      'New flag on "基幹システム更新" (株式会社サンプル): Overdue (Next action was due 2026-11-10 (10d overdue)); No owner (No owner entered)',
    ],
    [
      'a flag code no catalogue knows',
      deal('flag_raised', { codes: ['cost_over_margin'] }),
      'ja',
      '「基幹システム更新」(株式会社サンプル)に新しいフラグ: cost_over_margin',
    ],
    [
      'a visit with what the customer asked and the next action',
      deal('visit_logged', { visitedOn: '2026-11-20', owner: '佐藤', met: '山田部長', customerAsked: '納期を2週間\n前倒ししてほしい', nextAction: '再見積の提出', nextActionOn: '2026-11-27' }),
      'ja',
      '佐藤が「基幹システム更新」(株式会社サンプル)を訪問(2026-11-20)。面談: 山田部長。顧客の要望: 納期を2週間 / 前倒ししてほしい。次回: 再見積の提出(2026-11-27)',
    ],
    [
      'a visit whose payload only says the customer asked for something, with the ball',
      deal('visit_logged', { visitedOn: '2026-11-20', owner: '佐藤', customerAsked: true, nextAction: '再訪', ballAfter: 'customer' }),
      'ja',
      '佐藤が「基幹システム更新」(株式会社サンプル)を訪問(2026-11-20)。顧客の要望あり。次回: 再訪。ボール: お客様',
    ],
    [
      'a visit without a date or owner, by its actor',
      deal('visit_logged', { ballAfter: 'us' }, { actor: 'sato@example.co.jp', dealTitle: null }),
      'en',
      'sato@example.co.jp logged a visit to 株式会社サンプル. Ball: with us',
    ],
    [
      'a request approved, with its cost and comment',
      deal('request_event', { requestId: 'r1', action: 'approve', from: 'submitted', to: 'approved', type: 'discount', cost: 120000, comment: '今回限り' }, { actor: 'boss@example.co.jp' }),
      'ja',
      '「基幹システム更新」(株式会社サンプル)の値引き申請(¥120,000)が承認されました(boss@example.co.jp)。コメント: 今回限り',
    ],
    [
      'a request returned, in English, with the team\'s type label set aside',
      deal('request_event', { action: 'return', type: 'special_delivery', typeLabel: '特急納品', comment: 'Confirm the background' }, { actor: 'boss@example.co.jp' }),
      'en',
      'Special delivery request on "基幹システム更新" (株式会社サンプル) was returned for rework (by boss@example.co.jp). Comment: Confirm the background',
    ],
    [
      'a request event with only a state',
      deal('request_event', { to: 'submitted', typeLabel: '特急納品' }),
      'ja',
      '「基幹システム更新」(株式会社サンプル)の特急納品申請が承認待ちになりました',
    ],
    ['an unknown kind', deal('something_new', null), 'ja', '「基幹システム更新」(株式会社サンプル)に更新があります'],
  ];

  it.each(cases)('renders %s', (_name, entry, locale, expected) => {
    expect(renderFeedEntry(entry, locale)).toBe(expected);
  });

  it('names the deal by its current title when it was renamed after the entry', () => {
    const entry = deal('flag_raised', { title: '旧名', raised: [{ code: 'no_owner', params: {} }] }, { dealTitle: '新名' });
    expect(renderFeedEntry(entry, 'ja')).toBe('「新名」(株式会社サンプル)に新しいフラグ: 担当未設定(担当者が未入力)');
  });

  it('falls back on the title stored with the entry when the deal is gone', () => {
    const entry = deal('flag_raised', { title: '旧名', raised: [{ code: 'no_owner', params: {} }] }, { dealTitle: null, account: null });
    expect(renderFeedEntry(entry, 'ja')).toBe('「旧名」に新しいフラグ: 担当未設定(担当者が未入力)');
  });

  it('shows a flag label alone when its params are missing', () => {
    expect(renderFeedEntry(deal('flag_raised', { raised: [{ code: 'stale', params: {} }] }), 'ja')).toBe('「基幹システム更新」(株式会社サンプル)に新しいフラグ: 停滞');
  });

  it('renders flags of other features from a catalogue it is given', () => {
    const catalogue = { cost_over_margin: { label: { ja: '粗利超過', en: 'Over margin' }, reason: { ja: '粗利の{share}', en: '{share} of the margin' } } };
    const entry = deal('flag_raised', { raised: [{ code: 'cost_over_margin', params: { share: '25%' } }] });
    expect(renderFeedEntry(entry, 'en', catalogue)).toBe('New flag on "基幹システム更新" (株式会社サンプル): Over margin (25% of the margin)');
  });
});

describe('feedSubject', () => {
  it.each([
    ['T', 'A', 'ja', '「T」(A)'],
    ['T', null, 'ja', '「T」'],
    [null, 'A', 'en', 'A'],
    [null, null, 'en', '(unknown record)'],
  ] as const)('names title %s and account %s', (title, account, locale, expected) => {
    expect(feedSubject(title, account, locale)).toBe(expected);
  });
});
