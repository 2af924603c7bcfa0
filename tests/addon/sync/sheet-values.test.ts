import { describe, expect, it } from 'vitest';
import { instantSerialConverter } from '../../../server/push-sync/instant-serial.ts';
import { dateSerializer, pushCells, serialOfWallClock } from '../../../addon/src/sync/sheet-values.ts';

// Utilities.formatDate's behaviour for the patterns the add-on uses, through Intl.
function formatDate(date: Date, zone: string, pattern: string): string {
  expect(pattern).toBe('yyyy-MM-dd HH:mm:ss');
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' })
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`;
}

describe('serialOfWallClock', () => {
  it('gives the serial of a date and the fraction of its time of day', () => {
    expect(serialOfWallClock('2026-11-20 00:00:00')).toBe(46346);
    expect(serialOfWallClock('2026-11-20 12:00:00')).toBe(46346.5);
    expect(serialOfWallClock('2026-02-30 00:00:00')).toBeNull();
    expect(serialOfWallClock('garbage')).toBeNull();
  });
});

describe('dateSerializer', () => {
  it('gives the serial the service would derive from the same instant when the sheet is in Tokyo', () => {
    const toSerial = dateSerializer('Asia/Tokyo', formatDate);
    const instant = new Date('2026-11-19T15:00:00.000Z');
    expect(toSerial(instant)).toBe(46346);
    expect(toSerial(instant)).toBe(instantSerialConverter('Asia/Tokyo')(instant.toISOString()));
  });

  it('calls formatDate once per distinct instant', () => {
    let calls = 0;
    const toSerial = dateSerializer('Asia/Tokyo', (d, z, p) => {
      calls++;
      return formatDate(d, z, p);
    });
    for (let i = 0; i < 5; i++) toSerial(new Date('2026-11-19T15:00:00.000Z'));
    expect(calls).toBe(1);
  });
});

describe('pushCells', () => {
  it('turns dates into serials, keeps text, numbers and booleans, and drops trailing empty cells', () => {
    const rows = [
      ['案件名', 'ステージ', '', ''],
      ['基幹更新', new Date('2026-11-19T15:00:00.000Z'), true, ''],
      ['', '', '', ''],
    ];
    expect(pushCells(rows, dateSerializer('Asia/Tokyo', formatDate))).toEqual([['案件名', 'ステージ'], ['基幹更新', 46346, true], []]);
  });

  it('reads a Date made by another realm as a date', async () => {
    const { runInNewContext } = await import('node:vm');
    const foreign = runInNewContext('new Date("2026-11-19T15:00:00.000Z")') as unknown;
    expect(pushCells([[foreign]], dateSerializer('Asia/Tokyo', formatDate))).toEqual([[46346]]);
  });
});
