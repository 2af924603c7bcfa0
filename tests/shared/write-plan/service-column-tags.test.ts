import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../../shared/cells/cell-value.ts';
import { resolveMapping } from '../../../shared/mapping/resolve-mapping.ts';
import type { SheetGrid } from '../../../shared/mapping/sheet-grid.ts';
import { serviceColumnKeyOf, withServiceColumnTags } from '../../../shared/write-plan/service-column-tags.ts';

const sheet = (rows: CellValue[][]): SheetGrid => ({ name: '案件', rows });

describe('withServiceColumnTags', () => {
  it('restores the canonical header of a tagged column when the team renamed it', () => {
    const grid = sheet([
      ['顧客名', '案件名', 'ステージ', 'ID [SFA]', '日数'],
      ['A社', 'X', '提案', 'd1', 3],
    ]);
    const out = withServiceColumnTags(grid, { headerRow: 1, columns: [{ key: 'id', column: 4 }, { key: 'daysInStage', column: 5 }] });
    expect(out.rows[0]).toEqual(['顧客名', '案件名', 'ステージ', 'ID [SFA]', '滞留日数 [SFA]']);
    expect(resolveMapping([out], null).tabs[0]?.serviceColumns).toEqual({ id: 4, daysInStage: 5 });
  });

  it('fills a cleared header, past the end of a header row Sheets returned short', () => {
    const grid = sheet([['顧客名', '案件名', 'ステージ'], ['A社', 'X', '提案', null, null, '停滞']]);
    const out = withServiceColumnTags(grid, { headerRow: 1, columns: [{ key: 'flags', column: 6 }] });
    expect(out.rows[0]).toEqual(['顧客名', '案件名', 'ステージ', null, null, 'フラグ [SFA]']);
  });

  it('finds a column the team moved left of its own columns', () => {
    const grid = sheet([
      ['Flags', 'Account', 'Deal', 'Stage', 'Days in stage [SFA]'],
      ['Stale', 'A', 'X', 'Proposal', 40],
    ]);
    const out = withServiceColumnTags(grid, { headerRow: 1, columns: [{ key: 'flags', column: 1 }, { key: 'daysInStage', column: 5 }] });
    expect(out.rows[0]?.[0]).toBe('Flags [SFA]');
    expect(resolveMapping([out], null).tabs[0]?.serviceColumns).toEqual({ flags: 1, daysInStage: 5 });
  });

  it.each<[string, CellValue[], string]>([
    ['Japanese when the other service headers are', ['顧客名', '滞留日数 [SFA]', null], 'フラグ [SFA]'],
    ['English when the other service headers are', ['顧客名', 'Days in stage [SFA]', null], 'Flags [SFA]'],
    ['Japanese when there are none', ['Account', 'Deal', null], 'フラグ [SFA]'],
    ['Japanese when the only one reads the same in both (ID)', ['Account', 'ID [SFA]', null], 'フラグ [SFA]'],
  ])('writes the header in %s', (_, header, expected) => {
    const out = withServiceColumnTags(sheet([header]), { headerRow: 1, columns: [{ key: 'flags', column: 3 }] });
    expect(out.rows[0]?.[2]).toBe(expected);
  });

  it('keeps a header the team rewrote in the other language or case when it still names the column', () => {
    const grid = sheet([['顧客名', 'flags [sfa]']]);
    expect(withServiceColumnTags(grid, { headerRow: 1, columns: [{ key: 'flags', column: 2 }] })).toBe(grid);
  });

  it('returns the same grid, uncopied, when every tagged header already names its column', () => {
    const grid = sheet([['顧客名', 'ID [SFA]', 'フラグ [SFA]'], ['A社', 'd1', '']]);
    expect(withServiceColumnTags(grid, { headerRow: 1, columns: [{ key: 'id', column: 2 }, { key: 'flags', column: 3 }] })).toBe(grid);
  });

  it('copies only the header row: every other row is shared with the input', () => {
    const rows: CellValue[][] = [['タイトル'], ['顧客名', '案件名', '?']];
    for (let i = 0; i < 1000; i++) rows.push(['A社', `X${i}`, 'd']);
    const grid = sheet(rows);
    const out = withServiceColumnTags(grid, { headerRow: 2, columns: [{ key: 'id', column: 3 }] });
    expect(out.rows[1]).toEqual(['顧客名', '案件名', 'ID [SFA]']);
    expect(out.rows[1]).not.toBe(grid.rows[1]);
    expect(grid.rows[1]).toEqual(['顧客名', '案件名', '?']);
    expect(out.rows[0]).toBe(grid.rows[0]);
    for (let i = 2; i < rows.length; i++) expect(out.rows[i]).toBe(grid.rows[i]);
  });

  it('blanks a copied header naming a tagged key elsewhere, so the tagged column wins', () => {
    const grid = sheet([['顧客名', 'フラグ [SFA]', 'ステージ', 'フラグ [SFA]'], ['A社', '停滞', '提案', '停滞']]);
    const out = withServiceColumnTags(grid, { headerRow: 1, columns: [{ key: 'flags', column: 4 }] });
    expect(out.rows[0]).toEqual(['顧客名', null, 'ステージ', 'フラグ [SFA]']);
    expect(resolveMapping([out], null).tabs[0]?.serviceColumns).toEqual({ flags: 4 });
  });

  it('takes the leftmost column when two tags name the same key, and one key per column', () => {
    const grid = sheet([['顧客名', null, null, null]]);
    const out = withServiceColumnTags(grid, {
      headerRow: 1,
      columns: [
        { key: 'flags', column: 4 },
        { key: 'flags', column: 2 },
        { key: 'id', column: 2 },
      ],
    });
    expect(out.rows[0]).toEqual(['顧客名', 'フラグ [SFA]', null, null]);
  });

  it('adds the header row when the grid ends above it', () => {
    const out = withServiceColumnTags(sheet([['タイトル']]), { headerRow: 3, columns: [{ key: 'id', column: 2 }] });
    expect(out.rows).toEqual([['タイトル'], [], [null, 'ID [SFA]']]);
  });

  it.each([
    ['no column tags', { headerRow: 1, columns: [] }],
    ['a header row of 0', { headerRow: 0, columns: [{ key: 'id' as const, column: 1 }] }],
    ['a column of 0', { headerRow: 1, columns: [{ key: 'id' as const, column: 0 }] }],
  ])('leaves the grid alone given %s', (_, tags) => {
    const grid = sheet([['顧客名']]);
    expect(withServiceColumnTags(grid, tags)).toBe(grid);
  });
});

describe('serviceColumnKeyOf', () => {
  it.each([
    ['flags', 'flags'],
    ['daysInStage', 'daysInStage'],
    ['Flags', null],
    ['somethingNew', null],
    [null, null],
    [undefined, null],
  ])('reads %s as %s', (value, expected) => {
    expect(serviceColumnKeyOf(value)).toBe(expected);
  });
});

describe('withServiceColumnTags bounds', () => {
  const grid = { name: '案件', rows: [['顧客名', '案件名'], ['北海電機', '更新']] };

  it('ignores a tag far past the widest sheet instead of padding the header row to it', () => {
    expect(withServiceColumnTags(grid, { headerRow: 1, columns: [{ key: 'flags', column: 2_000_000_000 }] })).toBe(grid);
  });

  it('ignores a header-row tag far below the values', () => {
    expect(withServiceColumnTags(grid, { headerRow: 5_000_000, columns: [{ key: 'flags', column: 3 }] })).toBe(grid);
  });
});
