import { describe, expect, it } from 'vitest';
import { renderDailyReport, reportDate, type DailyReportVisit } from '../../../shared/feed/daily-report.ts';

const visit = (v: Partial<DailyReportVisit>): DailyReportVisit => ({
  visitedOn: '2026-11-20',
  account: null,
  dealTitle: null,
  met: null,
  attendees: null,
  discussed: null,
  customerAsked: null,
  nextAction: null,
  nextActionOn: null,
  ballAfter: null,
  ...v,
});

const DAY = [
  visit({
    account: '株式会社サンプル',
    dealTitle: '基幹システム更新',
    met: '山田部長、情報システム課 鈴木様',
    attendees: '佐藤、技術 高橋',
    discussed: '見積内容の説明\n保守範囲の確認',
    customerAsked: '納期を2週間前倒ししてほしい',
    nextAction: '再見積の提出',
    nextActionOn: '2026-11-27',
    ballAfter: 'us',
  }),
  visit({ account: '東邦物流', met: '物流部 伊藤様', discussed: 'PoC の進め方', nextAction: 'デモ日程の調整', ballAfter: 'customer' }),
  visit({ account: '北海電機', dealTitle: '保守契約 更新', discussed: '更新条件', customerAsked: '値引きの相談', nextAction: '社内で値引き可否を確認', nextActionOn: '2026-11-24' }),
];

describe('renderDailyReport', () => {
  it('renders a Japanese report: header, one block per visit, next actions by date, customers\' requests', () => {
    expect(renderDailyReport({ date: '2026-11-20', owner: '佐藤', visits: DAY }, 'ja')).toBe(
      [
        '【日報】2026年11月20日(金) 佐藤',
        '',
        '■ 訪問 3件',
        '1. 株式会社サンプル「基幹システム更新」',
        '   面談者: 山田部長、情報システム課 鈴木様',
        '   同行者: 佐藤、技術 高橋',
        '   内容: 見積内容の説明',
        '     保守範囲の確認',
        '   ★お客様の要望: 納期を2週間前倒ししてほしい',
        '   次回: 再見積の提出(2026年11月27日(金))',
        '   ボール: 自社',
        '',
        '2. 東邦物流',
        '   面談者: 物流部 伊藤様',
        '   内容: PoC の進め方',
        '   次回: デモ日程の調整',
        '   ボール: お客様',
        '',
        '3. 北海電機「保守契約 更新」',
        '   内容: 更新条件',
        '   ★お客様の要望: 値引きの相談',
        '   次回: 社内で値引き可否を確認(2026年11月24日(火))',
        '',
        '■ 次回アクション',
        '・2026年11月24日(火) 北海電機「保守契約 更新」: 社内で値引き可否を確認',
        '・2026年11月27日(金) 株式会社サンプル「基幹システム更新」: 再見積の提出',
        '・期日未定 東邦物流: デモ日程の調整',
        '',
        '■ お客様の要望',
        '★株式会社サンプル「基幹システム更新」: 納期を2週間前倒ししてほしい',
        '★北海電機「保守契約 更新」: 値引きの相談',
        '',
      ].join('\n'),
    );
  });

  it('renders the English report', () => {
    expect(renderDailyReport({ date: '2026-11-20', owner: 'Sato', visits: DAY.slice(1) }, 'en')).toBe(
      [
        'Daily report — Fri 2026-11-20 — Sato',
        '',
        '■ Visits (2)',
        '1. 東邦物流',
        '   Met: 物流部 伊藤様',
        '   Discussed: PoC の進め方',
        '   Next: デモ日程の調整',
        '   Ball: with the customer',
        '',
        '2. 北海電機 — "保守契約 更新"',
        '   Discussed: 更新条件',
        '   ★ Customer asked: 値引きの相談',
        '   Next: 社内で値引き可否を確認 (by Tue 2026-11-24)',
        '',
        '■ Next actions',
        '- Tue 2026-11-24 北海電機 — "保守契約 更新": 社内で値引き可否を確認',
        '- no date 東邦物流: デモ日程の調整',
        '',
        '■ What customers asked for',
        '★ 北海電機 — "保守契約 更新": 値引きの相談',
        '',
      ].join('\n'),
    );
  });

  it('says so when the day has no visits', () => {
    expect(renderDailyReport({ date: '2026-11-22', owner: '佐藤', visits: [] }, 'ja')).toBe('【日報】2026年11月22日(日) 佐藤\n\n本日の訪問記録はありません。\n');
  });

  it('names a visit with neither customer nor deal', () => {
    expect(renderDailyReport({ date: '2026-11-20', owner: '佐藤', visits: [visit({ discussed: '飛び込み' })] }, 'ja')).toContain('1. (顧客未記入)\n   内容: 飛び込み');
  });
});

describe('reportDate', () => {
  it.each([
    ['2026-11-20', 'ja', '2026年11月20日(金)'],
    ['2027-01-03', 'ja', '2027年1月3日(日)'],
    ['2026-11-23', 'en', 'Mon 2026-11-23'],
  ] as const)('shows %s in %s as %s', (date, locale, expected) => {
    expect(reportDate(date, locale)).toBe(expected);
  });
});
