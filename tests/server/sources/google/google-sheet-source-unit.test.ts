import type { sheets_v4 } from 'googleapis';
import { describe, expect, it } from 'vitest';
import { GoogleSheetSource } from '../../../../server/sources/google/google-sheet-source.ts';
import { VALIDATION_FIELDS } from '../../../../server/sources/google/team-validations.ts';
import { SyncError } from '../../../../server/sync/sync-error.ts';
import type { TabPlan, WritePlan } from '../../../../shared/write-plan/write-plan.ts';

// The googleapis surface the source uses, answered from memory: what each call was asked.
interface Call {
  readonly method: string;
  readonly params: Record<string, unknown>;
  readonly options: unknown;
}

type SpreadsheetAnswer = sheets_v4.Schema$Spreadsheet | ((params: Record<string, unknown>) => sheets_v4.Schema$Spreadsheet);

function fakeSheets(spreadsheet: SpreadsheetAnswer, values: Record<string, unknown[][]>, fail?: (method: string) => Error | null) {
  const calls: Call[] = [];
  const answer = (method: string, data: unknown) => async (params: Record<string, unknown>, options: unknown) => {
    calls.push({ method, params, options });
    const error = fail?.(method) ?? null;
    if (error !== null) throw error;
    return { data: typeof data === 'function' ? (data as (p: Record<string, unknown>) => unknown)(params) : data };
  };
  const sheets = {
    context: { _options: {} },
    spreadsheets: {
      get: answer('get', spreadsheet),
      batchUpdate: answer('batchUpdate', { spreadsheetId: 'S' }),
      values: {
        batchGet: answer('values.batchGet', (p: Record<string, unknown>) => ({
          valueRanges: (p.ranges as string[]).map((r) => ({ values: values[r.slice(1, -1).replaceAll("''", "'")] ?? [] })),
        })),
        batchUpdate: answer('values.batchUpdate', { totalUpdatedCells: 1 }),
      },
    },
  };
  return { sheets: sheets as unknown as sheets_v4.Sheets, calls };
}

const tag = (key: string, value: string | null, dimension: 'ROWS' | 'COLUMNS', index: number, id: number) => ({
  metadataId: id,
  metadataKey: key,
  ...(value === null ? {} : { metadataValue: value }),
  location: { dimensionRange: { sheetId: 1, dimension, startIndex: index, endIndex: index + 1 } },
});

const SPREADSHEET: sheets_v4.Schema$Spreadsheet = {
  properties: { title: '営業管理', timeZone: 'Asia/Tokyo' },
  sheets: [
    {
      properties: { sheetId: 1, title: '案件', sheetType: 'GRID', gridProperties: { rowCount: 3, columnCount: 5 } },
      data: [
        {
          rowMetadata: [{ developerMetadata: [tag('sheets-sfa.header-row', null, 'ROWS', 0, 7)] }, {}, {}],
          columnMetadata: [{}, {}, {}, {}, { developerMetadata: [tag('sheets-sfa.column', 'id', 'COLUMNS', 4, 8)] }],
        },
      ],
    },
    { properties: { sheetId: 2, title: "Bob's notes", sheetType: 'GRID', gridProperties: { rowCount: 10, columnCount: 2 } } },
  ],
};

const VALUES = {
  案件: [
    ['顧客名', '案件名', 'ステージ', '担当者', '識別子'],
    ['A社', 'X', '提案', '佐藤', 'd1'],
  ],
  "Bob's notes": [['memo']],
};

const unpaced = { pacer: null } as const;

/** A first sync's plan for 案件: it adds the flags column (F) after the tagged id column (E). */
const firstPlan = (tab: Partial<TabPlan>): WritePlan => ({
  spreadsheetId: 'S',
  tabs: [
    {
      sheet: '案件',
      kind: 'visits',
      headerRow: 1,
      lastRow: 2,
      columns: { id: 5, flags: 6 },
      newColumns: [{ key: 'flags', column: 6, header: 'フラグ [SFA]' }],
      writes: [],
      setup: [],
      ...tab,
    },
  ],
});

