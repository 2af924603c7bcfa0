// A SheetSource decorator that times each call into the source it wraps.
import type { SheetGrid } from '../shared/mapping/sheet-grid.ts';
import type { WritePlan } from '../shared/write-plan/write-plan.ts';
import type { SheetSource, SourceIdentity } from '../server/sync/sheet-source.ts';

export interface SourceTimes {
  identifyMs: number;
  readMs: number;
  applyMs: number;
}

export class TimedSource implements SheetSource {
  readonly times: SourceTimes = { identifyMs: 0, readMs: 0, applyMs: 0 };
  readonly #inner: SheetSource;

  constructor(inner: SheetSource) {
    this.#inner = inner;
  }

  async identify(): Promise<SourceIdentity> {
    const start = performance.now();
    try {
      return await this.#inner.identify();
    } finally {
      this.times.identifyMs += performance.now() - start;
    }
  }

  async read(): Promise<readonly SheetGrid[]> {
    const start = performance.now();
    try {
      return await this.#inner.read();
    } finally {
      this.times.readMs += performance.now() - start;
    }
  }

  async apply(plan: WritePlan): Promise<void> {
    const start = performance.now();
    try {
      await this.#inner.apply(plan);
    } finally {
      this.times.applyMs += performance.now() - start;
    }
  }
}
