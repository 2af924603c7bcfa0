// "Not in the future" is judged in the spreadsheet's time zone, not the server's: at 00:30 in Tokyo
// on 11-21 (still 11-20 in UTC) a visit dated 11-21 is today's, and one dated 11-22 is tomorrow's.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeIfPostgres } from '../../support/postgres-database.ts';
import { pushBody } from '../../support/service/apply-plan-wire.ts';
import { startServiceHarness, type ServiceHarness } from '../../support/service/service-harness.ts';
import type { SheetsStandIn } from '../../support/sheets-api/sheets-stand-in.ts';
import { dealGrid, serial } from '../sync/test-sheet.ts';

const SHEET = '1TzTzTzTzTzTzTzTzTzTzTzTzTzTzTzTzTzTzTzTz00';
const REP = 'rep@example.co.jp';
// 2026-11-21 00:30 in Tokyo; 2026-11-20 in UTC.
const NOW = new Date('2026-11-20T15:30:00Z');

describeIfPostgres('visit dates in the spreadsheet\'s time zone', () => {
  let h: ServiceHarness;

  beforeAll(async () => {
    h = await startServiceHarness({ label: 'visit_tz', clock: () => NOW, google: true });
    const deals = dealGrid([{ title: '倉庫管理 PoC', account: '東邦物流', stage: '提案', owner: '田中', stageChangedOn: serial('2026-11-18') }]);
    (h.standIn as SheetsStandIn).createSpreadsheet({ spreadsheetId: SHEET, title: 't', timeZone: 'Asia/Tokyo', sheets: [{ title: deals.name, rows: deals.rows, valueInputOption: 'RAW' }], sharedWith: [REP] });
    expect((await h.call('POST', `/v1/spreadsheets/${SHEET}/sync`, { as: REP, body: pushBody('t', 'Asia/Tokyo', [deals]) })).status).toBe(200);
  });

  afterAll(async () => {
    await h?.close();
  });

  it('accepts a visit dated today in Tokyo while UTC is still on the day before', async () => {
    const res = await h.call('POST', `/v1/spreadsheets/${SHEET}/visits`, { as: REP, body: { visitedOn: '2026-11-21', account: '東邦物流', dealTitle: '倉庫管理 PoC' } });
    expect(res.status).toBe(201);
  });

  it('refuses a visit dated tomorrow in Tokyo', async () => {
    const res = await h.call('POST', `/v1/spreadsheets/${SHEET}/visits`, { as: REP, body: { visitedOn: '2026-11-22', account: '東邦物流', dealTitle: '倉庫管理 PoC' } });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/today is 2026-11-21 in Asia\/Tokyo/);
  });
});
