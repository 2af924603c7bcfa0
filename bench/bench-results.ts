// The benchmark's results: the table rows, the targets and whether they are met, built from what
// the workers reported. Written as JSON to bench/results/latest.json.
import type { CpuSummary } from './cpu-profile-summary.ts';
import { googlePathNotes, googlePathRows, googlePathTargets, type WithRss } from './google-path-results.ts';
import type { GoogleCasesResult } from './google-source-cases.ts';
import type { LoadResult } from './load-cases.ts';
import type { ProfileCaseResult } from './profile-case.ts';
import type { PushCasesResult } from './push-sync-cases.ts';
import type { SyncCasesResult } from './sync-cases.ts';
import { best, rowsPerSecond } from './timing.ts';
import type { XlsxCaseResult } from './xlsx-cases.ts';

export interface CaseRow {
  readonly id: string;
  readonly label: string;
  readonly rows: number;
  readonly bestMs: number;
  readonly runsMs: readonly number[];
  readonly rowsPerSecond: number;
  readonly note: string;
}

export interface TargetCheck {
  readonly name: string;
  readonly value: number;
  readonly target: string;
  readonly met: boolean;
  readonly detail: string;
  /** The value as printed, when a bare number would not say it (units, several figures). */
  readonly shown?: string;
}

export interface Measurements {
  readonly sync: ReadonlyMap<number, SyncCasesResult & { readonly workerMaxRssMb: number }>;
  readonly copy: ReadonlyMap<number, LoadResult>;
  readonly copyWithKey: ReadonlyMap<number, LoadResult>;
  readonly naive: ReadonlyMap<number, LoadResult>;
  readonly xlsx: ReadonlyMap<number, XlsxCaseResult>;
  readonly xlsxSkipped: readonly string[];
  readonly profile: ProfileCaseResult | null;
  readonly cpu: CpuSummary | null;
  readonly push: ReadonlyMap<number, WithRss<PushCasesResult>>;
  readonly google: ReadonlyMap<number, WithRss<GoogleCasesResult>>;
}

export interface BenchResults {
  readonly generatedAt: string;
  readonly environment: { readonly node: string; readonly postgres: string; readonly cpus: number; readonly memoryGiB: number; readonly server: string; readonly loadAverage: { readonly atStart: number; readonly atEnd: number } };
  readonly config: { readonly sizes: readonly number[]; readonly runs: number; readonly seed: number; readonly today: string; readonly editFraction: number };
  readonly table: readonly CaseRow[];
  readonly targets: readonly TargetCheck[];
  readonly problems: readonly string[];
  /** What some cases' figures include or leave out. */
  readonly notes: readonly string[];
  readonly durationMs: number;
  readonly raw: {
    readonly sync: Record<string, SyncCasesResult & { readonly workerMaxRssMb: number }>;
    readonly copy: Record<string, LoadResult>;
    readonly copyWithKey: Record<string, LoadResult>;
    readonly naive: Record<string, LoadResult>;
    readonly xlsx: Record<string, XlsxCaseResult>;
    readonly xlsxSkipped: readonly string[];
    readonly profile: ProfileCaseResult | null;
    readonly cpu: CpuSummary | null;
    readonly push: Record<string, WithRss<PushCasesResult>>;
    readonly google: Record<string, WithRss<GoogleCasesResult>>;
  };
}

const mb = (n: number): string => `${Math.round(n)} MB`;

function row(id: string, label: string, rows: number, runsMs: readonly number[], note = ''): CaseRow {
  const bestMs = best(runsMs);
  return { id, label, rows, bestMs, runsMs, rowsPerSecond: rowsPerSecond(rows, bestMs), note };
}

