// The digest counts "today" in the zone the sync uses: a Google sheet's own, an .xlsx's override.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { digestSpreadsheets } from '../../../server/digest/digest.repository.ts';
import { grantRole } from '../../../server/members/member.repository.ts';
import { saveSettings, upsertSpreadsheet } from '../../../server/spreadsheets/spreadsheet.repository.ts';
import type { SourceKind } from '../../../server/spreadsheets/spreadsheet.table.ts';
import { PGLITE, type SyncDatabase } from '../sync/test-databases.ts';

describe('digestSpreadsheets', () => {
  let database: SyncDatabase;

  beforeAll(async () => {
    database = await PGLITE.open('digest-zones');
  });
  afterAll(async () => {
    await database.close();
  });

  async function sheet(id: string, kind: SourceKind, settings: unknown): Promise<void> {
    await upsertSpreadsheet(database.db, { id, kind, title: id, timeZone: 'Asia/Tokyo' });
    if (settings !== null) await saveSettings(database.db, id, settings);
    await grantRole(database.db, id, 'boss@example.co.jp', 'manager', null);
  }

  it('keeps a Google sheet\'s own zone and honours an .xlsx override when settings name another zone', async () => {
    await sheet('google-override', 'google', { timeZone: 'America/New_York' });
    await sheet('xlsx-override', 'xlsx', { timeZone: 'America/New_York' });
    await sheet('xlsx-plain', 'xlsx', null);
    const zones = Object.fromEntries((await digestSpreadsheets(database.db)).map((s) => [s.id, s.timeZone]));
    expect(zones).toEqual({ 'google-override': 'Asia/Tokyo', 'xlsx-override': 'America/New_York', 'xlsx-plain': 'Asia/Tokyo' });
  });
});
