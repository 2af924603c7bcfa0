// Syncing an .xlsx workbook in place must leave everything the team owns exactly as it was:
// sheets, cells (values, formulas, styles), widths, hidden flags, merges, validations and
// conditional formats. Only `[SFA]` columns and the very hidden identity tab may appear.
import { chmod, copyFile, mkdir, mkdtemp, readFile, rename, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../server/db/database.ts';
import { openDatabase } from '../../../server/db/open-database.ts';
import { backupPathOf, XlsxSource } from '../../../server/sources/xlsx/xlsx-source.ts';
import { META_SHEET } from '../../../server/sources/xlsx/workbook-identity.ts';
import { syncSpreadsheet } from '../../../server/sync/sync-engine.ts';
import { columnLetter as columnLetterOf } from '../../../shared/mapping/column-letter.ts';
import type { SyncReport } from '../../../server/sync/sync-report.ts';

const EXAMPLE = fileURLToPath(new URL('../../../examples/sales-pipeline.xlsx', import.meta.url));
const NOW = '2026-11-20';
const SFA_HEADER = /\[SFA\]\s*$/;
const ID_HEADERS = new Set(['ID [SFA]']);

// ---------------------------------------------------------------------------------------------
// Workbooks

async function loadWorkbook(path: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return workbook;
}

function sheetOf(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const sheet = workbook.getWorksheet(name);
  if (sheet === undefined) throw new Error(`no sheet ${name}`);
  return sheet;
}

/** A team's own workbook with English headers in an order of its own and the usual trimmings. */
function handBuiltWorkbook(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.created = new Date('2026-01-05T00:00:00Z');
  workbook.modified = new Date('2026-01-05T00:00:00Z');

  const sheet = workbook.addWorksheet('Pipeline', { views: [{ state: 'frozen', ySplit: 2, topLeftCell: 'A3', activeCell: 'A3' }] });
  sheet.columns = [{ width: 14 }, { width: 16 }, { width: 15 }, { width: 11 }, { width: 13 }, { width: 24 }, { width: 30 }, { width: 17 }, { width: 40 }];
  sheet.getColumn(9).hidden = true;

  sheet.mergeCells('A1:I1');
  const title = sheet.getCell('A1');
  title.value = 'FY2026 pipeline — west region';
  title.font = { name: 'Arial', size: 14, bold: true, color: { argb: 'FF1F4E78' } };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  title.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };

  const headers = ['Stage', 'Owner', 'Amount', 'Probability', 'Weighted', 'Account', 'Deal name', 'Next action date', 'Internal notes'];
  sheet.getRow(2).values = headers;
  for (let c = 1; c <= headers.length; c++) {
    const cell = sheet.getCell(2, c);
    cell.font = { name: 'Arial', bold: true, color: { argb: 'FFFFFFFF' } };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF305496' } };
    cell.border = { top: { style: 'thin' }, bottom: { style: 'medium', color: { argb: 'FF000000' } }, left: { style: 'thin' }, right: { style: 'thin' } };
    cell.alignment = { horizontal: 'center', wrapText: true };
  }

  const deals: readonly (readonly [string, string, number, number, string, string, string, string])[] = [
    ['Proposal', 'Alice Baker', 1_200_000, 0.3, 'Acme Corp', 'ERP rollout', '2026-11-02', 'CFO wants a demo'],
    ['Quote', 'Bob Chen', 3_500_000, 0.5, 'Globex', 'Warehouse scanners', '2026-12-01', ''],
    ['Lead', 'Alice Baker', 400_000, 0.1, 'Initech', 'Printer fleet', '2026-10-15', 'met at trade show'],
    ['Closing', 'Dana Evans', 8_000_000, 0.8, 'Umbrella KK', 'Plant IoT phase 1', '2026-11-25', 'legal review'],
    ['Won', 'Bob Chen', 950_000, 1, 'Hooli', 'Backup renewal', '2026-11-30', ''],
    ['Lost', 'Dana Evans', 2_000_000, 0, 'Vandelay Industries', 'Import tracking', '2026-09-01', 'price'],
  ];
  deals.forEach(([stage, owner, amount, probability, account, dealName, nextOn, notes], i) => {
    const r = 3 + i;
    const row = sheet.getRow(r);
    row.getCell(1).value = stage;
    row.getCell(1).dataValidation = { type: 'list', allowBlank: true, formulae: ['"Lead,Proposal,Quote,Closing,Won,Lost"'] };
    row.getCell(2).value = owner;
    row.getCell(3).value = amount;
    row.getCell(3).numFmt = '#,##0';
    row.getCell(4).value = probability;
    row.getCell(4).numFmt = '0%';
    row.getCell(5).value = { formula: `C${r}*D${r}`, result: amount * probability };
    row.getCell(5).numFmt = '#,##0';
    row.getCell(5).font = { italic: true, color: { argb: 'FF7F7F7F' } };
    row.getCell(6).value = account;
    row.getCell(7).value = dealName;
    row.getCell(8).value = new Date(`${nextOn}T00:00:00Z`);
    row.getCell(8).numFmt = 'yyyy-mm-dd';
    row.getCell(9).value = notes === '' ? null : notes;
    row.getCell(9).alignment = { wrapText: true, vertical: 'top' };
    for (let c = 1; c <= headers.length; c++) row.getCell(c).border = { bottom: { style: 'hair', color: { argb: 'FFBFBFBF' } } };
  });
  // The team's own highlight: big deals in bold red.
  sheet.addConditionalFormatting({
    ref: 'C3:C8',
    rules: [{ type: 'cellIs', operator: 'greaterThan', priority: 1, formulae: ['3000000'], style: { font: { bold: true, color: { argb: 'FF9C0006' } } } }],
  });

  const lookup = workbook.addWorksheet('Lookup', { properties: { tabColor: { argb: 'FF00B050' } } });
  lookup.columns = [{ width: 20 }, { width: 12 }];
  lookup.mergeCells('A1:B1');
  lookup.getCell('A1').value = 'Probability by rank';
  lookup.getCell('A1').font = { bold: true };
  lookup.getRow(2).values = ['A', 0.8];
  lookup.getRow(3).values = ['B', 0.5];
  lookup.getRow(4).values = ['C', 0.2];
  for (const r of [2, 3, 4]) lookup.getCell(r, 2).numFmt = '0%';
  lookup.getCell('A6').value = 'Pipeline total';
  lookup.getCell('B6').value = { formula: 'SUM(Pipeline!C3:C8)', result: 16_050_000 };
  lookup.getCell('B6').numFmt = '#,##0';

  const archive = workbook.addWorksheet('Archive 2025', { state: 'hidden' });
  archive.getRow(1).values = ['Account', 'Deal name', 'Stage'];
  archive.getRow(2).values = ['Old Co', 'Legacy deal', 'Won'];
  return workbook;
}