export function caseRows(m: Measurements): CaseRow[] {
  const rows: CaseRow[] = [];
  for (const [size, s] of m.sync) {
    const rss = s.fullSyncRss;
    rows.push(row('a', '(a) full sync, GridSource', size, s.full.map((r) => r.ms), `peak RSS ${mb(rss.peakMb)} (grid alone ${mb(rss.baselineMb)}); ${s.full[0]?.cellsWritten ?? 0} cells written`));
    const edits = s.edit.map((r) => `${r.updated} upd/${r.written.deals} rows/${r.cellsWritten} cells`);
    rows.push(row('b', '(b) re-sync, 1% edited', size, s.edit.map((r) => r.ms), edits[0] ?? ''));
    const written = Math.max(...s.noop.map((r) => r.written.deals));
    const cells = Math.max(...s.noop.map((r) => r.cellsWritten));
    rows.push(row('c', '(c) re-sync, unchanged', size, s.noop.map((r) => r.ms), `deal rows written ${written}, cells ${cells}`));
    const copy = m.copy.get(size);
    if (copy !== undefined) rows.push(row('d', '(d) COPY FROM STDIN, bare table', size, copy.runsMs, `${copy.rowsLoaded} rows loaded`));
    const keyed = m.copyWithKey.get(size);
    if (keyed !== undefined) rows.push(row('d+pk', '    COPY, table with primary key', size, keyed.runsMs, 'reference: deals has this PK'));
    const naive = m.naive.get(size);
    if (naive !== undefined) rows.push(row('e', '(e) naive row-by-row upsert', size, naive.runsMs, `${naive.rowsLoaded} rows; autocommit per row`));
  }
  for (const [size, x] of m.xlsx) {
    const read = x.runs.map((r) => r.loadMs + r.convertMs);
    const firstRun = x.runs[0];
    const readNote = firstRun === undefined ? '' : `load ${Math.round(firstRun.loadMs)} + convert ${Math.round(firstRun.convertMs)} ms; file ${(x.fileBytes / 1e6).toFixed(1)} MB`;
    rows.push(row('xlsx-read', '.xlsx read (XlsxSource load+read)', size, read, readNote));
    rows.push(row('xlsx-apply', '.xlsx write (apply first plan)', size, x.runs.map((r) => r.applyMs), `${firstRun?.cellsWritten ?? 0} cells`));
    rows.push(row('xlsx-sync', '.xlsx whole first sync', size, x.runs.map((r) => r.syncMs), `peak RSS ${mb(x.rss.peakMb)}`));
  }
  rows.push(...googlePathRows(m.push, m.google));
  return rows;
}

export function caseNotes(m: Measurements): string[] {
  return googlePathNotes(m.push, m.google);
}

export function targetChecks(m: Measurements, largest: number): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const big = m.sync.get(largest);
  const copy = m.copy.get(largest);
  if (big !== undefined && copy !== undefined) {
    const value = best(big.full.map((r) => r.ms)) / best(copy.runsMs);
    checks.push({ name: `(a)/(d) at ${largest} rows`, value, target: '<= 4', met: value <= 4, detail: 'full sync time over the COPY floor' });
  }
  for (const [size, s] of m.sync) {
    const value = best(s.edit.map((r) => r.ms)) / best(s.full.map((r) => r.ms));
    checks.push({ name: `(b)/(a) at ${size} rows`, value, target: '<= 0.15', met: value <= 0.15, detail: '1%-edited re-sync over full sync' });
  }
  for (const [size, s] of m.sync) {
    const value = Math.max(...s.noop.map((r) => Math.max(r.written.deals, r.written.dealsUpdatedAt, r.written.dealStageHistory, r.cellsWritten)));
    const counts = s.noop.every((r) => r.counts.inserted === 0 && r.counts.updated === 0 && r.counts.removed === 0);
    checks.push({
      name: `(c) rows written at ${size} rows`,
      value,
      target: '0',
      met: value === 0 && counts,
      detail: 'deal + stage-history rows (xmin and updated_at) and cells; inserted/updated/removed all 0. Each sync still writes its bookkeeping: 1 spreadsheets row, 1 sync_runs row',
    });
  }
  if (big !== undefined) {
    const value = big.fullSyncRss.peakMb;
    checks.push({
      name: `peak RSS, full sync at ${largest} rows`,
      value,
      target: '<= 400 MB',
      met: value <= 400,
      detail: `fresh worker: ${mb(big.modulesRssMb)} after imports, ${mb(big.fullSyncRss.baselineMb)} with the grid, sampled peak ${mb(big.fullSyncRss.sampledPeakMb)}, maxRSS ${mb(big.fullSyncRss.maxRssMb)}`,
    });
  }
  checks.push(...googlePathTargets(m.push, m.google, largest));
  return checks;
}
