// The runtime's clock. A fixed start stays put (tests decide what "today" is) and moves only when
// the add-on sleeps or waits on a lock; without one it follows real time.

export interface FakeClock {
  now(): number;
  set(date: Date): void;
  advance(ms: number): void;
}

export function createClock(start?: Date): FakeClock {
  let fixed: number | null = start === undefined ? null : start.getTime();
  let offset = 0;
  return {
    now: () => (fixed ?? Date.now()) + offset,
    set(date) {
      fixed = date.getTime();
      offset = 0;
    },
    advance(ms) {
      offset += Math.max(0, ms);
    },
  };
}