// ---------------------------------------------------------------------------------------------
// Comparing what the team owns

interface CellDiff {
  readonly sheet: string;
  readonly address: string;
  readonly before: unknown;
  readonly after: unknown;
}

/** JSON-safe: undefined properties dropped, dates as ISO strings, so key order never matters. */
function plain(value: unknown): unknown {
  const text = JSON.stringify(value ?? null);
  return JSON.parse(text) as unknown;
}

function cellSnapshot(cell: ExcelJS.Cell): unknown {
  return plain({
    value: cell.value,
    formula: cell.formula,
    font: cell.font,
    fill: cell.fill,
    border: cell.border,
    numFmt: cell.numFmt,
    alignment: cell.alignment,
  });
}

function headerText(sheet: ExcelJS.Worksheet, row: number, column: number): string {
  const value = sheet.getCell(row, column).value;
  return typeof value === 'string' ? value : '';
}

/** The columns of a synced sheet whose header the service wrote. */
function serviceColumns(sheet: ExcelJS.Worksheet, headerRow: number | null): number[] {
  if (headerRow === null) return [];
  const columns: number[] = [];
  for (let c = 1; c <= sheet.columnCount; c++) if (SFA_HEADER.test(headerText(sheet, headerRow, c))) columns.push(c);
  return columns;
}

