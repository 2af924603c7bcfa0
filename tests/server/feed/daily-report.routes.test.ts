// The daily report (日報) over HTTP, from visits pushed on the sheet's visits tab.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeIfPostgres } from '../../support/postgres-database.ts';
import type { ServiceHarness } from '../../support/service/service-harness.ts';
import { ALICE, BOB, startFeedFixture, type FeedFixture } from './feed-fixture.ts';

const SHEET = '1DailyDailyDailyDailyDailyDailyDailyDailyDR';

describeIfPostgres('the daily report over HTTP', () => {
  let f: FeedFixture;
  let h: ServiceHarness;
  const get = <T>(path: string, as: string, headers: Record<string, string> = {}) => f.get<T>(path, as, headers);

  beforeAll(async () => {
    f = await startFeedFixture('daily_report', SHEET);
    h = f.h;
  });
  afterAll(async () => {
    await f?.close();
  });

  it('reports the caller\'s own visits of today by default', async () => {
    const report = await get<{ date: string; owner: string; text: string; visits: { account: string }[] }>('/daily-report', ALICE);
    expect(report.date).toBe('2026-11-20');
    expect(report.owner).toBe(ALICE);
    // Visits stored by one sync come by account and deal.
    expect(report.visits.map((v) => v.account)).toEqual(['東邦物流', '株式会社サンプル']);
    expect(report.text).toBe(
      [
        `【日報】2026年11月20日(金) ${ALICE}`,
        '',
        '■ 訪問 2件',
        '1. 東邦物流「倉庫管理 PoC」',
        '   面談者: 伊藤様',
        '   内容: PoC の進め方',
        '   次回: デモ日程の調整',
        '   ボール: お客様',
        '',
        '2. 株式会社サンプル「基幹システム更新」',
        '   面談者: 山田部長',
        '   内容: 見積の説明',
        '   ★お客様の要望: 納期を2週間前倒ししてほしい',
        '   次回: 再見積の提出(2026年11月27日(金))',
        '   ボール: 自社',
        '',
        '■ 次回アクション',
        '・2026年11月27日(金) 株式会社サンプル「基幹システム更新」: 再見積の提出',
        '・期日未定 東邦物流「倉庫管理 PoC」: デモ日程の調整',
        '',
        '■ お客様の要望',
        '★株式会社サンプル「基幹システム更新」: 納期を2週間前倒ししてほしい',
        '',
      ].join('\n'),
    );
  });

  it('reports another rep\'s day on request, matching the name however it was typed, in English', async () => {
    const report = await get<{ date: string; owner: string; text: string; visits: unknown[] }>(`/daily-report?date=2026-11-19&owner=${encodeURIComponent('佐藤')}`, BOB, { 'accept-language': 'en' });
    expect(report).toMatchObject({ date: '2026-11-19', owner: '佐藤' });
    expect(report.visits).toHaveLength(1);
    expect(report.text).toBe(['Daily report — Thu 2026-11-19 — 佐藤', '', '■ Visits (1)', '1. 北海電機 — "保守契約 更新"', '   Met: 高橋様', '   Discussed: 前回の確認', ''].join('\n'));
  });

  it('says there were no visits on a day without any', async () => {
    const report = await get<{ text: string; visits: unknown[] }>('/daily-report?date=2026-11-18', ALICE);
    expect(report.visits).toEqual([]);
    expect(report.text).toBe(`【日報】2026年11月18日(水) ${ALICE}\n\n本日の訪問記録はありません。\n`);
  });

  it.each([['2026-02-30'], ['20261120'], ['tomorrow']])('refuses the date %s', async (date) => {
    expect((await h.call('GET', `/v1/spreadsheets/${SHEET}/daily-report?date=${date}`, { as: ALICE })).status).toBe(400);
  });
});
