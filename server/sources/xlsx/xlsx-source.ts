import { randomUUID } from 'node:crypto';
import { chmod, copyFile, realpath, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import type ExcelJS from 'exceljs';
import type { CellValue } from '../../../shared/cells/cell-value.ts';
import type { SheetGrid } from '../../../shared/mapping/sheet-grid.ts';
import { isEmptyPlan, type WritePlan } from '../../../shared/write-plan/write-plan.ts';
import type { SheetSource, SourceIdentity } from '../../sync/sheet-source.ts';
import { applyTabPlan } from './apply-xlsx-plan.ts';
import { openWorkbook } from './open-workbook.ts';
import { META_SHEET, readWorkbookId, writeWorkbookId } from './workbook-identity.ts';
import { cellValueOf } from './xlsx-cell-value.ts';

export interface XlsxSourceOptions {
  /** Where the synced workbook goes; the input file itself by default. */
  readonly outPath?: string;
  /** Read only: a dry run never writes, so a read-only or open file is fine. */
  readonly readOnly?: boolean;
  /** Rows converted so far and in all, for a progress bar. */
  readonly onRows?: (done: number, total: number) => void;
}

/** The backup written beside a workbook before it is synced in place. */
export function backupPathOf(path: string): string {
  const ext = extname(path);
  return join(dirname(path), `${basename(path, ext)}.bak${ext}`);
}

/**
 * Text as Excel stores a control character in the file's XML (_x0000_), which exceljs decodes on
 * read but drops on write; a literal `_xHHHH_` in the text is escaped first, as Excel does.
 */
function escapedForXlsx(text: string): string {
  return text.replace(/_(x[0-9A-Fa-f]{4}_)/gu, '_x005F_$1').replaceAll('\u0000', '_x0000_');
}

/**
 * A local .xlsx workbook through exceljs. Only the service's columns, the id column and a very
 * hidden identity tab are ever written; everything else round-trips as exceljs read it.
 */
export class XlsxSource implements SheetSource {
  readonly path: string;
  readonly #options: XlsxSourceOptions;
  #workbook: ExcelJS.Workbook | null = null;
  #workbookId: string | null = null;
  #idIsNew = false;
  /** Text cells read with U+0000 in them, which exceljs would drop from the file on a rewrite. */
  readonly #nulCells = new Set<ExcelJS.Cell>();
  /** The path a backup was written to by apply(), if any. */
  backupPath: string | null = null;

  constructor(path: string, options: XlsxSourceOptions = {}) {
    this.path = path;
    this.#options = options;
  }

  async #load(): Promise<ExcelJS.Workbook> {
    this.#workbook ??= await openWorkbook(this.path, { mustWrite: this.#options.readOnly !== true && this.#options.outPath === undefined });
    return this.#workbook;
  }

  async identify(): Promise<SourceIdentity> {
    const workbook = await this.#load();
    if (this.#workbookId === null) {
      const stored = readWorkbookId(workbook);
      this.#idIsNew = stored === null;
      this.#workbookId = stored ?? `xlsx:${randomUUID()}`;
    }
    // .xlsx files carry no time zone; the settings' default (Asia/Tokyo) applies.
    return { spreadsheetId: this.#workbookId, kind: 'xlsx', title: basename(this.path, extname(this.path)), timeZone: null };
  }

  async read(): Promise<readonly SheetGrid[]> {
    const workbook = await this.#load();
    const sheets = workbook.worksheets.filter((s) => s.name !== META_SHEET);
    const total = sheets.reduce((n, s) => n + s.actualRowCount, 0);
    let done = 0;
    return sheets.map((sheet) => {
      const rows: CellValue[][] = [];
      sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
        const cells: CellValue[] = [];
        row.eachCell({ includeEmpty: false }, (cell, column) => {
          const value = cellValueOf(cell);
          if (typeof value === 'string' && typeof cell.value === 'string' && value.includes('\u0000')) this.#nulCells.add(cell);
          cells[column - 1] = value;
        });
        for (let i = 0; i < cells.length; i++) cells[i] ??= null;
        rows[rowNumber - 1] = cells;
        if (++done % 5000 === 0) this.#options.onRows?.(done, total);
      });
      for (let i = 0; i < rows.length; i++) rows[i] ??= [];
      return { name: sheet.name, rows };
    });
  }

  async apply(plan: WritePlan): Promise<void> {
    const workbook = await this.#load();
    const out = this.#options.outPath ?? this.path;
    // Nothing to change and the file already knows its id: leave the file untouched.
    if (isEmptyPlan(plan) && !this.#idIsNew && out === this.path) return;
    for (const tab of plan.tabs) {
      const sheet = workbook.getWorksheet(tab.sheet);
      if (sheet === undefined) throw new Error(`write plan names a missing tab: ${tab.sheet}`);
      applyTabPlan(sheet, tab);
    }
    if (this.#workbookId !== null) writeWorkbookId(workbook, this.#workbookId);
    // The team's cells keep their text, NUL included: Excel stores it escaped, and so must we.
    for (const cell of this.#nulCells) {
      if (typeof cell.value === 'string' && cell.value.includes('\u0000')) cell.value = escapedForXlsx(cell.value);
    }
    if (out === this.path) {
      this.backupPath = backupPathOf(this.path);
      await copyFile(this.path, this.backupPath);
    }
    // Written beside the target and renamed over it: a crash mid-write never leaves half a file.
    // Through a symlink to the real file, keeping its permission bits (a private 0600 workbook
    // of customer data must not come back world-readable).
    const target = await realpath(out).catch(() => out);
    const mode = await stat(target).then((s) => s.mode & 0o7777).catch(() => null);
    const temp = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
    try {
      await workbook.xlsx.writeFile(temp);
      if (mode !== null) await chmod(temp, mode);
      await rename(temp, target);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
    this.#idIsNew = false;
  }
}
