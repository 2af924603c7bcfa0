import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import type { Workbook, Worksheet } from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  DEAL_FIRST_DATA_ROW,
  DEAL_HEADER_ROW,
  DEAL_HEADERS,
  REQUEST_HEADER_ROW,
  REQUEST_HEADERS,
  SHEET_NAMES,
  VISIT_HEADER_ROW,
  VISIT_HEADERS,
  generateExampleWorkbook,
  plantedCells,
} from '../../examples/generate-example-workbook.ts';

const README = fileURLToPath(new URL('../../examples/README.md', import.meta.url));
const COMMITTED = fileURLToPath(new URL('../../examples/sales-pipeline.xlsx', import.meta.url));

/** Every non-empty cell of every sheet, as JSON-safe values (dates as ISO strings). */
function snapshot(workbook: Workbook): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const sheet of workbook.worksheets) {
    const cells: Record<string, unknown> = {};
    sheet.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        cells[cell.address] = cell.value instanceof Date ? cell.value.toISOString() : cell.value;
      });
    });
    out[sheet.name] = cells;
  }
  return out;
}

/** What a reader of the .xlsx sees: write the workbook out and load it back. */
async function roundTrip(workbook: Workbook): Promise<Workbook> {
  const buffer = await workbook.xlsx.writeBuffer();
  const loaded = new ExcelJS.Workbook();
  await loaded.xlsx.load(buffer);
  return loaded;
}

function sheet(workbook: Workbook, name: string): Worksheet {
  const found = workbook.getWorksheet(name);
  if (found === undefined) throw new Error(`no sheet ${name}`);
  return found;
}

