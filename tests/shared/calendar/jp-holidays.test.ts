import { describe, expect, it } from 'vitest';
import { addDays, dayOfWeek } from '../../../shared/calendar/iso-date.ts';
import {
  isJapanesePublicHoliday,
  japaneseHolidayName,
  japaneseHolidaysInYear,
} from '../../../shared/calendar/jp-holidays.ts';

describe('japaneseHolidayName', () => {
  it.each([
    // 2019: the imperial succession
    ['2019-04-29', '昭和の日'],
    ['2019-04-30', '国民の休日'],
    ['2019-05-01', '天皇の即位の日'],
    ['2019-05-02', '国民の休日'],
    ['2019-05-06', '振替休日'],
    ['2019-08-12', '振替休日'],
    ['2019-10-14', '体育の日'],
    ['2019-10-22', '即位礼正殿の儀'],
    ['2019-11-04', '振替休日'],
    // 2020 and 2021: the Olympic moves
    ['2020-02-23', '天皇誕生日'],
    ['2020-02-24', '振替休日'],
    ['2020-07-23', '海の日'],
    ['2020-07-24', 'スポーツの日'],
    ['2020-08-10', '山の日'],
    ['2020-09-22', '秋分の日'],
    ['2021-07-22', '海の日'],
    ['2021-07-23', 'スポーツの日'],
    ['2021-08-08', '山の日'],
    ['2021-08-09', '振替休日'],
    // 2022–2027
    ['2022-03-21', '春分の日'],
    ['2022-10-10', 'スポーツの日'],
    ['2023-01-02', '振替休日'],
    ['2023-09-23', '秋分の日'],
    ['2024-01-08', '成人の日'],
    ['2024-02-12', '振替休日'],
    ['2024-05-06', '振替休日'],
    ['2024-09-22', '秋分の日'],
    ['2024-09-23', '振替休日'],
    ['2025-02-24', '振替休日'],
    ['2025-05-06', '振替休日'],
    ['2025-11-24', '振替休日'],
    ['2026-03-20', '春分の日'],
    ['2026-05-06', '振替休日'],
    ['2026-07-20', '海の日'],
    ['2026-09-21', '敬老の日'],
    ['2026-09-22', '国民の休日'],
    ['2026-09-23', '秋分の日'],
    ['2027-03-21', '春分の日'],
    ['2027-03-22', '振替休日'],
    ['2027-09-23', '秋分の日'],
    // earlier rules
    ['1990-11-12', '即位礼正殿の儀'],
    ['1993-06-09', '皇太子徳仁親王の結婚の儀'],
    ['1996-07-20', '海の日'],
    ['1998-05-04', '振替休日'],
    ['1999-01-15', '成人の日'],
    ['1999-10-11', '振替休日'],
    ['2000-01-10', '成人の日'],
    ['2002-09-15', '敬老の日'],
    ['2003-07-21', '海の日'],
    ['2006-04-29', 'みどりの日'],
    ['2006-05-04', '国民の休日'],
    ['2007-05-04', 'みどりの日'],
    ['2008-05-06', '振替休日'],
    ['2015-09-22', '国民の休日'],
    ['2016-08-11', '山の日'],
    ['2018-12-23', '天皇誕生日'],
    ['2018-12-24', '振替休日'],
  ])('names %s %s', (date, name) => {
    expect(japaneseHolidayName(date)).toBe(name);
  });

  it.each([
    ['2019-12-23', 'no emperor birthday in 2019'],
    ['2019-02-23', 'February birthday starts in 2020'],
    ['2020-07-20', 'marine day moved for the Olympics'],
    ['2020-08-11', 'mountain day moved for the Olympics'],
    ['2020-10-12', 'sports day moved for the Olympics'],
    ['2021-07-19', 'marine day moved for the Olympics'],
    ['2021-08-11', 'mountain day moved for the Olympics'],
    ['2021-10-11', 'sports day moved for the Olympics'],
    ['2015-08-11', 'mountain day starts in 2016'],
    ['1995-07-20', 'marine day starts in 1996'],
    ['1997-05-04', 'a sandwiched Sunday was no holiday before 2007'],
    ['1997-05-06', 'no chained substitute before 2007'],
    ['2024-12-23', 'the December birthday ended in 2018'],
    ['2025-05-07', 'the day after Golden Week'],
    ['2026-09-24', 'after silver week'],
    ['2027-03-20', 'the 2027 vernal equinox is the 21st'],
    ['2027-09-22', 'the 2027 autumnal equinox is the 23rd'],
    ['2026-12-31', 'year end is a company closure, not a holiday'],
  ])('is null on %s when %s', (date) => {
    expect(japaneseHolidayName(date)).toBeNull();
  });

  it('is null when the year is outside 1990–2099', () => {
    expect(japaneseHolidayName('1989-01-01')).toBeNull();
    expect(japaneseHolidayName('2100-01-01')).toBeNull();
  });
});

describe('isJapanesePublicHoliday', () => {
  it.each([
    ['2026-01-01', true],
    ['2026-01-02', false],
    ['2026-02-23', true],
    ['2026-05-06', true],
    ['2026-05-07', false],
  ])('is %s → %s', (date, expected) => {
    expect(isJapanesePublicHoliday(date)).toBe(expected);
  });
});

describe('japaneseHolidaysInYear', () => {
  it.each([
    [2019, 22],
    [2020, 18],
    [2021, 17],
    [2024, 21],
    [2025, 19],
    [2026, 18],
    [2027, 17],
  ])('lists every holiday of %i (%i days)', (year, count) => {
    expect(japaneseHolidaysInYear(year).size).toBe(count);
  });

  it('puts a substitute after every Sunday holiday when the year is 1990–2099', () => {
    for (let year = 1990; year <= 2099; year++) {
      const days = japaneseHolidaysInYear(year);
      for (const [date, name] of days) {
        const proper = name !== '振替休日' && name !== '国民の休日';
        if (!proper || dayOfWeek(date) !== 0) continue;
        let next = addDays(date, 1);
        while (days.has(next) && days.get(next) !== '振替休日') next = addDays(next, 1);
        // Before 2007 a Sunday holiday followed by another holiday had no substitute.
        if (year < 2007 && next !== addDays(date, 1)) continue;
        expect(days.get(next), `${date} ${name}`).toBe('振替休日');
      }
    }
  });

  it('keeps the equinoxes on their possible days when the year is 1990–2099', () => {
    for (let year = 1990; year <= 2099; year++) {
      const names = [...japaneseHolidaysInYear(year)];
      const vernal = names.find(([, n]) => n === '春分の日')?.[0] ?? '';
      const autumnal = names.find(([, n]) => n === '秋分の日')?.[0] ?? '';
      expect(vernal).toMatch(/^\d{4}-03-(19|20|21)$/);
      expect(autumnal).toMatch(/^\d{4}-09-(21|22|23|24)$/);
    }
  });
});