function cellDiffs(before: ExcelJS.Worksheet, after: ExcelJS.Worksheet, skipColumns: ReadonlySet<number>): CellDiff[] {
  const diffs: CellDiff[] = [];
  const rows = Math.max(before.rowCount, after.rowCount);
  const columns = Math.max(before.columnCount, after.columnCount);
  for (let r = 1; r <= rows; r++) {
    for (let c = 1; c <= columns; c++) {
      if (skipColumns.has(c)) continue;
      const a = cellSnapshot(before.getCell(r, c));
      const b = cellSnapshot(after.getCell(r, c));
      if (!isDeepStrictEqual(a, b)) diffs.push({ sheet: before.name, address: before.getCell(r, c).address, before: a, after: b });
    }
  }
  return diffs;
}

interface WorksheetExtras {
  readonly merges: string[];
  readonly dataValidations: Record<string, unknown>;
  readonly conditionalFormattings: { readonly ref: string }[];
}

function extrasOf(sheet: ExcelJS.Worksheet): WorksheetExtras {
  // exceljs's model has these; its typings leave them out.
  const model = sheet.model as unknown as Partial<WorksheetExtras>;
  return {
    merges: [...(model.merges ?? [])].sort(),
    dataValidations: model.dataValidations ?? {},
    conditionalFormattings: model.conditionalFormattings ?? [],
  };
}

function columnOfAddress(address: string): number {
  const letters = /^\$?([A-Z]+)/.exec(address)?.[1] ?? '';
  return [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}

/** Every column a range like `S5:X305` (or several, space separated) touches. */
function columnsOfRef(ref: string): number[] {
  const out: number[] = [];
  for (const part of ref.split(/\s+/)) {
    const [from, to] = part.split(':');
    if (from === undefined) continue;
    const first = columnOfAddress(from);
    const last = to === undefined ? first : columnOfAddress(to);
    for (let c = first; c <= last; c++) out.push(c);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The cases

interface Case {
  readonly name: string;
  /** Writes the team's workbook to `path`. */
  readonly create: (path: string) => Promise<void>;
  /** Header row of every tab the sync should take up; other sheets must come back untouched. */
  readonly synced: Readonly<Record<string, number>>;
  readonly deals: number;
}

const CASES: readonly Case[] = [
  {
    name: 'the example workbook',
    create: (path) => copyFile(EXAMPLE, path),
    synced: { 案件一覧: 4, 訪問記録: 2, 特別対応申請: 1 },
    deals: 300,
  },
  {
    name: 'a hand-built workbook with English headers',
    create: async (path) => {
      await handBuiltWorkbook().xlsx.writeFile(path);
    },
    synced: { Pipeline: 2 },
    deals: 6,
  },
];

let root: string;
let db: Db;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'sheets-sfa-round-trip-'));
  db = await openDatabase({ kind: 'pglite', dataDir: null });
});

afterAll(async () => {
  await db?.destroy();
  if (root !== undefined) await rm(root, { recursive: true, force: true });
});

async function sync(path: string, options: { outPath?: string } = {}): Promise<{ report: SyncReport; source: XlsxSource }> {
  const source = new XlsxSource(path, options);
  const report = await syncSpreadsheet(db, source, { now: NOW });
  return { report, source };
}

