import { describe, expect, it } from 'vitest';
import { InFlight } from '../../../server/service/in-flight.ts';

interface Deferred<T> {
  readonly promise: Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
}

function deferred<T>(): Deferred<T> {
  let resolve: (value: T) => void = () => {};
  let reject: (error: unknown) => void = () => {};
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('InFlight', () => {
  it('returns what the work returns when it is not draining', async () => {
    const inFlight = new InFlight();
    await expect(inFlight.run(async () => 42)).resolves.toBe(42);
  });

  it('passes the work\'s rejection on and forgets the work when it fails', async () => {
    const inFlight = new InFlight();
    await expect(inFlight.run(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(inFlight.size).toBe(0);
  });

  it('counts work while it runs and stops counting when it ends', async () => {
    const inFlight = new InFlight();
    const first = deferred<string>();
    const second = deferred<string>();
    const a = inFlight.run(() => first.promise);
    const b = inFlight.run(() => second.promise);
    expect(inFlight.size).toBe(2);
    first.resolve('a');
    await expect(a).resolves.toBe('a');
    expect(inFlight.size).toBe(1);
    second.resolve('b');
    await expect(b).resolves.toBe('b');
    expect(inFlight.size).toBe(0);
  });

  it('returns true at once when nothing runs', async () => {
    const inFlight = new InFlight();
    await expect(inFlight.drain(10_000)).resolves.toBe(true);
    expect(inFlight.draining).toBe(true);
  });

  it('waits for running work before it returns true', async () => {
    const inFlight = new InFlight();
    const work = deferred<string>();
    const running = inFlight.run(() => work.promise);
    let drained: boolean | null = null;
    const draining = inFlight.drain(10_000).then((done) => (drained = done));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(drained).toBeNull();
    work.resolve('done');
    await expect(draining).resolves.toBe(true);
    await expect(running).resolves.toBe('done');
  });

  it('counts work that failed as finished when it drains', async () => {
    const inFlight = new InFlight();
    const work = deferred<string>();
    const running = inFlight.run(() => work.promise);
    const draining = inFlight.drain(10_000);
    work.reject(new Error('sync failed'));
    await expect(running).rejects.toThrow('sync failed');
    await expect(draining).resolves.toBe(true);
  });

  it('refuses new work with null, without running it, once draining has begun', async () => {
    const inFlight = new InFlight();
    const work = deferred<void>();
    void inFlight.run(() => work.promise);
    const draining = inFlight.drain(10_000);
    let ran = false;
    await expect(
      inFlight.run(async () => {
        ran = true;
        return 'late';
      }),
    ).resolves.toBeNull();
    expect(ran).toBe(false);
    expect(inFlight.size).toBe(1);
    work.resolve();
    await draining;
  });

  it('returns false when the work outlasts the timeout', async () => {
    const inFlight = new InFlight();
    const work = deferred<void>();
    const running = inFlight.run(() => work.promise);
    await expect(inFlight.drain(20)).resolves.toBe(false);
    expect(inFlight.size).toBe(1);
    work.resolve();
    await running;
  });
});
