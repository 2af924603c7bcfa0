// A decision taken through the API while a sync of the same spreadsheet is under way: the sync
// writes the status it read (承認待ち), and the next sync must see that cell for what it is, the
// service's own stale mirror, not a status typed by hand. No 状況改ざん, no tampering feed entry.
import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { serialFromIsoDate, type IsoDate } from '../../../shared/calendar/iso-date.ts';
import { cellText } from '../../../shared/cells/cell-text.ts';
import type { CellValue } from '../../../shared/cells/cell-value.ts';
import { REQUEST_STATE_LABELS } from '../../../shared/requests/request-state.ts';
import { serviceColumnOfHeader } from '../../../shared/write-plan/service-columns.ts';
import { actOnRequest } from '../../../server/requests/request.service.ts';
import type { MutableGrid } from '../../../server/sources/grid/grid-source.ts';
import { syncSpreadsheet } from '../../../server/sync/sync-engine.ts';
import { dealsGrid } from '../requests/request-fixture.ts';
import { POSTGRES, type SyncDatabase } from './test-databases.ts';
import { gridSource } from './test-sheet.ts';

const SID = 'decision-during-sync';
const TODAY: IsoDate = '2026-11-20';
const HEADERS = ['申請日', '申請種別', '顧客名', '案件名', '申請者', '背景', '依頼内容', '代替案', '概算コスト', '状態'];
const BACKGROUND = '競合他社が同条件で納期短縮を提示しており、失注の恐れがあるため';
const REP = { email: 'sato@example.co.jp', roles: ['member' as const] };
const APPROVER = { email: 'carol@example.co.jp', roles: ['approver' as const] };

/** Runs `during` once, while the sync that reads the spreadsheet's requests has them in hand. */
class DuringRequestRead implements KyselyPlugin {
  #during: (() => Promise<void>) | null;
  constructor(during: () => Promise<void>) {
    this.#during = during;
  }
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return args.node;
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    const first = args.result.rows[0];
    if (this.#during !== null && first !== undefined && 'requester_email' in first && 'state' in first) {
      const during = this.#during;
      this.#during = null;
      await during();
    }
    return args.result;
  }
}

POSTGRES.describe('a decision taken while a sync runs', () => {
  let database: SyncDatabase;
  beforeAll(async () => {
    database = await POSTGRES.open('decision_during_sync');
  });
  afterAll(async () => {
    await database?.close();
  });

  it('is not read as a status typed by hand by the sync after', async () => {
    const requests: MutableGrid = {
      name: '特別対応申請',
      rows: [[...HEADERS], [serialFromIsoDate('2026-11-18'), '特別納品', '株式会社サンプル', '基幹システム更新', '佐藤', BACKGROUND, '特急便', null, 10_000, null] as CellValue[]],
    };
    const source = gridSource(SID, dealsGrid(), requests);
    // One clock for the syncs and the decision, a second apart per reading, in order.
    let tick = Date.parse(`${TODAY}T00:00:00Z`);
    const clock = () => new Date((tick += 1000));
    await syncSpreadsheet(database.db, source, { now: TODAY, clock });
    const { id } = await database.db.selectFrom('requests').select('id').where('spreadsheet_id', '=', SID).executeTakeFirstOrThrow();
    const version = async () => (await database.db.selectFrom('requests').select('version').where('id', '=', id).executeTakeFirstOrThrow()).version;
    await actOnRequest(database.db, { spreadsheetId: SID, requestId: id, actor: REP, input: { action: 'submit', comment: null, expectedVersion: null, changes: null }, clock, locale: 'ja' });
    await syncSpreadsheet(database.db, source, { now: TODAY, clock });

    const other = await database.connect();
    let decision: Promise<void> | null = null;
    try {
      const expectedVersion = await version();
      const during = new DuringRequestRead(async () => {
        decision = actOnRequest(other, { spreadsheetId: SID, requestId: id, actor: APPROVER, input: { action: 'approve', comment: null, expectedVersion, changes: null }, clock, locale: 'ja' });
        // Long enough for the decision to commit unless something makes it wait for the sync.
        await Promise.race([decision, new Promise((resolve) => setTimeout(resolve, 1500))]);
      });
      await syncSpreadsheet(database.db.withPlugin(during), source, { now: TODAY, clock });
      await decision;
    } finally {
      await other.destroy();
    }
    expect(await database.db.selectFrom('requests').select('state').where('id', '=', id).executeTakeFirstOrThrow()).toEqual({ state: 'approved' });

    await syncSpreadsheet(database.db, source, { now: TODAY, clock });
    const header = requests.rows[0] ?? [];
    const column = (key: string) => header.findIndex((h) => serviceColumnOfHeader(cellText(h)) === key);
    const row = requests.rows[1] ?? [];
    expect(cellText(row[column('status')] ?? null)).toBe(REQUEST_STATE_LABELS.approved.ja);
    expect(cellText(row[column('flags')] ?? null)).not.toContain('状況改ざん');
    const tampering = await database.db.selectFrom('feed_entries').select('payload').where('spreadsheet_id', '=', SID).where('kind', '=', 'flag_raised').execute();
    expect(tampering).toEqual([]);
  });
});