describe.each(CASES)('syncing $name in place', (c) => {
  let dir: string;
  let path: string;
  let originalBytes: Buffer;
  let first: { report: SyncReport; source: XlsxSource };
  let before: ExcelJS.Workbook;
  let after: ExcelJS.Workbook;

  beforeAll(async () => {
    dir = await mkdtemp(join(root, 'case-'));
    path = join(dir, 'pipeline.xlsx');
    await c.create(path);
    originalBytes = await readFile(path);
    before = await loadWorkbook(path);
    first = await sync(path);
    after = await loadWorkbook(path);
  });

  it('takes up the expected tabs and inserts every deal when synced for the first time', () => {
    expect(first.report.tabs.map((t) => t.sheet).sort()).toEqual(Object.keys(c.synced).sort());
    const deals = first.report.tabs.find((t) => t.kind === 'deals');
    expect(deals).toMatchObject({ read: c.deals, inserted: c.deals, updated: 0, removed: 0 });
    expect(first.report.cellsWritten).toBeGreaterThan(0);
  });

  it('keeps every sheet with its name, order and state when the workbook is rewritten', () => {
    const shape = (wb: ExcelJS.Workbook) => wb.worksheets.map((s) => ({ name: s.name, state: s.state }));
    expect(shape(after).filter((s) => s.name !== META_SHEET)).toEqual(shape(before));
    // The identity tab is the only sheet added, last and very hidden.
    expect(shape(after).at(-1)).toEqual({ name: META_SHEET, state: 'veryHidden' });
    expect(after.worksheets).toHaveLength(before.worksheets.length + 1);
  });

  it('keeps every team cell identical (value, formula, font, fill, border, numFmt, alignment) when service columns are added', () => {
    const diffs: CellDiff[] = [];
    for (const original of before.worksheets) {
      const synced = sheetOf(after, original.name);
      const service = new Set(serviceColumns(synced, c.synced[original.name] ?? null));
      diffs.push(...cellDiffs(original, synced, service));
    }
    expect(diffs.slice(0, 10)).toEqual([]);
  });

  it('adds only columns headed `[SFA]`, each where the team had no cell, when it writes back', () => {
    for (const original of before.worksheets) {
      const synced = sheetOf(after, original.name);
      const headerRow = c.synced[original.name];
      const service = serviceColumns(synced, headerRow ?? null);
      if (headerRow === undefined) {
        expect(service, original.name).toEqual([]);
        continue;
      }
      expect(service.length, original.name).toBeGreaterThan(0);
      // Everything right of the team's last column is the service's, and nothing else is.
      const teamColumns = original.columnCount;
      expect(service, original.name).toEqual(Array.from({ length: synced.columnCount - teamColumns }, (_, i) => teamColumns + 1 + i));
      for (const column of service) {
        for (let r = 1; r <= original.rowCount; r++) expect(original.getCell(r, column).value, `${original.name} ${r}:${column}`).toBeNull();
      }
    }
  });

  it('keeps team column widths and hidden flags when service columns get their own', () => {
    for (const original of before.worksheets) {
      const synced = sheetOf(after, original.name);
      const service = new Set(serviceColumns(synced, c.synced[original.name] ?? null));
      for (let col = 1; col <= Math.max(original.columnCount, synced.columnCount); col++) {
        if (service.has(col)) continue;
        const a = original.getColumn(col);
        const b = synced.getColumn(col);
        expect({ width: b.width, hidden: b.hidden }, `${original.name} column ${col}`).toEqual({ width: a.width, hidden: a.hidden });
      }
    }
  });

  it('keeps merges, views, the autofilter and the team data validations when synced', () => {
    for (const original of before.worksheets) {
      const synced = sheetOf(after, original.name);
      const a = extrasOf(original);
      const b = extrasOf(synced);
      expect(b.merges, original.name).toEqual(a.merges);
      expect(plain(synced.views), original.name).toEqual(plain(original.views));
      const service = new Set(serviceColumns(synced, c.synced[original.name] ?? null));
      // The team's AutoFilter is widened over the service columns (Excel sorts only its range,
      // and ids must move with their rows); its start and its rows stay as they were.
      const filter = original.autoFilter;
      if (typeof filter === 'string' && service.size > 0) {
        const [start = '', end = ''] = filter.split(':');
        const endRow = end.replace(/^[A-Z]+/, '');
        expect(synced.autoFilter, original.name).toBe(`${start}:${columnLetterOf(Math.max(...service))}${endRow}`);
      } else {
        expect(plain(synced.autoFilter), original.name).toEqual(plain(original.autoFilter));
      }
      const teamValidations = (v: Record<string, unknown>) =>
        plain(Object.fromEntries(Object.entries(v).filter(([address]) => columnsOfRef(address).every((col) => !service.has(col)))));
      expect(teamValidations(b.dataValidations), original.name).toEqual(teamValidations(a.dataValidations));
    }
  });

  it('keeps the team conditional formats and puts its own only on service columns when synced', () => {
    for (const original of before.worksheets) {
      const synced = sheetOf(after, original.name);
      const a = extrasOf(original).conditionalFormattings;
      const b = extrasOf(synced).conditionalFormattings;
      const service = new Set(serviceColumns(synced, c.synced[original.name] ?? null));
      const isTeam = (cf: { readonly ref: string }) => columnsOfRef(cf.ref).some((col) => !service.has(col));
      expect(plain(b.filter(isTeam)), original.name).toEqual(plain(a));
    }
    if (c.name.startsWith('a hand-built')) expect(extrasOf(sheetOf(before, 'Pipeline')).conditionalFormattings).toHaveLength(1);
  });

  it('hides the ID column and nothing else of its own when it creates it', () => {
    for (const [name, headerRow] of Object.entries(c.synced)) {
      const synced = sheetOf(after, name);
      const service = serviceColumns(synced, headerRow);
      const ids = service.filter((col) => ID_HEADERS.has(headerText(synced, headerRow, col)));
      expect(ids, name).toHaveLength(1);
      for (const col of service) expect(synced.getColumn(col).hidden, `${name} ${headerText(synced, headerRow, col)}`).toBe(ids.includes(col));
    }
  });

  it('leaves a backup byte-identical to the original when it writes in place', async () => {
    expect(first.source.backupPath).toBe(backupPathOf(path));
    expect(first.source.backupPath).toBe(join(dir, 'pipeline.bak.xlsx'));
    expect((await readFile(backupPathOf(path))).equals(originalBytes)).toBe(true);
    expect((await readFile(path)).equals(originalBytes)).toBe(false);
  });

  it('does not rewrite the file at all when synced again with no edits', async () => {
    const bytes = await readFile(path);
    const stats = await stat(path);
    const backupStats = await stat(backupPathOf(path));
    const second = await sync(path);
    expect(second.report.spreadsheetId).toBe(first.report.spreadsheetId);
    for (const tab of second.report.tabs) expect(tab, tab.sheet).toMatchObject({ inserted: 0, updated: 0, removed: 0, unchanged: tab.read });
    expect(second.report.cellsWritten).toBe(0);
    expect(second.source.backupPath).toBeNull();
    expect((await readFile(path)).equals(bytes)).toBe(true);
    const again = await stat(path);
    expect({ ino: again.ino, mtimeMs: again.mtimeMs }).toEqual({ ino: stats.ino, mtimeMs: stats.mtimeMs });
    expect((await stat(backupPathOf(path))).mtimeMs).toBe(backupStats.mtimeMs);
  });

  it('keeps the spreadsheet id and inserts nothing when the synced file is renamed and moved', async () => {
    const elsewhere = join(dir, 'moved', 'deep');
    await mkdir(elsewhere, { recursive: true });
    const moved = join(elsewhere, 'renamed pipeline (copy).xlsx');
    await copyFile(path, join(dir, 'keep.xlsx'));
    await rename(path, moved);
    try {
      const bytes = await readFile(moved);
      const third = await sync(moved);
      expect(third.report.spreadsheetId).toBe(first.report.spreadsheetId);
      expect(third.report.title).toBe('renamed pipeline (copy)');
      for (const tab of third.report.tabs) expect(tab, tab.sheet).toMatchObject({ inserted: 0, updated: 0, removed: 0 });
      expect((await readFile(moved)).equals(bytes)).toBe(true);
    } finally {
      await rename(join(dir, 'keep.xlsx'), path);
    }
  });

  it('leaves the input untouched and writes the synced workbook elsewhere when given an out path', async () => {
    const outDir = await mkdtemp(join(root, 'out-'));
    const input = join(outDir, 'input.xlsx');
    const output = join(outDir, 'synced', 'output.xlsx');
    await mkdir(join(outDir, 'synced'));
    await c.create(input);
    const inputBytes = await readFile(input);
    const { report, source } = await sync(input, { outPath: output });
    expect(report.cellsWritten).toBeGreaterThan(0);
    expect(source.backupPath).toBeNull();
    expect((await readFile(input)).equals(inputBytes)).toBe(true);
    await expect(stat(backupPathOf(input))).rejects.toMatchObject({ code: 'ENOENT' });
    const written = await loadWorkbook(output);
    expect(written.getWorksheet(META_SHEET)?.state).toBe('veryHidden');
    for (const [name, headerRow] of Object.entries(c.synced)) expect(serviceColumns(sheetOf(written, name), headerRow).length, name).toBeGreaterThan(0);
    // The input itself still has no service columns and no identity tab.
    const untouched = await loadWorkbook(input);
    expect(untouched.getWorksheet(META_SHEET)).toBeUndefined();
  });
});

