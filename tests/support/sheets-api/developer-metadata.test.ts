// Developer metadata follows its column through insert, move and delete, and is found by search,
// by id and in spreadsheets.get column metadata.

import type { sheets_v4 } from 'googleapis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiFailure, sheetsAsUser } from './stand-in-clients.ts';
import { startSheetsStandIn } from './sheets-stand-in.ts';
import type { SheetsStandIn } from './sheets-stand-in.ts';

const USER = 'ops@example.com';
let standIn: SheetsStandIn;
let sheets: sheets_v4.Sheets;

beforeAll(async () => {
  standIn = await startSheetsStandIn({ quotaPerMinutePerUser: null });
  sheets = sheetsAsUser(standIn, USER);
});

afterAll(async () => {
  await standIn.close();
});

async function batch(spreadsheetId: string, requests: sheets_v4.Schema$Request[]): Promise<sheets_v4.Schema$BatchUpdateSpreadsheetResponse> {
  return (await sheets.spreadsheets.batchUpdate({ spreadsheetId, requestBody: { requests } })).data;
}

function columnRange(startIndex: number, endIndex = startIndex + 1): sheets_v4.Schema$DimensionRange {
  return { sheetId: 0, dimension: 'COLUMNS', startIndex, endIndex };
}

async function tagColumn(spreadsheetId: string, index: number, key: string): Promise<number> {
  const response = await batch(spreadsheetId, [
    {
      createDeveloperMetadata: {
        developerMetadata: { metadataKey: key, metadataValue: 'v', visibility: 'DOCUMENT', location: { dimensionRange: columnRange(index) } },
      },
    },
  ]);
  const id = response.replies?.[0]?.createDeveloperMetadata?.developerMetadata?.metadataId;
  if (id == null) throw new Error('createDeveloperMetadata returned no id');
  return id;
}

async function columnOf(spreadsheetId: string, key: string): Promise<number | null> {
  const response = await sheets.spreadsheets.developerMetadata.search({
    spreadsheetId,
    requestBody: { dataFilters: [{ developerMetadataLookup: { metadataKey: key } }] },
  });
  const match = response.data.matchedDeveloperMetadata?.[0];
  return match?.developerMetadata?.location?.dimensionRange?.startIndex ?? null;
}

describe('developer metadata on a column', () => {
  it('follows its column when columns are inserted before it, moved, and deleted', async () => {
    const id = standIn.createSpreadsheet({ title: 'p', sheets: [{ title: 'Deals', rows: [['a', 'b', 'c', 'd']] }], sharedWith: [USER] });
    await tagColumn(id, 2, 'sfa:deal-id');
    expect(await columnOf(id, 'sfa:deal-id')).toBe(2);

    await batch(id, [{ insertDimension: { range: columnRange(0, 2) } }]);
    expect(await columnOf(id, 'sfa:deal-id')).toBe(4);
    expect(standIn.values(id, 'Deals')).toEqual([['', '', 'a', 'b', 'c', 'd']]);

    // Move the tagged column (E) to the front: destinationIndex counts before the move.
    await batch(id, [{ moveDimension: { source: columnRange(4), destinationIndex: 0 } }]);
    expect(await columnOf(id, 'sfa:deal-id')).toBe(0);
    expect(standIn.values(id, 'Deals')).toEqual([['c', '', '', 'a', 'b', 'd']]);

    // Deleting other columns shifts it; deleting its own column deletes it.
    await batch(id, [{ deleteDimension: { range: columnRange(1, 3) } }]);
    expect(await columnOf(id, 'sfa:deal-id')).toBe(0);
    await batch(id, [{ deleteDimension: { range: columnRange(0) } }]);
    expect(await columnOf(id, 'sfa:deal-id')).toBeNull();
    expect(standIn.values(id, 'Deals')).toEqual([['a', 'b', 'd']]);
  });

  it('moves a column to the right when destinationIndex is past it', async () => {
    const id = standIn.createSpreadsheet({ title: 'p', sheets: [{ title: 'Deals', rows: [['a', 'b', 'c', 'd']] }], sharedWith: [USER] });
    await tagColumn(id, 0, 'first');
    await batch(id, [{ moveDimension: { source: columnRange(0), destinationIndex: 3 } }]);

    expect(standIn.values(id, 'Deals')).toEqual([['b', 'c', 'a', 'd']]);
    expect(await columnOf(id, 'first')).toBe(2);
  });

  it('stays on its column when sortRange reorders rows', async () => {
    const id = standIn.createSpreadsheet({ title: 'p', sheets: [{ title: 'Deals', rows: [['id', 'n'], ['b', 2], ['a', 1]] }], sharedWith: [USER] });
    await tagColumn(id, 1, 'amount');
    await batch(id, [
      { sortRange: { range: { sheetId: 0, startRowIndex: 1, endRowIndex: 3, endColumnIndex: 2 }, sortSpecs: [{ dimensionIndex: 1 }] } },
    ]);

    expect(standIn.values(id, 'Deals')).toEqual([['id', 'n'], ['a', 1], ['b', 2]]);
    expect(await columnOf(id, 'amount')).toBe(1);
  });
});

