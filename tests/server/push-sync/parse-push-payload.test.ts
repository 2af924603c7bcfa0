import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../../shared/cells/cell-value.ts';
import { serialFromIsoDate } from '../../../shared/calendar/iso-date.ts';
import { ApiError } from '../../../server/http/api-error.ts';
import { parsePushPayload } from '../../../server/push-sync/parse-push-payload.ts';

type Body = Record<string, unknown>;

const tab = (name: string, values: unknown, extra: Body = {}): Body => ({ name, values, ...extra });

const body = (over: Body = {}): Body => ({
  title: '営業案件',
  timeZone: 'Asia/Tokyo',
  tabs: [tab('案件', [['顧客名', '金額'], ['A社', 100]])],
  ...over,
});

function rejection(input: unknown): ApiError {
  try {
    parsePushPayload(input);
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected parsePushPayload to reject the body');
}

describe('parsePushPayload', () => {
  it('returns the title, time zone, tabs, dryRun false and no mapping when the body is minimal', () => {
    const parsed = parsePushPayload(body());
    expect(parsed).toEqual({
      title: '営業案件',
      timeZone: 'Asia/Tokyo',
      dryRun: false,
      tabs: [{ name: '案件', values: [['顧客名', '金額'], ['A社', 100]], serviceColumns: null }],
      mapping: null,
    });
  });

  it('trims the title when it has surrounding spaces', () => {
    expect(parsePushPayload(body({ title: '  営業案件 ' })).title).toBe('営業案件');
  });

  it.each([true, false])('keeps dryRun %s when it is sent', (dryRun) => {
    expect(parsePushPayload(body({ dryRun })).dryRun).toBe(dryRun);
  });

  it('keeps every tab in order with its own service columns when several are sent', () => {
    const parsed = parsePushPayload(
      body({
        tabs: [
          tab('案件', [['顧客名', 'ID [SFA]']], { serviceColumns: { headerRow: 1, columns: [{ key: 'id', column: 2 }, { key: 'flags', column: 9 }] } }),
          tab('訪問', [], { serviceColumns: null }),
          tab('申請', [[]]),
        ],
      }),
    );
    expect(parsed.tabs.map((t) => t.name)).toEqual(['案件', '訪問', '申請']);
    expect(parsed.tabs[0]?.serviceColumns).toEqual({ headerRow: 1, columns: [{ key: 'id', column: 2 }, { key: 'flags', column: 9 }] });
    expect(parsed.tabs[1]?.serviceColumns).toBeNull();
    expect(parsed.tabs[2]?.serviceColumns).toBeNull();
    expect(parsed.tabs[1]?.values).toEqual([]);
    expect(parsed.tabs[2]?.values).toEqual([[]]);
  });

  it('keeps text, numbers, booleans and null as they are when no text is an instant', () => {
    const row: CellValue[] = ['A社', 0, -1.5, 46346, true, false, null, '', '2026-11-20', '2026/11/20'];
    const parsed = parsePushPayload(body({ tabs: [tab('案件', [row])] }));
    expect(parsed.tabs[0]?.values[0]).toEqual(['A社', 0, -1.5, 46346, true, false, null, '', '2026-11-20', '2026/11/20']);
  });

  it('turns an ISO instant into the serial of its date in the payload\'s time zone, in the same row array', () => {
    const row: CellValue[] = ['A社', '2026-11-19T15:00:00.000Z', '2026-11-20'];
    const values = [row];
    const parsed = parsePushPayload(body({ tabs: [tab('案件', values)] }));
    expect(parsed.tabs[0]?.values).toBe(values);
    expect(row).toEqual(['A社', serialFromIsoDate('2026-11-20'), '2026-11-20']);
  });

  it('reads the same instant as the previous day when the time zone is behind UTC', () => {
    const parsed = parsePushPayload(body({ timeZone: 'America/New_York', tabs: [tab('Deals', [['2026-11-20T03:00:00.000Z']])] }));
    expect(parsed.tabs[0]?.values[0]?.[0]).toBeCloseTo(serialFromIsoDate('2026-11-19') + 22 / 24, 9);
  });

  it('keeps the time of day as the serial\'s fraction when the instant is not midnight', () => {
    const parsed = parsePushPayload(body({ tabs: [tab('案件', [['2026-11-20T03:00:00.000Z']])] }));
    expect(parsed.tabs[0]?.values[0]?.[0]).toBeCloseTo(serialFromIsoDate('2026-11-20') + 0.5, 9);
  });

  it('keeps text shaped like an instant when it is no real date', () => {
    const parsed = parsePushPayload(body({ tabs: [tab('案件', [['2026-13-45T00:00:00.000Z']])] }));
    expect(parsed.tabs[0]?.values[0]?.[0]).toBe('2026-13-45T00:00:00.000Z');
  });

  it('puts no NaN into the payload when an instant lies before the year 1000', () => {
    // JSON.stringify of a Date typed as 0202/11/20 in a sheet.
    const parsed = parsePushPayload(body({ tabs: [tab('案件', [['0202-11-19T15:00:00.000Z']])] }));
    const cell = parsed.tabs[0]?.values[0]?.[0];
    expect(cell).not.toBeNaN();
  });

  it('accepts a cell of exactly 50,000 characters', () => {
    const text = 'あ'.repeat(50_000);
    expect(parsePushPayload(body({ tabs: [tab('案件', [[text]])] })).tabs[0]?.values[0]?.[0]).toBe(text);
  });

  it('accepts 100 tabs and a 100-character tab name', () => {
    const tabs = Array.from({ length: 100 }, (_, i) => tab(i === 0 ? 'x'.repeat(100) : `tab${i}`, []));
    expect(parsePushPayload(body({ tabs })).tabs).toHaveLength(100);
  });

  it('counts 10,000,000 cells as within the limit when the rows hold exactly that many', () => {
    // Sparse rows: the count is checked before a row's cells, so the first hole is the problem reported.
    // 547 full-width rows + one of 1,934 cells = 10,000,000 (rows are at most 18,278 wide).
    const rows = [...Array.from({ length: 547 }, () => new Array(18_278)), new Array(10_000_000 - 547 * 18_278)];
    const error = rejection(body({ tabs: [tab('案件', rows)] }));
    expect(error.message).toContain('tabs[0].values[0][0]');
  });

  const tooManyTabs = Array.from({ length: 101 }, (_, i) => tab(`tab${i}`, []));

  it.each<[string, unknown, string]>([
    ['the body is null', null, 'body: must be a JSON object, got null'],
    ['the body is an array', [], 'body: must be a JSON object, got array'],
    ['the body is text', 'tabs', 'body: must be a JSON object, got string'],
    ['the title is missing', body({ title: undefined }), 'title: must be the spreadsheet\'s name (1 to 1000 characters)'],
    ['the title is blank', body({ title: '   ' }), 'title: must be the spreadsheet\'s name'],
    ['the title is a number', body({ title: 42 }), 'title: must be the spreadsheet\'s name'],
    ['the title is over 1000 characters', body({ title: 'x'.repeat(1001) }), 'title: must be the spreadsheet\'s name'],
    ['the time zone is unknown', body({ timeZone: 'Mars/Base' }), 'timeZone: must be an IANA time zone such as Asia/Tokyo'],
    ['the time zone is missing', body({ timeZone: undefined }), 'timeZone: must be an IANA time zone'],
    ['dryRun is text', body({ dryRun: 'true' }), 'dryRun: must be true or false'],
    ['dryRun is null', body({ dryRun: null }), 'dryRun: must be true or false'],
    ['tabs is empty', body({ tabs: [] }), 'tabs: must be a non-empty array of { name, values }'],
    ['tabs is missing', body({ tabs: undefined }), 'tabs: must be a non-empty array'],
    ['tabs is an object', body({ tabs: { 案件: [] } }), 'tabs: must be a non-empty array'],
    ['there are 101 tabs', body({ tabs: tooManyTabs }), 'tabs: at most 100 tabs'],
    ['a tab is not an object', body({ tabs: [tab('案件', []), 'visits'] }), 'tabs[1]: must be an object with name and values'],
    ['a tab name is sent twice', body({ tabs: [tab('案件', []), tab('案件', [])] }), 'tabs[1].name: tab "案件" is sent twice'],
    ['a tab name is empty', body({ tabs: [tab('', [])] }), 'tabs[0].name: must be the tab\'s title (1 to 100 characters)'],
    ['a tab name is over 100 characters', body({ tabs: [tab('x'.repeat(101), [])] }), 'tabs[0].name: must be the tab\'s title (1 to 100 characters)'],
    ['a tab name is a number', body({ tabs: [{ name: 1, values: [] }] }), 'tabs[0].name: must be the tab\'s title'],
    ['values is not an array', body({ tabs: [tab('案件', { A1: 'x' })] }), 'tabs[0].values: must be an array of rows'],
    ['values is missing', body({ tabs: [{ name: '案件' }] }), 'tabs[0].values: must be an array of rows'],
    ['a row is not an array', body({ tabs: [tab('案件', [['a'], { 0: 'b' }])] }), 'tabs[0].values[1]: sheet "案件" row 2 must be an array of cells, got object'],
    ['a row is a string', body({ tabs: [tab('案件', ['a,b'])] }), 'tabs[0].values[0]: sheet "案件" row 1 must be an array of cells, got string'],
    // Postgres cannot store U+0000: a 400 naming where, not a 500 from the database.
    ['the title holds a NUL', body({ title: '営業\u0000案件' }), 'title: must not contain the NUL character (U+0000)'],
    ['a tab name holds a NUL', body({ tabs: [tab('案\u0000件', [])] }), 'tabs[0].name: must not contain the NUL character (U+0000)'],
  ])('rejects with 400 invalid_request when %s', (_, input, message) => {
    const error = rejection(input);
    expect(error.status).toBe(400);
    expect(error.code).toBe('invalid_request');
    expect(error.message).toContain(message);
  });

  // Row 3, column 28 (AB): the message names the sheet, the row and the column letter.
  const withCell = (cell: unknown): Body => {
    const row: unknown[] = Array.from({ length: 28 }, () => null);
    row[27] = cell;
    return body({ tabs: [tab('案件', []), tab('訪問', [['header'], [], row])] });
  };
  const where = 'tabs[1].values[2][27] (sheet "訪問" row 3 column AB)';

  it.each<[string, unknown, string]>([
    ['an object', { v: 1 }, 'a cell must be text, a number, true/false or null, got object'],
    ['an array', [1], 'a cell must be text, a number, true/false or null, got array'],
    ['NaN', Number.NaN, 'numbers must be finite'],
    ['Infinity', Number.POSITIVE_INFINITY, 'numbers must be finite'],
    ['-Infinity', Number.NEGATIVE_INFINITY, 'numbers must be finite'],
    ['text over 50,000 characters', 'x'.repeat(50_001), 'text longer than 50000 characters'],
  ])('rejects a cell naming its sheet, row and column when it is %s', (_, cell, problem) => {
    const error = rejection(withCell(cell));
    expect(error.status).toBe(400);
    expect(error.code).toBe('invalid_request');
    expect(error.message).toBe(`${where}: ${problem}`);
  });

  it('keeps a cell as sent when its text holds a NUL (the sync reads it without and reports it)', () => {
    const parsed = parsePushPayload(withCell('A社\u0000'));
    expect(parsed.tabs[1]?.values[2]?.[27]).toBe('A社\u0000');
  });

  it('rejects a row wider than a Google sheet can be', () => {
    expect(rejection(body({ tabs: [tab('案件', [new Array(18_279)])] })).message).toBe('tabs[0].values[0]: sheet "案件" row 1 is wider than a Google sheet can be (18278 columns)');
  });

  it('refuses a service column past the widest sheet, which would otherwise pad a header row without bound', () => {
    const error = rejection(body({ tabs: [tab('案件', [['a']], { serviceColumns: { headerRow: 1, columns: [{ key: 'flags', column: 2_000_000_000 }] } })] }));
    expect(error.message).toBe('tabs[0].serviceColumns.columns[0].column: must be a column number from 1 to 18278');
  });

  it('canonicalises the time zone, so one zone is stored and scheduled under one name', () => {
    expect(parsePushPayload(body({ timeZone: 'aSiA/tOkYo' })).timeZone).toBe('Asia/Tokyo');
  });

  it('rejects more than 10,000,000 cells when they are spread over several tabs', () => {
    // Full-width rows of empty cells, the last one tipping the total over.
    const wide = [...Array.from({ length: 547 }, () => new Array<null>(18_278).fill(null)), new Array(9_999_999 - 547 * 18_278)];
    const error = rejection(body({ tabs: [tab('案件', [[null, null]]), tab('訪問', wide)] }));
    expect(error.status).toBe(400);
    expect(error.code).toBe('invalid_request');
    expect(error.message).toBe('tabs: more than 10,000,000 cells, Google Sheets\' own limit');
  });

  const withServiceColumns = (serviceColumns: unknown): Body => body({ tabs: [tab('案件', []), tab('訪問', [], { serviceColumns })] });

  it.each<[string, unknown, string]>([
    ['it is not an object', 'id:2', 'tabs[1].serviceColumns: must be an object with headerRow and columns'],
    ['it is an array', [], 'tabs[1].serviceColumns: must be an object with headerRow and columns'],
    ['headerRow is 0', { headerRow: 0, columns: [] }, 'tabs[1].serviceColumns.headerRow: must be a row number from 1 to 1, the rows sent'],
    ['headerRow is fractional', { headerRow: 1.5, columns: [] }, 'tabs[1].serviceColumns.headerRow: must be a row number from 1 to 1, the rows sent'],
    ['headerRow is text', { headerRow: '1', columns: [] }, 'tabs[1].serviceColumns.headerRow: must be a row number from 1 to 1, the rows sent'],
    ['columns is missing', { headerRow: 1 }, 'tabs[1].serviceColumns.columns: must be an array'],
    ['a column is not an object', { headerRow: 1, columns: [{ key: 'id', column: 2 }, 'flags'] }, 'tabs[1].serviceColumns.columns[1]: must be an object with key and column'],
    [
      'a key is not a service column',
      { headerRow: 1, columns: [{ key: 'owner', column: 2 }] },
      'tabs[1].serviceColumns.columns[0].key: must be one of id, stageEnteredOn, daysInStage, ballDays, flags, flagReasons, status, approver, decidedOn, decisionComment, cost',
    ],
    ['a column is 0', { headerRow: 1, columns: [{ key: 'id', column: 0 }] }, 'tabs[1].serviceColumns.columns[0].column: must be a column number from 1 to 18278'],
    ['a column is a letter', { headerRow: 1, columns: [{ key: 'id', column: 'B' }] }, 'tabs[1].serviceColumns.columns[0].column: must be a column number from 1 to 18278'],
  ])('rejects serviceColumns with 400 invalid_request when %s', (_, serviceColumns, message) => {
    const error = rejection(withServiceColumns(serviceColumns));
    expect(error.status).toBe(400);
    expect(error.code).toBe('invalid_request');
    expect(error.message).toBe(message);
  });

  it('passes the mapping through as the CLI\'s --mapping file gives it, and null when it is null', () => {
    const mapping = {
      tabs: { deals: { sheet: '台帳', headerRow: 3, columns: { account: '会社', title: 'B' } } },
      stageLabels: { 保留: 'nurturing' },
      settings: { dayCounting: 'business', stages: { quote: { staleAfterDays: 10 } } },
    };
    expect(parsePushPayload(body({ mapping })).mapping).toEqual(mapping);
    expect(parsePushPayload(body({ mapping: null })).mapping).toBeNull();
  });

  it.each<[string, unknown, string]>([
    ['it is not an object', ['台帳'], 'mapping: must be an object { tabs, stageLabels, settings }, got array'],
    ['it has an unknown key', { tab: {} }, 'mapping.tab: unknown key (expected tabs, stageLabels, settings)'],
    ['a tab kind is unknown', { tabs: { leads: { sheet: 'x' } } }, 'mapping.tabs.leads: unknown tab kind (expected deals, visits, requests)'],
    [
      'a tab has no sheet and a header row of 0',
      { tabs: { deals: { headerRow: 0 } } },
      'mapping.tabs.deals.sheet: must be the tab\'s name; mapping.tabs.deals.headerRow: must be a row number from 1',
    ],
    ['a column is not text', { tabs: { visits: { sheet: '訪問', columns: { visitedOn: 3 } } } }, 'mapping.tabs.visits.columns.visitedOn: must be a header text or a column letter'],
    ['stage labels map onto numbers', { stageLabels: { 保留: 2 } }, 'mapping.stageLabels: must be an object of label → stage code'],
    ['settings is text', { settings: 'business' }, 'mapping.settings: must be an object'],
    ['a header text holds a NUL', { tabs: { deals: { sheet: '台帳', columns: { title: '案件\u0000名' } } } }, 'mapping.tabs.deals.columns.title: must not contain the NUL character (U+0000)'],
    ['a stage label holds a NUL', { stageLabels: { '保\u0000留': 'nurturing' } }, 'mapping.stageLabels."保\\u0000留": must not contain the NUL character (U+0000)'],
  ])('rejects the mapping with 400 invalid_request naming each problem\'s path when %s', (_, mapping, message) => {
    const error = rejection(body({ mapping }));
    expect(error.status).toBe(400);
    expect(error.code).toBe('invalid_request');
    expect(error.message).toBe(message);
  });
});