describe('writing a workbook in place', () => {
  // Production bug: apply() writes a new temp file (mode 0666 & ~umask) and renames it over the
  // workbook, so a private 0600 workbook of customer data comes back world-readable (0644).
  it('keeps the permission bits of the workbook when it replaces the file', async () => {
    const dir = await mkdtemp(join(root, 'mode-'));
    const path = join(dir, 'private pipeline.xlsx');
    await handBuiltWorkbook().xlsx.writeFile(path);
    await chmod(path, 0o600);
    const { report } = await sync(path);
    expect(report.cellsWritten).toBeGreaterThan(0);
    const octal = async (file: string) => ((await stat(file)).mode & 0o777).toString(8);
    expect(await octal(backupPathOf(path))).toBe('600');
    expect(await octal(path)).toBe('600');
  });
});

describe('a stage column without a validation of the team', () => {
  // Production bug: tabSetup() offers the default (Japanese) stage labels plus the explicit
  // stageLabels keys as the dropdown, never the labels the team actually writes, so on an English
  // sheet the list validation added to the team's own Stage column rejects every existing value.
  it('adds no list validation that rejects the stage labels the team already uses', async () => {
    const dir = await mkdtemp(join(root, 'dropdown-'));
    const path = join(dir, 'pipeline.xlsx');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Pipeline');
    sheet.getRow(1).values = ['Stage', 'Account', 'Deal name', 'Owner'];
    sheet.getRow(2).values = ['Proposal', 'Acme Corp', 'ERP rollout', 'Alice Baker'];
    sheet.getRow(3).values = ['Quote', 'Globex', 'Warehouse scanners', 'Bob Chen'];
    sheet.getRow(4).values = ['Won', 'Hooli', 'Backup renewal', 'Bob Chen'];
    await workbook.xlsx.writeFile(path);
    const { report } = await sync(path);
    expect(report.issues).toEqual([]);
    const synced = sheetOf(await loadWorkbook(path), 'Pipeline');
    const rejected: string[] = [];
    for (let r = 2; r <= 4; r++) {
      const cell = synced.getCell(r, 1);
      const validation = cell.dataValidation as ExcelJS.DataValidation | undefined;
      if (validation?.type !== 'list') continue;
      const allowed = (validation.formulae[0] ?? '').replace(/^"|"$/g, '').split(',');
      if (!allowed.includes(String(cell.value))) rejected.push(`${cell.address} ${String(cell.value)} not in ${allowed.join('/')}`);
    }
    expect(rejected).toEqual([]);
  });
});
