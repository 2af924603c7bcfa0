import type { SheetGrid } from '../../../shared/mapping/sheet-grid.ts';
import type { WritePlan } from '../../../shared/write-plan/write-plan.ts';
import type { GridSource } from '../../../server/sources/grid/grid-source.ts';
import type { SheetSource, SourceIdentity } from '../../../server/sync/sheet-source.ts';

/** A source whose write-back fails while `failing` is set, as a Sheets API outage would. */
export class FlakySource implements SheetSource {
  readonly inner: GridSource;
  failing: boolean;
  constructor(inner: GridSource, failing = true) {
    this.inner = inner;
    this.failing = failing;
  }
  identify(): Promise<SourceIdentity> {
    return this.inner.identify();
  }
  read(): Promise<readonly SheetGrid[]> {
    return this.inner.read();
  }
  async apply(plan: WritePlan): Promise<void> {
    if (this.failing) throw new Error('Sheets API: 503 backend error');
    await this.inner.apply(plan);
  }
}
