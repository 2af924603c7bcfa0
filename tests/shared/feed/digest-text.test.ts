import { describe, expect, it } from 'vitest';
import { chatSafe, renderDigestChat, renderDigestEmail, type DigestInput } from '../../../shared/feed/digest-text.ts';

const INPUT: DigestInput = {
  spreadsheetTitle: '2026年度 営業案件管理表',
  date: '2026-11-20',
  recipient: 'boss@example.co.jp',
  sheetUrl: 'https://docs.google.com/spreadsheets/d/1Abc/edit',
  deals: [
    { dealTitle: '倉庫管理 PoC', account: '東邦物流', owner: '田中', flags: [{ code: 'ball_follow_up', params: { days: 9, since: '2026-11-11', threshold: 7 } }] },
    {
      dealTitle: '基幹システム更新',
      account: '株式会社サンプル',
      owner: '佐藤',
      flags: [
        { code: 'stale', params: { stage: '見積提出', days: 50, threshold: 14 } },
        { code: 'next_action_overdue', params: { date: '2026-11-10', days: 10 } },
      ],
    },
    { dealTitle: '新規開拓', account: null, owner: null, flags: [{ code: 'no_owner', params: {} }] },
    { dealTitle: '保守契約 更新', account: '北海電機', owner: '佐藤', flags: [{ code: 'stale_warning', params: { stage: 'クロージング', days: 12, threshold: 14 } }] },
  ],
};

describe('renderDigestEmail', () => {
  it('renders the Japanese mail: deals under their owners, every new flag with its reason', () => {
    const mail = renderDigestEmail(INPUT, 'ja');
    expect(mail.subject).toBe('[sheets-sfa] 新しいフラグ 4件 — 2026年度 営業案件管理表(2026-11-20)');
    expect(mail.text).toBe(
      [
        'boss@example.co.jp 様',
        '',
        '「2026年度 営業案件管理表」で、前回のダイジェスト以降に新しくフラグが立った案件が4件あります。',
        '',
        '■ 佐藤(2件)',
        '・「基幹システム更新」(株式会社サンプル)',
        '    停滞: 見積提出に50日滞留(基準14日)',
        '    期限切れ: 次回アクション期日2026-11-10を10日超過',
        '・「保守契約 更新」(北海電機)',
        '    滞留注意: クロージングに12日滞留(基準14日に接近)',
        '',
        '■ 田中(1件)',
        '・「倉庫管理 PoC」(東邦物流)',
        '    ボール滞留: ボールが顧客側に9日(2026-11-11から、基準7日)',
        '',
        '■ 担当未設定(1件)',
        '・「新規開拓」',
        '    担当未設定: 担当者が未入力',
        '',
        'シートのフラグ列で絞り込むと、今フラグが立っている案件を一覧できます。',
        'シートを開く: https://docs.google.com/spreadsheets/d/1Abc/edit',
        '',
        '--',
        'sheets-sfa の日次ダイジェストです(2026-11-20)。マネージャーの方にお送りしています。配信の停止・変更はダイジェストの購読設定から行えます。',
        '',
      ].join('\n'),
    );
  });

  it('renders the English mail, and leaves out the link for a workbook with no address', () => {
    const mail = renderDigestEmail({ ...INPUT, sheetUrl: null, deals: INPUT.deals.slice(0, 1) }, 'en');
    expect(mail.subject).toBe('[sheets-sfa] 1 newly flagged deal(s) — 2026年度 営業案件管理表 (2026-11-20)');
    expect(mail.text).toBe(
      [
        'Hello boss@example.co.jp,',
        '',
        '1 deal(s) in "2026年度 営業案件管理表" were newly flagged since your last digest.',
        '',
        '■ 田中 (1)',
        '・"倉庫管理 PoC" (東邦物流)',
        '    Ball with customer: Ball with the customer for 9d (since 2026-11-11, limit 7d)',
        '',
        "Filter the sheet's flag column to list every deal flagged now.",
        '',
        '--',
        'The sheets-sfa daily digest for 2026-11-20, sent to managers. Stop or change it in your digest subscription.',
        '',
      ].join('\n'),
    );
  });

  it('keeps a title with a line break on one line of the subject', () => {
    expect(renderDigestEmail({ ...INPUT, spreadsheetTitle: '営業\n案件' }, 'ja').subject).toBe('[sheets-sfa] 新しいフラグ 4件 — 営業 / 案件(2026-11-20)');
  });
});

describe('renderDigestChat', () => {
  it('renders the Chat message with Chat\'s simple formatting', () => {
    expect(renderDigestChat(INPUT, 'ja').text).toBe(
      [
        '*新しいフラグ 4件* — 2026年度 営業案件管理表(2026-11-20)',
        '*佐藤*(2件)',
        '- 「基幹システム更新」(株式会社サンプル): 停滞: 見積提出に50日滞留(基準14日)、期限切れ: 次回アクション期日2026-11-10を10日超過',
        '- 「保守契約 更新」(北海電機): 滞留注意: クロージングに12日滞留(基準14日に接近)',
        '*田中*(1件)',
        '- 「倉庫管理 PoC」(東邦物流): ボール滞留: ボールが顧客側に9日(2026-11-11から、基準7日)',
        '*担当未設定*(1件)',
        '- 「新規開拓」: 担当未設定: 担当者が未入力',
        '<https://docs.google.com/spreadsheets/d/1Abc/edit|シートを開く>',
      ].join('\n'),
    );
  });

  it('never lets the team\'s text format or mention anyone', () => {
    const text = renderDigestChat({ ...INPUT, deals: [{ dealTitle: '<users/all> *至急*', account: 'A_B~C`', owner: '<users/123>', flags: [{ code: 'no_owner', params: {} }] }] }, 'ja').text;
    expect(text).not.toContain('<users/');
    expect(text).toContain('- 「＜users/all＞ ＊至急＊」(A＿B～C｀): 担当未設定: 担当者が未入力');
    expect(text).toContain('*＜users/123＞*(1件)');
  });

  it('stays under Chat\'s 32,000-byte limit and says how many deals it left out', () => {
    const many = Array.from({ length: 2000 }, (_, i) => ({ dealTitle: `案件${i}`, account: '株式会社サンプル', owner: '佐藤', flags: [{ code: 'stale', params: { stage: '見積提出', days: 50, threshold: 14 } }] }));
    const text = renderDigestChat({ ...INPUT, deals: many }, 'ja').text;
    expect(Buffer.byteLength(JSON.stringify({ text }), 'utf8')).toBeLessThan(32_000);
    const listed = text.split('\n').filter((l) => l.startsWith('- ')).length;
    expect(listed).toBeGreaterThan(100);
    expect(text).toContain(`ほか${2000 - listed}件はシートでご確認ください。`);
    expect(text.endsWith('<https://docs.google.com/spreadsheets/d/1Abc/edit|シートを開く>')).toBe(true);
  });
});

describe('chatSafe', () => {
  it.each([
    ['*bold*', '＊bold＊'],
    ['a_b', 'a＿b'],
    ['<https://evil|x>', '＜https://evil|x＞'],
    ['二行\n目', '二行 / 目'],
    ['普通の文', '普通の文'],
  ])('shows %j as %j', (input, expected) => {
    expect(chatSafe(input)).toBe(expected);
  });
});
