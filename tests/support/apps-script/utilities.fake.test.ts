import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { fakeAppsScript } from './fake-apps-script.ts';

describe('Utilities.gzip', () => {
  it('round-trips text through gzip and ungzip with Java signed bytes', () => {
    const { Utilities } = fakeAppsScript().g;
    const text = '訪問記録: 見積提出 ✓';
    const zipped = Utilities.gzip(Utilities.newBlob(text, 'application/json', 'payload.json'));
    const bytes = zipped.getBytes();
    expect(bytes.every((b) => Number.isInteger(b) && b >= -128 && b <= 127)).toBe(true);
    expect(bytes.some((b) => b < 0)).toBe(true);
    expect(bytes.slice(0, 2)).toEqual([31, -117]); // 0x1f 0x8b
    expect([zipped.getContentType(), zipped.getName()]).toEqual(['application/x-gzip', 'payload.json.gz']);
    const back = Utilities.ungzip(Utilities.newBlob(bytes, 'application/x-gzip'));
    expect(back.getDataAsString()).toBe(text);
  });

  it('produces bytes node:zlib can read, and reads node:zlib’s output', () => {
    const { Utilities } = fakeAppsScript().g;
    const signed = Array.from(gzipSync(Buffer.from('ボール')), (b) => (b > 127 ? b - 256 : b));
    expect(Utilities.ungzip(Utilities.newBlob(signed)).getDataAsString()).toBe('ボール');
    expect(() => Utilities.ungzip(Utilities.newBlob('not gzip'))).toThrow('Could not decompress gzip.');
  });
});

describe('Utilities.formatDate', () => {
  const instant = new Date('2026-03-31T15:04:05.007Z'); // 00:04:05 on 1 April in Tokyo

  it.each([
    ['yyyy-MM-dd', 'Asia/Tokyo', '2026-04-01'],
    ['yyyy-MM-dd', 'UTC', '2026-03-31'],
    ["yyyy-MM-dd'T'HH:mm:ss.SSSXXX", 'Asia/Tokyo', '2026-04-01T00:04:05.007+09:00'],
    ["yyyy-MM-dd'T'HH:mm:ssXXX", 'UTC', '2026-03-31T15:04:05Z'],
    ['yyyy/M/d (EEE) h:mm a z', 'Asia/Tokyo', '2026/4/1 (Wed) 12:04 AM JST'],
    ['MMMM d, yy HH:mm Z', 'America/Los_Angeles', 'March 31, 26 08:04 -0700'],
    ["'Day' D 'of' yyyy", 'Asia/Tokyo', 'Day 91 of 2026'],
    ["h 'o''clock'", 'UTC', "3 o'clock"],
    ['yyyy-MM-dd HH:mm', 'Not/AZone', '2026-03-31 15:04'],
  ])('formats %s in %s as %s', (pattern, zone, expected) => {
    expect(fakeAppsScript().g.Utilities.formatDate(instant, zone, pattern)).toBe(expected);
  });

  it('throws on a pattern letter SimpleDateFormat does not know', () => {
    expect(() => fakeAppsScript().g.Utilities.formatDate(instant, 'UTC', 'yyyy-qq')).toThrow("Illegal pattern character 'q'");
  });
});

describe('Utilities.sleep', () => {
  it('advances the runtime clock instead of waiting', () => {
    const { g, state } = fakeAppsScript({ now: new Date('2026-04-01T00:00:00Z') });
    const started = Date.now();
    g.Utilities.sleep(120_000);
    expect(state.clock.now()).toBe(Date.parse('2026-04-01T00:02:00Z'));
    expect(Date.now() - started).toBeLessThan(1000);
    expect(() => g.Utilities.sleep(300_001)).toThrow('Invalid argument: milliseconds');
  });

  it('ends the execution once the 6-minute limit is passed', () => {
    const { g, state } = fakeAppsScript({ now: new Date('2026-04-01T00:00:00Z') });
    state.execution = { id: 1, user: state.user, authMode: 'FULL', kind: 'call', startedAt: state.clock.now(), limitMs: 360_000 };
    g.Utilities.sleep(300_000);
    expect(() => g.Utilities.sleep(61_000)).toThrow('Exceeded maximum execution time');
  });
});

describe('Utilities.base64Encode', () => {
  it('encodes strings and signed byte arrays alike', () => {
    const { Utilities } = fakeAppsScript().g;
    expect(Utilities.base64Encode('営業')).toBe(Buffer.from('営業').toString('base64'));
    expect(Utilities.base64Encode([-1, 0, 1])).toBe('/wAB');
    expect(Utilities.base64Decode('/wAB')).toEqual([-1, 0, 1]);
  });
});
