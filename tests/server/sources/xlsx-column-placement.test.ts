import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../server/db/database.ts';
import { openDatabase } from '../../../server/db/open-database.ts';
import { XlsxSource } from '../../../server/sources/xlsx/xlsx-source.ts';
import { syncSpreadsheet } from '../../../server/sync/sync-engine.ts';

let db: Db;
let dir: string;
beforeAll(async () => {
  db = await openDatabase({ kind: 'pglite', dataDir: null });
  dir = await mkdtemp(join(tmpdir(), 'sfa-placement-'));
});
afterAll(async () => {
  await db.destroy();
  await rm(dir, { recursive: true, force: true });
});

describe('XlsxSource column placement', () => {
  it('puts service columns after a merged last header and after notes beyond the headers', async () => {
    const path = join(dir, 'merged.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('案件');
    ws.addRow(['顧客名', '案件名', 'ステージ', '担当者', '備考']);
    ws.mergeCells('E1:G1');
    ws.addRow(['A社', '更新', '提案', '佐藤', 'note-E', 'note-F', 'note-G', null, 'far note']);
    ws.addRow(['B社', '新規', 'リード', '鈴木']);
    ws.autoFilter = 'A1:G3';
    await wb.xlsx.writeFile(path);

    await syncSpreadsheet(db, new XlsxSource(path), { now: '2026-11-20' });

    const after = new ExcelJS.Workbook();
    await after.xlsx.readFile(path);
    const sheet = after.getWorksheet('案件');
    if (sheet === undefined) throw new Error('sheet lost');
    // Every team cell is as it was.
    expect(sheet.getCell('E1').value).toBe('備考');
    expect(sheet.getRow(2).values).toEqual(expect.arrayContaining(['note-E', 'note-F', 'note-G', 'far note']));
    expect([sheet.getCell('E2').value, sheet.getCell('F2').value, sheet.getCell('G2').value, sheet.getCell('I2').value]).toEqual(['note-E', 'note-F', 'note-G', 'far note']);
    // The service columns start after column I, the last one anything uses.
    expect(sheet.getCell('J1').value).toBe('ID [SFA]');
    expect(String(sheet.getCell('J2').value)).toMatch(/^[0-9a-f-]{36}$/);
    expect(sheet.getCell('H1').value).toBeNull();
    // The AutoFilter is widened to the last service column (O), so sorting moves ids with rows.
    expect(sheet.autoFilter).toBe('A1:O3');
  });

  it('widens an AutoFilter that ends at the last used column over the service columns', async () => {
    const path = join(dir, 'filter.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('案件');
    ws.addRow(['顧客名', '案件名', 'ステージ', '担当者']);
    ws.addRow(['A社', '更新', '提案', '佐藤']);
    ws.autoFilter = 'A1:D2';
    await wb.xlsx.writeFile(path);

    await syncSpreadsheet(db, new XlsxSource(path), { now: '2026-11-20' });

    const after = new ExcelJS.Workbook();
    await after.xlsx.readFile(path);
    // ID at E … flag reasons at J.
    expect(after.getWorksheet('案件')?.autoFilter).toBe('A1:J2');
  });
});