describe('GoogleSheetSource', () => {
  it('identifies and reads with two requests, unformatted serial values, no googleapis retry', async () => {
    const { sheets, calls } = fakeSheets(SPREADSHEET, VALUES);
    const source = new GoogleSheetSource(sheets, 'S', unpaced);
    await expect(source.identify()).resolves.toEqual({ spreadsheetId: 'S', kind: 'google', title: '営業管理', timeZone: 'Asia/Tokyo' });
    const grids = await source.read();
    expect(calls.map((c) => c.method)).toEqual(['get', 'values.batchGet']);
    expect(source.requestCount).toEqual({ reads: 2, writes: 0 });
    expect(calls[1]?.params).toMatchObject({
      ranges: ["'案件'", "'Bob''s notes'"],
      valueRenderOption: 'UNFORMATTED_VALUE',
      dateTimeRenderOption: 'SERIAL_NUMBER',
      majorDimension: 'ROWS',
    });
    for (const c of calls) expect(c.options).toMatchObject({ retry: false });
    // The tagged column's renamed header reads as the service's own.
    expect(grids.map((g) => g.name)).toEqual(['案件', "Bob's notes"]);
    expect(grids[0]?.rows[0]).toEqual(['顧客名', '案件名', 'ステージ', '担当者', 'ID [SFA]']);
    expect(grids[0]?.rows[1]).toBe(VALUES.案件[1]);
  });

  it('fetches the spreadsheet again for the next sync, not for the same one', async () => {
    const { sheets, calls } = fakeSheets(SPREADSHEET, VALUES);
    const source = new GoogleSheetSource(sheets, 'S', unpaced);
    await source.identify();
    await source.identify();
    await source.read();
    await source.identify();
    await source.read();
    expect(calls.map((c) => c.method)).toEqual(['get', 'values.batchGet', 'get', 'values.batchGet']);
  });

  it('identifies from what read() fetched, when read comes first', async () => {
    const { sheets, calls } = fakeSheets(SPREADSHEET, VALUES);
    const source = new GoogleSheetSource(sheets, 'S', unpaced);
    await source.read();
    await expect(source.identify()).resolves.toMatchObject({ title: '営業管理' });
    expect(calls.map((c) => c.method)).toEqual(['get', 'values.batchGet']);
  });

  it('reads only the mapped tabs, or every tab when one of them is gone', async () => {
    const mapped = fakeSheets(SPREADSHEET, VALUES);
    await new GoogleSheetSource(mapped.sheets, 'S', { ...unpaced, tabs: ['案件'] }).read();
    expect(mapped.calls[1]?.params.ranges).toEqual(["'案件'"]);
    const renamed = fakeSheets(SPREADSHEET, VALUES);
    await new GoogleSheetSource(renamed.sheets, 'S', { ...unpaced, tabs: ['案件', '訪問記録'] }).read();
    expect(renamed.calls[1]?.params.ranges).toEqual(["'案件'", "'Bob''s notes'"]);
  });

  it('applies a first plan: one setup batchUpdate, then the values, RAW, null as ""', async () => {
    const { sheets, calls } = fakeSheets(SPREADSHEET, VALUES);
    const source = new GoogleSheetSource(sheets, 'S', unpaced);
    await source.identify();
    await source.read();
    await source.apply(
      firstPlan({
        writes: [
          { row: 2, column: 6, value: '停滞' },
          { row: 3, column: 6, value: null },
        ],
        setup: [{ kind: 'protectColumns', columns: [6], description: 'd' }],
      }),
    );
    expect(calls.slice(2).map((c) => c.method)).toEqual(['batchUpdate', 'values.batchUpdate']);
    const requests = (calls[2]?.params.requestBody as sheets_v4.Schema$BatchUpdateSpreadsheetRequest).requests ?? [];
    expect(requests.map((r) => Object.keys(r)[0])).toEqual(['appendDimension', 'updateCells', 'createDeveloperMetadata', 'addProtectedRange']);
    expect(calls[3]?.params.requestBody).toEqual({
      valueInputOption: 'RAW',
      data: [{ range: "'案件'!F2:F3", majorDimension: 'COLUMNS', values: [['停滞', '']] }],
    });
    expect(source.requestCount).toEqual({ reads: 2, writes: 2 });
  });

  describe('a first plan with a stage dropdown', () => {
    const dropdownPlan = firstPlan({ kind: 'deals', setup: [{ kind: 'dropdown', column: 3, values: ['提案'] }] });
    const withRule = (rule: sheets_v4.Schema$DataValidationRule | null): SpreadsheetAnswer => (params) =>
      params.ranges === undefined
        ? SPREADSHEET
        : { sheets: [{ properties: { sheetId: 1 }, data: [{ startRow: 1, startColumn: 2, rowData: [{ values: [rule === null ? {} : { dataValidation: rule }] }] }] }] };
    const setupKinds = (calls: readonly Call[]) =>
      ((calls.find((c) => c.method === 'batchUpdate')?.params.requestBody as sheets_v4.Schema$BatchUpdateSpreadsheetRequest).requests ?? []).map((r) => Object.keys(r)[0]);

    it("looks at the stage column's data rows first, with one spreadsheets.get of only their rules", async () => {
      const { sheets, calls } = fakeSheets(withRule(null), VALUES);
      const source = new GoogleSheetSource(sheets, 'S', unpaced);
      await source.read();
      await source.apply(dropdownPlan);
      expect(calls.map((c) => c.method)).toEqual(['get', 'values.batchGet', 'get', 'batchUpdate']);
      // The grid has 3 rows: the header's column C from row 2 to the last.
      expect(calls[2]?.params).toEqual({ spreadsheetId: 'S', ranges: ["'案件'!C2:C3"], fields: VALIDATION_FIELDS });
      expect(calls[2]?.options).toMatchObject({ retry: false });
      expect(setupKinds(calls)).toContain('setDataValidation');
      expect(source.requestCount).toEqual({ reads: 3, writes: 1 });
    });

    it("sends no dropdown when a cell there holds the team's own rule", async () => {
      const { sheets, calls } = fakeSheets(withRule({ condition: { type: 'ONE_OF_LIST' } }), VALUES);
      const source = new GoogleSheetSource(sheets, 'S', unpaced);
      await source.read();
      await source.apply(dropdownPlan);
      expect(setupKinds(calls)).toEqual(['appendDimension', 'updateCells', 'createDeveloperMetadata']);
    });
  });

  it('sends no setup batchUpdate once the columns exist and are tagged, and nothing for an empty plan', async () => {
    const { sheets, calls } = fakeSheets(SPREADSHEET, VALUES);
    const source = new GoogleSheetSource(sheets, 'S', unpaced);
    await source.read();
    const tab = { sheet: '案件', kind: 'visits' as const, headerRow: 1, lastRow: 2, columns: { id: 5 }, newColumns: [], setup: [] };
    await source.apply({ spreadsheetId: 'S', tabs: [{ ...tab, writes: [] }] });
    await source.apply({ spreadsheetId: 'S', tabs: [{ ...tab, writes: [{ row: 2, column: 5, value: 'd1' }] }] });
    expect(calls.map((c) => c.method)).toEqual(['get', 'values.batchGet', 'values.batchUpdate']);
  });

  it('retries a 500 on the values write, counting both requests', async () => {
    let failures = 1;
    const error = Object.assign(new Error('backend'), { status: 500, response: { status: 500, headers: {}, data: {} } });
    const { sheets, calls } = fakeSheets(SPREADSHEET, VALUES, (m) => (m === 'values.batchUpdate' && failures-- > 0 ? error : null));
    const source = new GoogleSheetSource(sheets, 'S', { ...unpaced, retry: { sleep: async () => undefined } });
    await source.read();
    await source.apply({
      spreadsheetId: 'S',
      tabs: [{ sheet: '案件', kind: 'visits', headerRow: 1, lastRow: 2, columns: { id: 5 }, newColumns: [], setup: [], writes: [{ row: 2, column: 5, value: 'd1' }] }],
    });
    expect(calls.map((c) => c.method)).toEqual(['get', 'values.batchGet', 'values.batchUpdate', 'values.batchUpdate']);
    expect(source.requestCount).toEqual({ reads: 2, writes: 2 });
  });

  it('fetches the spreadsheet before sending a failed setup batch again, and sends it when it did not land', async () => {
    let failures = 1;
    const unavailable = Object.assign(new Error('unavailable'), { status: 503, response: { status: 503, headers: {}, data: {} } });
    const { sheets, calls } = fakeSheets(SPREADSHEET, VALUES, (m) => (m === 'batchUpdate' && failures-- > 0 ? unavailable : null));
    const source = new GoogleSheetSource(sheets, 'S', { ...unpaced, retry: { sleep: async () => undefined } });
    await source.read();
    await source.apply(firstPlan({ writes: [{ row: 2, column: 6, value: '停滞' }], setup: [{ kind: 'protectColumns', columns: [6], description: 'd' }] }));
    // The fake never applies a batch, so the fetch finds no flags tag and the batch goes again.
    expect(calls.map((c) => c.method)).toEqual(['get', 'values.batchGet', 'batchUpdate', 'get', 'batchUpdate', 'values.batchUpdate']);
    expect(calls[4]?.params.requestBody).toEqual(calls[2]?.params.requestBody);
    expect(source.requestCount).toEqual({ reads: 3, writes: 3 });
  });

  it('sends a setup batch with no tag or grid growth to look for only once', async () => {
    const unavailable = Object.assign(new Error('unavailable'), { status: 503, response: { status: 503, headers: {}, data: {} } });
    const { sheets, calls } = fakeSheets(SPREADSHEET, VALUES, (m) => (m === 'batchUpdate' ? unavailable : null));
    const source = new GoogleSheetSource(sheets, 'S', { ...unpaced, retry: { sleep: async () => undefined } });
    await source.read();
    const tab = { sheet: '案件', kind: 'visits' as const, headerRow: 1, lastRow: 2, columns: { id: 5 }, newColumns: [], writes: [] };
    const failure = source.apply({ spreadsheetId: 'S', tabs: [{ ...tab, setup: [{ kind: 'protectColumns', columns: [5], description: 'd' }] }] });
    await expect(failure).rejects.toThrow(/HTTP 503/);
    expect(calls.map((c) => c.method)).toEqual(['get', 'values.batchGet', 'batchUpdate']);
  });

  it('turns a 403 into "share the sheet with …", without retrying', async () => {
    const error = Object.assign(new Error('forbidden'), { status: 403, response: { status: 403, headers: {}, data: { error: { message: 'The caller does not have permission' } } } });
    const { sheets, calls } = fakeSheets(SPREADSHEET, VALUES, () => error);
    const source = new GoogleSheetSource(sheets, 'S', { ...unpaced, caller: 'sa@x.iam.gserviceaccount.com' });
    const failure = source.identify();
    await expect(failure).rejects.toBeInstanceOf(SyncError);
    await expect(failure).rejects.toThrow('sa@x.iam.gserviceaccount.com cannot open spreadsheet S: share the sheet with sa@x.iam.gserviceaccount.com as an Editor');
    expect(calls).toHaveLength(1);
  });

  it('refuses a plan naming a tab the spreadsheet lacks, before sending anything', async () => {
    const { sheets, calls } = fakeSheets(SPREADSHEET, VALUES);
    const source = new GoogleSheetSource(sheets, 'S', unpaced);
    await source.read();
    await expect(
      source.apply({ spreadsheetId: 'S', tabs: [{ sheet: '消えた', kind: 'visits', headerRow: 1, lastRow: 2, columns: {}, newColumns: [], setup: [], writes: [] }] }),
    ).rejects.toThrow('write plan names a missing tab: 消えた');
    expect(calls).toHaveLength(2);
  });
});
