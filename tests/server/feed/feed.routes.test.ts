// The feed and follows over HTTP, on a real Postgres, with the sheet pushed by the add-on's sync
// as in production.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendFeedEntries } from '../../../server/feed/feed.repository.ts';
import { describeIfPostgres } from '../../support/postgres-database.ts';
import type { ServiceHarness } from '../../support/service/service-harness.ts';
import { DEAL_HEADERS, idOf, setCell } from '../sync/test-sheet.ts';
import { ALICE, BOB, CAROL, DAVE, NOW, startFeedFixture, type FeedFixture } from './feed-fixture.ts';

const SHEET = '1FeedFeedFeedFeedFeedFeedFeedFeedFeedFeedFD';

interface FeedEntry {
  id: string;
  kind: string;
  dealId: string | null;
  dealTitle: string | null;
  account: string | null;
  text: string;
  payload: Record<string, unknown>;
}
interface FeedPage {
  entries: FeedEntry[];
  nextBefore: string | null;
}

describeIfPostgres('the feed over HTTP', () => {
  let f: FeedFixture;
  let h: ServiceHarness;
  const get = <T>(path: string, as: string, headers: Record<string, string> = {}) => f.get<T>(path, as, headers);

  beforeAll(async () => {
    f = await startFeedFixture('feed_api', SHEET);
    h = f.h;
  });
  afterAll(async () => {
    await f?.close();
  });

  describe('follows', () => {
    it('answers 404 for a deal the spreadsheet does not have', async () => {
      const res = await h.call('PUT', `/v1/spreadsheets/${SHEET}/follows/deal/no-such-deal`, { as: BOB });
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual({ error: { code: 'not_found', message: 'no deal no-such-deal in this spreadsheet' } });
    });

    it('follows a deal once however often asked, and lists it', async () => {
      const id = idOf(f.deals, '倉庫管理 PoC');
      const first = await h.call('PUT', `/v1/spreadsheets/${SHEET}/follows/deal/${id}`, { as: BOB });
      expect(await first.json()).toEqual({ targetKind: 'deal', target: id, label: '倉庫管理 PoC', following: true, changed: true });
      const again = await h.call('PUT', `/v1/spreadsheets/${SHEET}/follows/deal/${id}`, { as: BOB });
      expect(await again.json()).toMatchObject({ following: true, changed: false });

      const { follows } = await get<{ follows: { targetKind: string; target: string; label: string; account: string }[] }>('/follows', BOB);
      expect(follows).toMatchObject([{ targetKind: 'deal', target: id, label: '倉庫管理 PoC', account: '東邦物流' }]);
      // Follows are one's own.
      expect((await get<{ follows: unknown[] }>('/follows', CAROL)).follows).toEqual([]);
    });

    it.each([
      ['an account name with nothing in it', `account/${encodeURIComponent('　')}`],
      ['something that is neither a deal nor an account', 'person/bob'],
    ])('refuses %s', async (_name, path) => {
      const res = await h.call('PUT', `/v1/spreadsheets/${SHEET}/follows/${path}`, { as: BOB });
      expect(res.status).toBe(400);
    });

    it('answers 403 to someone with no role on the spreadsheet', async () => {
      expect((await h.call('GET', `/v1/spreadsheets/${SHEET}/feed`, { as: DAVE })).status).toBe(403);
      expect((await h.call('PUT', `/v1/spreadsheets/${SHEET}/follows/account/x`, { as: DAVE })).status).toBe(403);
    });
  });

  describe('the feed', () => {
    it('is empty for someone who follows nothing', async () => {
      expect(await get<FeedPage>('/feed', CAROL)).toEqual({ entries: [], nextBefore: null });
    });

    it('brings a stage change pushed from the sheet to its followers, in Japanese by default and in English on request', async () => {
      const id = idOf(f.deals, '倉庫管理 PoC');
      await h.call('PUT', `/v1/spreadsheets/${SHEET}/follows/deal/${id}`, { as: BOB });
      setCell(f.deals, '倉庫管理 PoC', DEAL_HEADERS.stage, '見積提出');
      await f.push();

      const ja = await h.call('GET', `/v1/spreadsheets/${SHEET}/feed`, { as: BOB });
      expect(ja.headers.get('content-language')).toBe('ja');
      expect(ja.headers.get('vary')).toMatch(/Accept-Language/);
      const page = (await ja.json()) as FeedPage;
      expect(page.entries.map((e) => [e.kind, e.dealId, e.text])).toEqual([['stage_changed', id, '「倉庫管理 PoC」(東邦物流)のステージが提案→見積提出に変わりました(2026-11-20)']]);
      expect(page.entries[0]?.payload).toMatchObject({ fromStage: 'proposal', toStage: 'quote' });

      const en = await get<FeedPage>('/feed', BOB, { 'accept-language': 'en-US,en;q=0.9' });
      expect(en.entries.map((e) => e.text)).toEqual(['"倉庫管理 PoC" (東邦物流) moved from Proposal to Quote (2026-11-20)']);
      // Carol follows nothing; the deal's own feed is open to her all the same.
      expect((await get<FeedPage>('/feed', CAROL)).entries).toEqual([]);
      expect((await get<FeedPage>(`/feed?deal=${id}`, CAROL)).entries.map((e) => e.kind)).toEqual(['stage_changed']);
    });

    it('follows an account however its name is typed, and shows what happens on any of its deals', async () => {
      const follow = await h.call('PUT', `/v1/spreadsheets/${SHEET}/follows/account/${encodeURIComponent('北海 電機')}`, { as: CAROL });
      expect(await follow.json()).toMatchObject({ targetKind: 'account', target: '北海電機', following: true, changed: true });
      setCell(f.deals, '保守契約 更新', DEAL_HEADERS.owner, null);
      await f.push();

      const page = await get<FeedPage>('/feed', CAROL);
      expect(page.entries.map((e) => [e.kind, e.account, e.text])).toEqual([['flag_raised', '北海電機', '「保守契約 更新」(北海電機)に新しいフラグ: 担当未設定(担当者が未入力)']]);
      expect((await get<FeedPage>(`/feed?account=${encodeURIComponent('ＨＯＫＫＡＩ')}`, CAROL)).entries).toEqual([]);
      expect((await get<FeedPage>(`/feed?account=${encodeURIComponent('北海電機 ')}`, BOB)).entries).toHaveLength(1);

      const unfollow = await h.call('DELETE', `/v1/spreadsheets/${SHEET}/follows/account/${encodeURIComponent('北海電機')}`, { as: CAROL });
      expect(await unfollow.json()).toMatchObject({ following: false, changed: true });
      expect((await get<FeedPage>('/feed', CAROL)).entries).toEqual([]);
      const again = await h.call('DELETE', `/v1/spreadsheets/${SHEET}/follows/account/${encodeURIComponent('北海電機')}`, { as: CAROL });
      expect(await again.json()).toMatchObject({ following: false, changed: false });
    });

    it('pages newest first with a cursor', async () => {
      const dealId = idOf(f.deals, '基幹システム更新');
      await appendFeedEntries(
        h.service.db,
        Array.from({ length: 45 }, (_, i) => ({
          spreadsheetId: SHEET,
          dealId,
          account: '株式会社サンプル',
          kind: 'visit_logged' as const,
          at: new Date(NOW.getTime() + i * 1000),
          actor: ALICE,
          payload: { visitedOn: '2026-11-20', owner: '佐藤', discussed: `第${i}回` },
        })),
      );
      const pages: FeedPage[] = [];
      let before: string | null = null;
      do {
        const page: FeedPage = await get<FeedPage>(`/feed?deal=${dealId}&limit=20${before === null ? '' : `&before=${before}`}`, BOB);
        pages.push(page);
        before = page.nextBefore;
      } while (before !== null);

      expect(pages.map((p) => p.entries.length)).toEqual([20, 20, 5]);
      const ids = pages.flatMap((p) => p.entries.map((e) => BigInt(e.id)));
      expect(new Set(ids).size).toBe(45);
      expect([...ids].sort((a, b) => (a > b ? -1 : a < b ? 1 : 0))).toEqual(ids);
      expect(pages[0]?.nextBefore).toBe(pages[0]?.entries.at(-1)?.id);
      expect(pages[0]?.entries[0]?.text).toBe('佐藤が「基幹システム更新」(株式会社サンプル)を訪問(2026-11-20)');
    });

    it.each([
      ['an unknown deal', '?deal=no-such-deal', 404],
      ['both a deal and an account', '?deal=x&account=y', 400],
      ['a limit over 100', '?limit=101', 400],
      ['a limit of 0', '?limit=0', 400],
      ['a cursor that is not an entry id', '?before=abc', 400],
    ])('refuses %s', async (_name, query, status) => {
      const res = await h.call('GET', `/v1/spreadsheets/${SHEET}/feed${query}`, { as: BOB });
      expect(res.status).toBe(status);
    });
  });

});
