import { describe, expect, it } from 'vitest';
import { RequestPacer } from '../../../../server/sources/google/request-pacer.ts';

/** A clock that only moves when the pacer sleeps. */
function fakeTime() {
  let now = 0;
  const sleeps: number[] = [];
  return {
    now: () => now,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      now += ms;
    },
    advance: (ms: number) => void (now += ms),
    sleeps,
  };
}

describe('RequestPacer', () => {
  it('lets 60 reads a minute through at once, then waits for the oldest to leave the window', async () => {
    const time = fakeTime();
    const pacer = new RequestPacer({ now: time.now, sleep: time.sleep });
    const sentAt: number[] = [];
    for (let i = 0; i < 61; i++) {
      await pacer.acquire('sa@example.iam.gserviceaccount.com', 'read');
      sentAt.push(time.now());
      time.advance(100);
    }
    expect(sentAt.slice(0, 60).every((t, i) => t === i * 100)).toBe(true);
    expect(sentAt[60]).toBe(60_000);
    expect(time.sleeps).toEqual([54_000]);
  });

  it('slides: after a burst, one more is allowed as each old request ages out', async () => {
    const time = fakeTime();
    const pacer = new RequestPacer({ limit: 3, windowMs: 1000, now: time.now, sleep: time.sleep });
    const sentAt: number[] = [];
    for (let i = 0; i < 7; i++) {
      await pacer.acquire('a', 'write');
      sentAt.push(time.now());
    }
    expect(sentAt).toEqual([0, 0, 0, 1000, 1000, 1000, 2000]);
  });

  it('counts reads and writes, and each caller, apart', async () => {
    const time = fakeTime();
    const pacer = new RequestPacer({ limit: 2, windowMs: 1000, now: time.now, sleep: time.sleep });
    for (const caller of ['a', 'b']) {
      for (const kind of ['read', 'write'] as const) {
        await pacer.acquire(caller, kind);
        await pacer.acquire(caller, kind);
      }
    }
    expect(time.sleeps).toEqual([]);
    await pacer.acquire('a', 'read');
    expect(time.sleeps).toEqual([1000]);
  });

  it('serves concurrent callers in order, each within the limit', async () => {
    const time = fakeTime();
    const pacer = new RequestPacer({ limit: 2, windowMs: 1000, now: time.now, sleep: time.sleep });
    const order: number[] = [];
    await Promise.all([0, 1, 2, 3, 4].map((i) => pacer.acquire('a', 'read').then(() => order.push(i))));
    expect(order).toEqual([0, 1, 2, 3, 4]);
    expect(time.now()).toBe(2000);
  });

  it('keeps serving after a sleep fails', async () => {
    let failed = false;
    let now = 0;
    const pacer = new RequestPacer({
      limit: 1,
      windowMs: 1000,
      now: () => now,
      sleep: async (ms) => {
        if (!failed) {
          failed = true;
          throw new Error('aborted');
        }
        now += ms;
      },
    });
    await pacer.acquire('a', 'read');
    await expect(pacer.acquire('a', 'read')).rejects.toThrow('aborted');
    await expect(pacer.acquire('a', 'read')).resolves.toBeUndefined();
  });
});
