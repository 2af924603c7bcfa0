// An account's won deals and requests on both databases: the day a deal was won, the window's
// edges, removed rows, and account names however they are typed.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { accountRequests, wonDealsOf } from '../../../server/requests/account-history.repository.ts';
import { insertApiRequest } from '../../../server/requests/request.repository.ts';
import { BACKENDS, type SyncDatabase } from '../sync/test-databases.ts';

const SID = 'sheet-history';
const AT = new Date('2026-11-20T00:00:00Z');

interface DealSeed {
  id: string;
  account: string;
  stage: string;
  amount?: number | null;
  stageChangedOn?: string | null;
  stageEnteredOn?: string | null;
  removed?: boolean;
  /** entered_on of history rows into won, oldest first. */
  wonHistory?: string[];
}

for (const backend of BACKENDS) {
  backend.describe(`account history on ${backend.name}`, () => {
    let database: SyncDatabase;

    const seedDeal = async (d: DealSeed) => {
      await database.db
        .insertInto('deals')
        .values({
          spreadsheet_id: SID,
          id: d.id,
          row_hash: '',
          cell_issue_count: 0,
          first_seen_at: AT,
          updated_at: AT,
          removed_at: d.removed === true ? AT : null,
          account: d.account,
          title: d.id,
          stage: d.stage,
          amount: d.amount === undefined ? 1_000_000 : d.amount,
          gross_margin: 200_000,
          stage_changed_on: d.stageChangedOn ?? null,
          stage_entered_on: d.stageEnteredOn ?? null,
        })
        .execute();
      for (const on of d.wonHistory ?? []) {
        await database.db
          .insertInto('deal_stage_history')
          .values({ spreadsheet_id: SID, deal_id: d.id, from_stage: 'closing', to_stage: 'won', to_label: '受注', entered_on: on, source: 'observed', observed_at: AT })
          .execute();
      }
    };

    beforeAll(async () => {
      database = await backend.open('account_history');
      await database.db.insertInto('spreadsheets').values({ id: SID, source_kind: 'values', title: 't', time_zone: 'Asia/Tokyo' }).execute();
      const deals: DealSeed[] = [
        // Won twice (reopened and won again): the last win counts, not the sheet's older date.
        { id: 'history', account: '株式会社サンプル', stage: 'won', wonHistory: ['2026-01-10', '2026-05-20'], stageChangedOn: '2026-01-10' },
        { id: 'sheet-date', account: '株式会社 サンプル', stage: 'won', stageChangedOn: '2026-02-02', stageEnteredOn: '2026-02-05' },
        { id: 'entered-only', account: '株式会社ｻﾝﾌﾟﾙ', stage: 'won', stageEnteredOn: '2026-03-03' },
        { id: 'no-date', account: '株式会社サンプル', stage: 'won', amount: null },
        { id: 'removed', account: '株式会社サンプル', stage: 'won', stageChangedOn: '2026-04-04', removed: true },
        { id: 'open', account: '株式会社サンプル', stage: 'closing', stageChangedOn: '2026-04-04' },
        { id: 'other', account: '東邦物流', stage: 'won', stageChangedOn: '2026-04-04' },
      ];
      for (const d of deals) await seedDeal(d);
      const requests: [string, string, string][] = [
        ['before-window', '株式会社サンプル', '2025-11-20'],
        ['first-day', '株式会社サンプル', '2025-11-21'],
        ['last-day', '株式会社サンプル　', '2026-11-20'],
        ['after-window', '株式会社サンプル', '2026-11-21'],
        ['other-account', '東邦物流', '2026-06-01'],
      ];
      for (const [id, account, on] of requests) {
        await insertApiRequest(database.db, {
          spreadsheetId: SID,
          id,
          requestedOn: on,
          type: 'other',
          typeLabel: 'その他',
          account,
          dealId: null,
          dealTitle: null,
          requesterEmail: 'rep@example.co.jp',
          background: null,
          description: null,
          alternative: null,
          costInput: {},
          costTotal: 1,
          at: AT,
        });
      }
    });

    afterAll(async () => {
      await database?.close();
    });

    it('dates each win from the stage history, else the sheet\'s stage date, else the day the stage was entered', async () => {
      const won = await wonDealsOf(database.db, SID, '株式会社サンプル');
      expect(won.map((d) => [d.id, d.wonOn]).sort()).toEqual(
        [
          ['entered-only', '2026-03-03'],
          ['history', '2026-05-20'],
          ['no-date', null],
          ['sheet-date', '2026-02-02'],
        ].sort(),
      );
      expect(won.find((d) => d.id === 'no-date')?.amount).toBeNull();
      expect(won.find((d) => d.id === 'history')).toMatchObject({ amount: 1_000_000, grossMargin: 200_000 });
    });

    it('matches the account however it is spaced, cased or width-folded', async () => {
      const ids = (name: string) => wonDealsOf(database.db, SID, name).then((ds) => ds.map((d) => d.id).sort());
      const expected = ['entered-only', 'history', 'no-date', 'sheet-date'];
      expect(await ids(' 株式会社　サンプル ')).toEqual(expected);
      expect(await ids('株式会社ｻﾝﾌﾟﾙ')).toEqual(expected);
      expect(await ids('東邦 物流')).toEqual(['other']);
      expect(await ids('株式会社サンプル東京')).toEqual([]);
    });

    it('reads the requests filed within the window, both edges included', async () => {
      const rows = await accountRequests(database.db, SID, '株式会社サンプル', '2025-11-21', '2026-11-20');
      expect(rows.map((r) => r.id)).toEqual(['last-day', 'first-day']);
    });

    it('leaves out requests removed from the sheet', async () => {
      await database.db.updateTable('requests').set({ removed_at: AT }).where('id', '=', 'first-day').execute();
      const rows = await accountRequests(database.db, SID, '株式会社サンプル', '2025-11-21', '2026-11-20');
      expect(rows.map((r) => r.id)).toEqual(['last-day']);
    });
  });
}
