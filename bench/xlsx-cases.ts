// The .xlsx source on its own: loading and converting a generated workbook (XlsxSource.identify
// parses the file, read() converts cells) and applying the first sync's plan (apply() writes the
// synced workbook to a separate output path, so no backup copy is made).
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IsoDate } from '../shared/calendar/iso-date.ts';
import { openDatabase } from '../server/db/open-database.ts';
import { XlsxSource } from '../server/sources/xlsx/xlsx-source.ts';
import { syncSpreadsheet } from '../server/sync/sync-engine.ts';
import { createBenchDatabase } from './bench-database.ts';
import { generateDealGrid } from './deal-sheet.ts';
import { measurePeakRss, type RssPeak } from './rss-sampler.ts';
import { TimedSource } from './timed-source.ts';
import { timed } from './timing.ts';
import { writeDealWorkbook } from './xlsx-workbook.ts';

export interface XlsxCaseOptions {
  readonly rows: number;
  readonly runs: number;
  readonly seed: number;
  readonly today: IsoDate;
}

export interface XlsxRun {
  /** identify(): opening and parsing the workbook with exceljs. */
  readonly loadMs: number;
  /** read(): turning the parsed cells into grids. */
  readonly convertMs: number;
  /** apply(): writing the plan's cells and saving the workbook. */
  readonly applyMs: number;
  /** The whole syncSpreadsheet call. */
  readonly syncMs: number;
  readonly cellsWritten: number;
  readonly inserted: number;
  readonly outputBytes: number;
}

export interface XlsxCaseResult {
  readonly rows: number;
  readonly generateMs: number;
  readonly fileBytes: number;
  readonly runs: readonly XlsxRun[];
  /** Peak RSS of the first run's sync (exceljs holds the whole workbook in memory). */
  readonly rss: RssPeak;
}

export async function runXlsxCase(adminUrl: string, options: XlsxCaseOptions): Promise<XlsxCaseResult> {
  const dir = await mkdtemp(join(tmpdir(), 'sheets-sfa-bench-'));
  try {
    const input = join(dir, 'deals.xlsx');
    const { ms: generateMs } = await timed(() => writeDealWorkbook(input, generateDealGrid(options.rows, options)));
    const fileBytes = (await stat(input)).size;
    const runs: XlsxRun[] = [];
    let rss: RssPeak | null = null;
    for (let run = 0; run < options.runs; run++) {
      const database = await createBenchDatabase(adminUrl, `xlsx_${options.rows}_${run}`);
      const db = await openDatabase({ kind: 'postgres', url: database.url });
      try {
        const output = join(dir, `synced-${run}.xlsx`);
        const source = new TimedSource(new XlsxSource(input, { outPath: output }));
        const measured = await measurePeakRss(() => timed(() => syncSpreadsheet(db, source, { now: options.today })));
        rss ??= measured.rss;
        const { ms, result: report } = measured.result;
        const deals = report.tabs.find((t) => t.kind === 'deals');
        if (deals?.inserted !== options.rows) throw new Error(`xlsx sync inserted ${deals?.inserted ?? 0} deals, expected ${options.rows}`);
        runs.push({
          loadMs: source.times.identifyMs,
          convertMs: source.times.readMs,
          applyMs: source.times.applyMs,
          syncMs: ms,
          cellsWritten: report.cellsWritten,
          inserted: deals.inserted,
          outputBytes: (await stat(output)).size,
        });
        await rm(output, { force: true });
      } finally {
        await db.destroy();
        await database.drop();
      }
    }
    if (rss === null) throw new Error('runs must be at least 1');
    return { rows: options.rows, generateMs, fileBytes, runs, rss };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
