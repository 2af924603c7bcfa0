// One calendar per Google spreadsheet: with a timeZone override stored for it, the push, a logged
// visit and the deal card still agree on "today" in the spreadsheet's own zone. At 23:30 UTC it is
// already the next day (08:30) in Tokyo, while the override (UTC) would say the day before.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { MutableGrid } from '../../../server/sources/grid/grid-source.ts';
import type { WritePlanWire } from '../../../server/push-sync/plan-wire.ts';
import { describeIfPostgres } from '../../support/postgres-database.ts';
import { applyPlanWire, pushBody } from '../../support/service/apply-plan-wire.ts';
import { startServiceHarness, type ServiceHarness } from '../../support/service/service-harness.ts';
import type { SheetsStandIn } from '../../support/sheets-api/sheets-stand-in.ts';
import { cellOf, dealGrid, idOf, serial, serviceHeaderOf } from './test-sheet.ts';

const SHEET = '1TzRuleTzRuleTzRuleTzRuleTzRuleTzRuleTzRu00';
const REP = 'rep@example.co.jp';
const SOKO = '倉庫管理 PoC';
// 2026-11-21 08:30 in Tokyo; still 2026-11-20 in UTC.
const NOW = new Date('2026-11-20T23:30:00Z');
const OWN_ZONE_PROBLEM = 'settings.timeZone: the spreadsheet\'s own time zone (Asia/Tokyo) is used on Google Sheets';

interface PushAnswer {
  asOf: string;
  plan: WritePlanWire;
  summary: { settingsProblems: string[] };
}

describeIfPostgres('a Google spreadsheet with a timeZone override', () => {
  let h: ServiceHarness;
  let grid: MutableGrid;
  let pushed: PushAnswer;

  beforeAll(async () => {
    h = await startServiceHarness({ label: 'tz_rule', clock: () => NOW, google: true });
    // In 提案 since 11-18: 3 days on 11-21 (Tokyo), 2 on 11-20 (UTC).
    grid = dealGrid([{ title: SOKO, account: '東邦物流', stage: '提案', owner: '田中', stageChangedOn: serial('2026-11-18') }]);
    (h.standIn as SheetsStandIn).createSpreadsheet({ spreadsheetId: SHEET, title: 't', timeZone: 'Asia/Tokyo', sheets: [{ title: grid.name, rows: grid.rows, valueInputOption: 'RAW' }], sharedWith: [REP] });
    const res = await h.call('POST', `/v1/spreadsheets/${SHEET}/sync`, { as: REP, body: pushBody('t', 'Asia/Tokyo', [grid], { mapping: { settings: { timeZone: 'UTC' } } }) });
    expect(res.status).toBe(200);
    pushed = (await res.json()) as PushAnswer;
    applyPlanWire([grid], pushed.plan);
  });

  afterAll(async () => {
    await h?.close();
  });

  it('computes the push for the day in the spreadsheet\'s own zone and reports the override once', () => {
    expect(pushed.asOf).toBe('2026-11-21');
    expect(cellOf(grid, SOKO, serviceHeaderOf('daysInStage'))).toBe(3);
    expect(pushed.summary.settingsProblems).toEqual([OWN_ZONE_PROBLEM]);
  });

  it('shows the same days in stage on the deal card as the push wrote', async () => {
    const res = await h.call('GET', `/v1/spreadsheets/${SHEET}/deals/${idOf(grid, SOKO)}`, { as: REP });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { daysInStage: number }).daysInStage).toBe(3);
  });

  it('accepts a visit dated the push\'s day and refuses the next day as the future', async () => {
    const today = await h.call('POST', `/v1/spreadsheets/${SHEET}/visits`, { as: REP, body: { visitedOn: '2026-11-21', account: '東邦物流', dealTitle: SOKO } });
    expect(today.status).toBe(201);
    const tomorrow = await h.call('POST', `/v1/spreadsheets/${SHEET}/visits`, { as: REP, body: { visitedOn: '2026-11-22', account: '東邦物流', dealTitle: SOKO } });
    expect(tomorrow.status).toBe(400);
    expect(((await tomorrow.json()) as { error: { message: string } }).error.message).toMatch(/today is 2026-11-21 in Asia\/Tokyo/);
  });
});
