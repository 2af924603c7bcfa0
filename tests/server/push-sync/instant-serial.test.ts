import { describe, expect, it } from 'vitest';
import { serialFromIsoDate } from '../../../shared/calendar/iso-date.ts';
import { instantSerialConverter, isIsoInstant } from '../../../server/push-sync/instant-serial.ts';

describe('isIsoInstant', () => {
  it.each([
    '2026-11-19T15:00:00.000Z',
    '2026-11-19T15:00:00Z',
    '2026-11-20T00:00:00+09:00',
    '2026-11-19T10:00:00-05:00',
    '2026-11-19T15:00:00.5Z',
    '2026-11-19T15:00:00.123456789+05:30',
  ])('accepts %s', (text) => {
    expect(isIsoInstant(text)).toBe(true);
  });

  it.each([
    ['a plain date', '2026-11-20'],
    ['a date with slashes', '2026/11/20 00:00:00'],
    ['no seconds', '2026-11-19T15:00Z'],
    ['a space instead of T', '2026-11-19 15:00:00Z'],
    ['no zone', '2026-11-19T15:00:00.000'],
    ['a compact offset', '2026-11-19T15:00:00+0900'],
    ['ten fraction digits', '2026-11-19T15:00:00.0123456789Z'],
    ['an expanded year', '+002026-11-19T15:00:00.000Z'],
    ['leading text', 'at 2026-11-19T15:00:00Z'],
    ['trailing text', '2026-11-19T15:00:00Z!'],
    ['empty text', ''],
  ])('rejects %s', (_, text) => {
    expect(isIsoInstant(text)).toBe(false);
  });
});

describe('instantSerialConverter', () => {
  const timeOfDay = (hms: string): number => {
    const [h = 0, m = 0, sec = 0] = hms.split(':').map(Number);
    return (h * 3600 + m * 60 + sec) / 86_400;
  };

  it.each<[string, string, string, string]>([
    ['Asia/Tokyo', '2026-11-19T15:00:00.000Z', '2026-11-20', '00:00:00'],
    ['Asia/Tokyo', '2026-11-20T03:00:00.000Z', '2026-11-20', '12:00:00'],
    ['Asia/Tokyo', '2026-11-20T00:00:00+09:00', '2026-11-20', '00:00:00'],
    ['UTC', '2026-11-20T06:00:00Z', '2026-11-20', '06:00:00'],
    ['UTC', '2026-11-20T09:00:00+09:00', '2026-11-20', '00:00:00'],
    ['UTC', '2026-11-20T00:00:01Z', '2026-11-20', '00:00:01'],
    ['UTC', '2026-11-20T23:59:59Z', '2026-11-20', '23:59:59'],
    ['Asia/Kolkata', '2026-11-19T18:30:00.000Z', '2026-11-20', '00:00:00'],
    // Standard time (UTC-5) and daylight time (UTC-4).
    ['America/New_York', '2026-11-20T05:00:00.000Z', '2026-11-20', '00:00:00'],
    ['America/New_York', '2026-07-01T04:00:00.000Z', '2026-07-01', '00:00:00'],
    ['America/New_York', '2026-11-20T04:59:00.000Z', '2026-11-19', '23:59:00'],
    // Spring forward on 2026-03-08: 02:00 EST becomes 03:00 EDT.
    ['America/New_York', '2026-03-08T06:30:00Z', '2026-03-08', '01:30:00'],
    ['America/New_York', '2026-03-08T07:30:00Z', '2026-03-08', '03:30:00'],
    // Fall back on 2026-11-01: 01:30 happens twice, once in EDT and once in EST.
    ['America/New_York', '2026-11-01T05:30:00Z', '2026-11-01', '01:30:00'],
    ['America/New_York', '2026-11-01T06:30:00Z', '2026-11-01', '01:30:00'],
  ])('reads %s %s as %s %s', (zone, instant, date, time) => {
    expect(instantSerialConverter(zone)(instant)).toBeCloseTo(serialFromIsoDate(date) + timeOfDay(time), 9);
  });

  it('returns null when the text is no real instant', () => {
    expect(instantSerialConverter('UTC')('2026-13-45T00:00:00Z')).toBeNull();
  });

  it('returns a finite serial or null, never NaN, when the year is before 1000', () => {
    const serial = instantSerialConverter('UTC')('0202-11-20T00:00:00.000Z');
    expect(serial).not.toBeNaN();
  });

  it('returns equal results when one text is converted again', () => {
    const toSerial = instantSerialConverter('Asia/Tokyo');
    const first = toSerial('2026-11-19T15:00:00.000Z');
    expect(toSerial('2026-11-19T15:00:00.000Z')).toBe(first);
    expect(first).toBe(serialFromIsoDate('2026-11-20'));
    expect(toSerial('2026-13-45T00:00:00Z')).toBeNull();
    expect(toSerial('2026-13-45T00:00:00Z')).toBeNull();
  });

  it('keeps each converter to its own time zone when two are made', () => {
    const tokyo = instantSerialConverter('Asia/Tokyo');
    const newYork = instantSerialConverter('America/New_York');
    const instant = '2026-11-19T15:00:00.000Z';
    expect(tokyo(instant)).toBe(serialFromIsoDate('2026-11-20'));
    expect(newYork(instant)).toBeCloseTo(serialFromIsoDate('2026-11-19') + timeOfDay('10:00:00'), 9);
    expect(tokyo(instant)).toBe(serialFromIsoDate('2026-11-20'));
  });
});
