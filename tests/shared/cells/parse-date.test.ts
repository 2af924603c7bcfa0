import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../../shared/cells/cell-value.ts';
import { parseDate, type DateReadOptions } from '../../../shared/cells/parse-date.ts';

const TOKYO_MDY: DateReadOptions = { timeZone: 'Asia/Tokyo', dateOrder: 'mdy' };
const TOKYO_DMY: DateReadOptions = { timeZone: 'Asia/Tokyo', dateOrder: 'dmy' };

describe('parseDate', () => {
  it.each([
    ['1/4/2024', TOKYO_MDY, '2024-01-04'],
    ['1/4/2024', TOKYO_DMY, '2024-04-01'],
    ['20/10/2016', TOKYO_DMY, '2016-10-20'],
    ['2024/4/1', TOKYO_DMY, '2024-04-01'],
  ] as const)('reads %s in the sheet order when the year is last', (raw, options, expected) => {
    expect(parseDate(raw, options)).toEqual({ ok: true, value: expected });
  });

  it('reports a day-first date that only exists month-first when the order is dmy', () => {
    expect(parseDate('10/20/2016', TOKYO_DMY)).toEqual({ ok: false, error: 'date.noSuchDay' });
  });

  it.each([
    ['2024-03-31T23:30:00Z', 'Asia/Tokyo', '2024-04-01'],
    ['2024-03-31T23:30:00Z', 'UTC', '2024-03-31'],
    ['2024-04-01T00:30:00+09:00', 'America/New_York', '2024-03-31'],
    ['2024-04-01T09:30:00+0900', 'Asia/Tokyo', '2024-04-01'],
    ['2024-04-01T09:30:00.123Z', 'Asia/Tokyo', '2024-04-01'],
  ])('reads the instant %s as a date in %s', (raw, timeZone, expected) => {
    expect(parseDate(raw, { timeZone, dateOrder: 'mdy' })).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['2024/4/1(月)', '2024-04-01', 'a matching weekday'],
    ['2024年4月1日(月曜日)', '2024-04-01', 'a long weekday'],
    ['2024/4/1 15:00', '2024-04-01', 'a wall-clock time'],
    ['2024-04-01T15:00:30', '2024-04-01', 'a time without an offset'],
    ['2024 年 4 月 1 日', '2024-04-01', 'spaces between the parts'],
    ['20240401', '2024-04-01', 'a compact date'],
    ['2024年4月', '2024-04-01', 'a month only'],
    ['2024/04', '2024-04-01', 'a month only'],
    ['令和元年5月', '2019-05-01', 'an era month only'],
    ['令和1年5月1日', '2019-05-01', 'the first year as 1'],
    ['r6.4.1', '2024-04-01', 'a lower-case era initial'],
    ['S64.1.7', '1989-01-07', 'the last day of Showa'],
    ['H1.1.8', '1989-01-08', 'the first day of Heisei'],
    ['㍻31年4月30日', '2019-04-30', 'the one-character era sign'],
    ['大正元年7月30日', '1912-07-30', 'the first day of Taisho'],
  ])('reads %s when it has %s', (raw, expected) => {
    expect(parseDate(raw, TOKYO_MDY)).toEqual({ ok: true, value: expected });
  });

  it.each<[CellValue, string]>([
    [45383, '2024-04-01'],
    [45383.999, '2024-04-01'],
    [20240401, '2024-04-01'],
  ])('reads the number cell %s', (cell, expected) => {
    expect(parseDate(cell, TOKYO_MDY)).toEqual({ ok: true, value: expected });
  });

  it.each<[CellValue, string]>([
    ['平成31年5月1日', 'date.outsideEra'],
    ['令和元年4月30日', 'date.outsideEra'],
    ['昭和64年1月8日', 'date.outsideEra'],
    ['令和元年4月', 'date.outsideEra'],
    ['令和0年5月1日', 'date.invalid'],
    ['2024/2/30', 'date.noSuchDay'],
    ['2023/2/29', 'date.noSuchDay'],
    ['2024-02-30T10:00:00Z', 'date.noSuchDay'],
    ['2024/4/1(火)', 'date.invalid'],
    ['2024/4/1 25:00', 'date.invalid'],
    ['2024/4-1', 'date.invalid'],
    ['24/4/1', 'date.invalid'],
    ['4/1', 'date.invalid'],
    ['明日', 'date.invalid'],
    ['来月中', 'date.invalid'],
    [true, 'date.invalid'],
    [5, 'date.invalid'],
    [0, 'date.invalid'],
    [-45383, 'date.invalid'],
    [Number.NaN, 'date.invalid'],
  ])('reports %s as %s', (cell, error) => {
    expect(parseDate(cell, TOKYO_MDY)).toEqual({ ok: false, error });
  });

  it.each<CellValue>([null, '', '　', '―', '‐', '未定', 'N/A', 'なし', 'tbd'])(
    'is empty when the cell is %j',
    (cell) => {
      expect(parseDate(cell, TOKYO_MDY)).toEqual({ ok: true, value: null });
    },
  );
});