describe('reading developer metadata', () => {
  it('shows column metadata in columnMetadata and by id when spreadsheets.get asks for it with a fields mask', async () => {
    const id = standIn.createSpreadsheet({ title: 'p', sheets: [{ title: 'Deals', rows: [['a', 'b']] }], sharedWith: [USER] });
    const metadataId = await tagColumn(id, 1, 'sfa:stage');

    const got = await sheets.spreadsheets.get({ spreadsheetId: id, fields: 'sheets(properties(title),data(columnMetadata(developerMetadata)))' });
    const columns = got.data.sheets?.[0]?.data?.[0]?.columnMetadata ?? [];
    expect(got.data.sheets?.[0]?.properties).toEqual({ title: 'Deals' });
    expect(got.data.sheets?.[0]?.data?.[0]?.rowData).toBeUndefined();
    expect(columns[0]).toEqual({});
    expect(columns[1]?.developerMetadata).toEqual([
      {
        metadataId,
        metadataKey: 'sfa:stage',
        metadataValue: 'v',
        visibility: 'DOCUMENT',
        location: { locationType: 'COLUMN', dimensionRange: { sheetId: 0, dimension: 'COLUMNS', startIndex: 1, endIndex: 2 } },
      },
    ]);

    const byId = await sheets.spreadsheets.developerMetadata.get({ spreadsheetId: id, metadataId });
    expect(byId.data.metadataKey).toBe('sfa:stage');
  });

  it('answers an empty object when a search matches nothing, and 404 for an unknown id', async () => {
    const id = standIn.createSpreadsheet({ title: 'p', sheets: [{ title: 'Deals' }], sharedWith: [USER] });
    const search = await sheets.spreadsheets.developerMetadata.search({
      spreadsheetId: id,
      requestBody: { dataFilters: [{ developerMetadataLookup: { metadataKey: 'none' } }] },
    });
    const missing = await apiFailure(sheets.spreadsheets.developerMetadata.get({ spreadsheetId: id, metadataId: 12345 }));

    expect(search.data).toEqual({});
    expect(missing.status).toBe(404);
  });

  it('deletes by lookup, and refuses metadata when it spans several columns', async () => {
    const id = standIn.createSpreadsheet({ title: 'p', sheets: [{ title: 'Deals' }], sharedWith: [USER] });
    await tagColumn(id, 0, 'gone');
    const deleted = await batch(id, [{ deleteDeveloperMetadata: { dataFilter: { developerMetadataLookup: { metadataKey: 'gone' } } } }]);
    const wide = await apiFailure(
      batch(id, [
        {
          createDeveloperMetadata: {
            developerMetadata: { metadataKey: 'w', visibility: 'DOCUMENT', location: { dimensionRange: columnRange(0, 2) } },
          },
        },
      ]),
    );

    expect(deleted.replies?.[0]?.deleteDeveloperMetadata?.deletedDeveloperMetadata?.[0]?.metadataKey).toBe('gone');
    expect(await columnOf(id, 'gone')).toBeNull();
    expect(wide.body.error.message).toMatch(/^Invalid requests\[0\]\.createDeveloperMetadata: .*single row or column/);
  });
});
