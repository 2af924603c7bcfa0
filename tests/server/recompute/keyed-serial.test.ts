import { describe, expect, it } from 'vitest';
import { KeyedSerial } from '../../../server/recompute/keyed-serial.ts';

const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 5));

describe('KeyedSerial', () => {
  it('runs work of one key one at a time, even when some of it fails', async () => {
    const serial = new KeyedSerial();
    let running = 0;
    let most = 0;
    const work = (fail: boolean) => async () => {
      running++;
      most = Math.max(most, running);
      await tick();
      running--;
      if (fail) throw new Error('failed');
      return 'ok';
    };
    const results = await Promise.allSettled([serial.run('a', work(false)), serial.run('a', work(true)), serial.run('a', work(false))]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(most).toBe(1);
  });

  it('runs work of different keys at once', async () => {
    const serial = new KeyedSerial();
    let running = 0;
    let most = 0;
    const work = async () => {
      running++;
      most = Math.max(most, running);
      await tick();
      running--;
    };
    await Promise.all([serial.run('a', work), serial.run('b', work)]);
    expect(most).toBe(2);
  });
});
