// What was judged is what Postgres keeps: once a request filed through the API is submitted or
// decided, editing its row in the sheet does not change its stored content, and deleting the row
// leaves its cost in the account's history.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { CellValue } from '../../../shared/cells/cell-value.ts';
import type { Role } from '../../../shared/access/role.ts';
import { accountRequests } from '../../../server/requests/account-history.repository.ts';
import { actOnRequest, fileRequest } from '../../../server/requests/request.service.ts';
import type { MutableGrid } from '../../../server/sources/grid/grid-source.ts';
import { syncSpreadsheet } from '../../../server/sync/sync-engine.ts';
import { BACKENDS, type SyncDatabase } from './test-databases.ts';
import { dealGrid, gridSource, serial } from './test-sheet.ts';

const NOW = '2026-12-01';
const AT = new Date('2026-12-01T00:00:00Z');
const BG = '先方の物流拠点が来月移転するため、納品先と納品条件を契約上も変更したいとのこと。';
const REP = { email: 'rep@example.co.jp', roles: ['member'] as Role[] };
const APPROVER = { email: 'carol@example.co.jp', roles: ['approver'] as Role[] };
const HEADERS = ['申請日', '申請種別', '顧客名', '案件名', '申請者', '背景', '依頼内容', '代替案', '概算コスト', '状態'];

for (const backend of BACKENDS) {
  backend.describe(`a decided request against sheet edits on ${backend.name}`, () => {
    let database: SyncDatabase;
    beforeAll(async () => {
      database = await backend.open('decided_hold');
    });
    afterAll(async () => {
      await database?.close();
    });

    it('keeps the approved content when the row is edited, and the cost in the account\'s history when the row is deleted', async () => {
      const db = database.db;
      const id = `decided-${backend.name}`;
      const requests: MutableGrid = { name: '特別対応申請', rows: [[...HEADERS]] };
      const source = gridSource(id, dealGrid([{ title: '保守契約更新', account: '東西物産', owner: '鈴木', stage: '受注', stageChangedOn: serial('2026-11-25'), amount: 1_000_000 }]), requests);
      const sync = () => syncSpreadsheet(db, source, { now: NOW, clock: () => AT });
      await sync();
      const rid = await fileRequest(db, {
        spreadsheetId: id,
        actor: REP,
        clock: () => AT,
        locale: 'ja',
        input: { type: 'discount', background: BG, description: '5%値引き', alternative: null, cost: { hours: [], directCosts: [{ label: '値引き原資', amount: 90_000 }], discount: 0, recurring: null }, account: '東西物産', dealId: null, dealTitle: null, submit: true },
      });
      const version = (await db.selectFrom('requests').select('version').where('spreadsheet_id', '=', id).where('id', '=', rid).executeTakeFirstOrThrow()).version;
      await actOnRequest(db, { spreadsheetId: id, requestId: rid, actor: APPROVER, clock: () => AT, locale: 'ja', input: { action: 'approve', comment: null, expectedVersion: version, changes: null } });
      await sync();
      const row = requests.rows.find((r) => r.includes(rid)) as CellValue[];
      expect(row).toBeDefined();

      // Someone rewrites the approved request in the sheet.
      row[HEADERS.indexOf('依頼内容')] = '50%値引き + 無償保守3年';
      row[HEADERS.indexOf('背景')] = 'x';
      row[HEADERS.indexOf('概算コスト')] = 9_000_000;
      row[HEADERS.indexOf('顧客名')] = '山田製作所';
      await sync();
      const kept = await db.selectFrom('requests').select(['state', 'description', 'background', 'account', 'cost_total']).where('spreadsheet_id', '=', id).where('id', '=', rid).executeTakeFirstOrThrow();
      expect(kept).toEqual({ state: 'approved', description: '5%値引き', background: BG, account: '東西物産', cost_total: '90000' });

      // The row goes; the approved cost stays in the account's last 12 months.
      requests.rows.splice(requests.rows.indexOf(row), 1);
      await sync();
      const history = await accountRequests(db, id, '東西物産', '2025-12-02', NOW);
      expect(history.map((r) => [r.id, r.state, r.removed_at === null])).toEqual([[rid, 'approved', false]]);
    });
  });
}
