import { describe, expect, it } from 'vitest';
import { scheduleKeyOf } from '../../../server/recompute/schedule-key.ts';

describe('scheduleKeyOf', () => {
  it.each([
    ['Asia/Tokyo', 'Asia/Tokyo'],
    ['America/Argentina/Buenos_Aires', 'America/Argentina/Buenos_Aires'],
    ['Etc/GMT-9', 'Etc/GMT-9'],
    ['Etc/GMT+9', 'Etc/GMT.2b.9'],
    ['UTC', 'UTC'],
  ])('keys %s as %s', (zone, key) => {
    expect(scheduleKeyOf(zone)).toBe(key);
  });

  it('keeps zones apart when one is spelled like another escaped', () => {
    expect(scheduleKeyOf('Etc/GMT.2b.9')).not.toBe(scheduleKeyOf('Etc/GMT+9'));
  });

  it('uses only the characters pg-boss allows in a key', () => {
    for (const zone of Intl.supportedValuesOf('timeZone')) expect(scheduleKeyOf(zone)).toMatch(/^[\w.\-/]+$/);
  });
});