function headerTexts(ws: Worksheet, row: number, count: number): unknown[] {
  return Array.from({ length: count }, (_, i) => ws.getRow(row).getCell(i + 1).value);
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

interface ReadmeCell {
  sheet: string;
  range: string;
  value: string | null;
}

function readmePlantedCells(markdown: string): ReadmeCell[] {
  const sheetNames = Object.values(SHEET_NAMES).join('|');
  const line = new RegExp(`^\\| (${sheetNames}) \\| ([A-Z]+\\d+(?::[A-Z]+\\d+)?) \\| (?:\`([^\`]*)\`|\\(empty\\)) \\|`);
  const cells: ReadmeCell[] = [];
  for (const row of markdown.split('\n')) {
    const m = line.exec(row);
    if (m === null) continue;
    cells.push({ sheet: m[1] ?? '', range: m[2] ?? '', value: m[3] ?? null });
  }
  return cells;
}

function addressesOf(range: string): string[] {
  const [from, to] = range.split(':');
  if (from === undefined) return [];
  if (to === undefined) return [from];
  const col = (a: string): number => [...(/^[A-Z]+/.exec(a)?.[0] ?? '')].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const row = (a: string): number => Number(/\d+$/.exec(a)?.[0]);
  const letter = (n: number): string => (n > 26 ? letter(Math.floor((n - 1) / 26)) : '') + String.fromCharCode(65 + ((n - 1) % 26));
  const out: string[] = [];
  for (let r = row(from); r <= row(to); r++) for (let c = col(from); c <= col(to); c++) out.push(`${letter(c)}${r}`);
  return out;
}

describe('generateExampleWorkbook', () => {
  let workbook: Workbook;

  beforeAll(async () => {
    workbook = await roundTrip(await generateExampleWorkbook({}));
  });

  it('gives identical cells when run twice with the same seed', async () => {
    const first = snapshot(await generateExampleWorkbook({ seed: 42, deals: 120 }));
    const second = snapshot(await generateExampleWorkbook({ seed: 42, deals: 120 }));
    expect(second).toEqual(first);
    const other = snapshot(await generateExampleWorkbook({ seed: 43, deals: 120 }));
    expect(other).not.toEqual(first);
  });

  it('puts the title banner above the header and 300 deals under it when run with the defaults', () => {
    const deals = sheet(workbook, SHEET_NAMES.deals);
    expect(text(deals.getCell('A1').value)).toContain('営業案件管理表');
    expect(deals.getCell('R1').isMerged).toBe(true);
    expect(text(deals.getCell('A2').value)).toMatch(/^※/);
    expect(deals.getRow(3).cellCount).toBe(0);
    expect(headerTexts(deals, DEAL_HEADER_ROW, DEAL_HEADERS.length)).toEqual([...DEAL_HEADERS]);

    const numbers: number[] = [];
    for (let r = DEAL_FIRST_DATA_ROW; r <= deals.rowCount; r++) {
      const no = deals.getCell(`A${r}`).value;
      if (typeof no === 'number') numbers.push(no);
    }
    expect(numbers).toEqual(Array.from({ length: 300 }, (_, i) => i + 1));
    expect(deals.rowCount).toBe(DEAL_FIRST_DATA_ROW + 300);
  });

  it('keeps the team formatting and a formula column with cached results', () => {
    const deals = sheet(workbook, SHEET_NAMES.deals);
    expect(deals.views[0]).toMatchObject({ state: 'frozen', ySplit: DEAL_HEADER_ROW });
    expect(deals.autoFilter).toBe('A4:R305');
    expect(deals.getCell('E5').dataValidation).toMatchObject({ type: 'list' });
    expect(deals.getCell('F5').value).toBeInstanceOf(Date);
    expect(deals.getCell('F5').numFmt).toBe('yyyy/mm/dd');
    expect(deals.getCell('H6').numFmt).toBe('#,##0');
    expect(deals.getCell('D4').font.bold).toBe(true);

    const formula = deals.getCell('I6').value;
    expect(formula).toMatchObject({ formula: expect.stringMatching(/^IFERROR\(H6\*/) });
    const amount = deals.getCell('H6').value;
    const probability = deals.getCell('G6').value;
    const rankRate: Record<string, number> = { A: 0.8, B: 0.5, C: 0.2 };
    const rate = typeof probability === 'number' ? probability : (rankRate[text(probability)] ?? 0);
    if (typeof amount === 'number') expect(deals.getCell('I6').result).toBeCloseTo(amount * rate);
  });

  it('has every planted messy cell listed in examples/README.md where it says', async () => {
    const listed = readmePlantedCells(await readFile(README, 'utf8'));
    expect(listed.length).toBeGreaterThanOrEqual(15);
    for (const cell of listed) {
      const ws = sheet(workbook, cell.sheet);
      for (const address of addressesOf(cell.range)) {
        expect({ at: `${cell.sheet}!${address}`, value: ws.getCell(address).value ?? null }).toEqual({
          at: `${cell.sheet}!${address}`,
          value: cell.value,
        });
      }
    }
    // The README and the generator's own list name the same cells (the blank row is README-only).
    const fromGenerator = plantedCells().map((c) => `${c.sheet}!${c.address}=${c.value ?? ''}`);
    const fromReadme = listed.filter((c) => !c.range.includes(':')).map((c) => `${c.sheet}!${c.range}=${c.value ?? ''}`);
    expect(fromReadme).toEqual(fromGenerator);
  });

  it('plants the messy cells the README names by address', () => {
    const deals = sheet(workbook, SHEET_NAMES.deals);
    expect(deals.getCell('F12').value).toBe('令和8年9月15日');
    expect(deals.getCell('H35').value).toBe('１，２００，０００');
    expect(deals.getCell('E27').value).toBe('保留');
    expect(deals.getCell('O42').value).toBe('来週');
    expect(deals.getCell('D56').value).toBeNull();
    const blankRow = Array.from({ length: DEAL_HEADERS.length }, (_, i) => deals.getRow(155).getCell(i + 1).value ?? null);
    expect(blankRow.every((v) => v === null)).toBe(true);
  });

  it('links every visit and request to a deal by 顧客名 and 案件名', () => {
    const deals = sheet(workbook, SHEET_NAMES.deals);
    const keys = new Set<string>();
    for (let r = DEAL_FIRST_DATA_ROW; r <= deals.rowCount; r++) {
      const account = text(deals.getCell(`B${r}`).value);
      if (account !== '') keys.add(`${account}\t${text(deals.getCell(`C${r}`).value)}`);
    }
    expect(keys.size).toBe(300);

    const visits = sheet(workbook, SHEET_NAMES.visits);
    expect(headerTexts(visits, VISIT_HEADER_ROW, VISIT_HEADERS.length)).toEqual([...VISIT_HEADERS]);
    const visitKeys: string[] = [];
    for (let r = VISIT_HEADER_ROW + 1; r <= visits.rowCount; r++) {
      visitKeys.push(`${text(visits.getCell(`B${r}`).value)}\t${text(visits.getCell(`C${r}`).value)}`);
      expect(visits.getCell(`A${r}`).value).toBeInstanceOf(Date);
    }
    expect(visitKeys).toHaveLength(600);
    expect(visitKeys.filter((k) => !keys.has(k))).toEqual([]);

    const requests = sheet(workbook, SHEET_NAMES.requests);
    expect(headerTexts(requests, REQUEST_HEADER_ROW, REQUEST_HEADERS.length)).toEqual([...REQUEST_HEADERS]);
    for (let r = REQUEST_HEADER_ROW + 1; r <= requests.rowCount; r++) {
      expect(keys.has(`${text(requests.getCell(`C${r}`).value)}\t${text(requests.getCell(`D${r}`).value)}`)).toBe(true);
    }
  });

  it('matches the committed examples/sales-pipeline.xlsx', async () => {
    const committed = new ExcelJS.Workbook();
    await committed.xlsx.readFile(COMMITTED);
    expect(snapshot(committed)).toEqual(snapshot(workbook));
  });
});
