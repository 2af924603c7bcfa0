// A workbook the sync cannot use is refused with a SyncError whose code says why, before anything
// is written: the file keeps its bytes and its mtime, and no backup or temp file appears beside it.
import { access, chmod, constants, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWorkbook } from '../../../server/sources/xlsx/open-workbook.ts';
import { XlsxSource } from '../../../server/sources/xlsx/xlsx-source.ts';
import { SyncError, type SyncErrorCode } from '../../../server/sync/sync-error.ts';

let root: string;
let workbookBytes: Buffer;

/** A small real workbook: opening it only fails for the reason a test sets up. */
async function smallWorkbook(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Deals');
  sheet.getRow(1).values = ['Account', 'Deal name', 'Stage'];
  sheet.getRow(2).values = ['Acme', 'ERP rollout', 'Proposal'];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A zip archive with one stored entry, built by hand: a zip, but no workbook inside. */
function storedZip(name: string, data: Buffer): Buffer {
  const fileName = Buffer.from(name, 'utf8');
  const crc = crc32(data);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(data.length, 22);
  local.writeUInt16LE(fileName.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(data.length, 24);
  central.writeUInt16LE(fileName.length, 28);
  const centralOffset = local.length + fileName.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + fileName.length, 12);
  end.writeUInt32LE(centralOffset, 16);
  return Buffer.concat([local, fileName, data, central, fileName, end]);
}

interface FileState {
  readonly bytes: Buffer | null;
  readonly mtimeMs: number | null;
  readonly siblings: readonly string[];
}

async function stateOf(path: string, dir: string): Promise<FileState> {
  const info = await stat(path).catch(() => null);
  return {
    bytes: info?.isFile() === true ? await readFile(path) : null,
    mtimeMs: info?.mtimeMs ?? null,
    siblings: (await readdir(dir)).sort(),
  };
}

async function caseDir(): Promise<string> {
  return mkdtemp(join(root, 'case-'));
}

/** The SyncError a promise rejects with; fails the test when it resolves or throws anything else. */
async function syncErrorOf(promise: Promise<unknown>): Promise<SyncError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SyncError);
  return error as SyncError;
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'sheets-sfa-open-workbook-'));
  workbookBytes = await smallWorkbook();
});

afterAll(async () => {
  if (root !== undefined) await rm(root, { recursive: true, force: true });
});

describe('openWorkbook', () => {
  it('opens a real workbook when nothing stands in the way', async () => {
    const dir = await caseDir();
    const path = join(dir, 'pipeline.xlsx');
    await writeFile(path, workbookBytes);
    const workbook = await openWorkbook(path, { mustWrite: true });
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Deals']);
    expect(workbook.getWorksheet('Deals')?.getCell('B2').value).toBe('ERP rollout');
  });

  const UNREADABLE: readonly { name: string; code: SyncErrorCode; content: Buffer }[] = [
    { name: 'a text file named .xlsx', code: 'not_a_workbook', content: Buffer.from('顧客名,案件名,ステージ\n株式会社東洋工業,基幹システム刷新,提案\n', 'utf8') },
    { name: 'an empty file', code: 'not_a_workbook', content: Buffer.alloc(0) },
    { name: 'a zip header followed by garbage', code: 'not_a_workbook', content: Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 0x41)]) },
    {
      name: 'a compound-file (CFB) header, as a password-protected workbook or a legacy .xls has',
      code: 'encrypted',
      content: Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]),
    },
  ];

  it.each(UNREADABLE)('refuses with $code and leaves the file untouched when given $name', async ({ code, content }) => {
    const dir = await caseDir();
    const path = join(dir, 'pipeline.xlsx');
    await writeFile(path, content);
    const before = await stateOf(path, dir);
    for (const mustWrite of [true, false]) {
      const error = await syncErrorOf(openWorkbook(path, { mustWrite }));
      expect(error.code).toBe(code);
      expect(error.message).toContain('pipeline.xlsx');
      expect(error.message).not.toContain('\n');
    }
    // The same through the source the CLI uses, in place and as a dry run.
    expect((await syncErrorOf(new XlsxSource(path).identify())).code).toBe(code);
    expect((await syncErrorOf(new XlsxSource(path, { readOnly: true }).read())).code).toBe(code);
    expect(await stateOf(path, dir)).toEqual(before);
  });

  it('refuses with not_found and creates nothing when the file is missing', async () => {
    const dir = await caseDir();
    const path = join(dir, 'no-such-pipeline.xlsx');
    for (const mustWrite of [true, false]) {
      const error = await syncErrorOf(openWorkbook(path, { mustWrite }));
      expect(error.code).toBe('not_found');
      expect(error.message).toContain(path);
    }
    expect((await syncErrorOf(new XlsxSource(path).identify())).code).toBe('not_found');
    expect(await readdir(dir)).toEqual([]);
  });

  it('refuses with locked when Excel has the file open (a ~$ owner file beside it)', async () => {
    const dir = await caseDir();
    const path = join(dir, 'pipeline.xlsx');
    await writeFile(path, workbookBytes);
    // Excel's owner file: the user's name, padded; its content does not matter.
    await writeFile(join(dir, '~$pipeline.xlsx'), Buffer.concat([Buffer.from([0x06]), Buffer.from('tanaka', 'latin1'), Buffer.alloc(47, 0x20)]));
    const before = await stateOf(path, dir);
    const error = await syncErrorOf(openWorkbook(path, { mustWrite: true }));
    expect(error.code).toBe('locked');
    expect(error.message).toMatch(/pipeline\.xlsx.*open in Excel/);
    expect((await syncErrorOf(new XlsxSource(path).identify())).code).toBe('locked');
    expect(await stateOf(path, dir)).toEqual(before);
  });

  it('opens a file Excel has open when it only reads (dry run) or writes elsewhere (--out)', async () => {
    const dir = await caseDir();
    const path = join(dir, 'pipeline.xlsx');
    await writeFile(path, workbookBytes);
    await writeFile(join(dir, '~$pipeline.xlsx'), 'owner');
    const before = await stateOf(path, dir);
    expect((await openWorkbook(path, { mustWrite: false })).worksheets).toHaveLength(1);
    expect((await new XlsxSource(path, { readOnly: true }).identify()).kind).toBe('xlsx');
    expect((await new XlsxSource(path, { outPath: join(dir, 'out.xlsx') }).identify()).kind).toBe('xlsx');
    expect(await stateOf(path, dir)).toEqual(before);
  });

  it('is not locked by the owner file of another workbook in the same folder', async () => {
    const dir = await caseDir();
    const path = join(dir, 'pipeline.xlsx');
    await writeFile(path, workbookBytes);
    await writeFile(join(dir, '~$budget.xlsx'), 'owner');
    expect((await openWorkbook(path, { mustWrite: true })).worksheets).toHaveLength(1);
  });

  describe('a read-only file (chmod 0444)', async () => {
    // Root (and CAP_DAC_OVERRIDE) passes W_OK access checks on any file, so there the sync cannot
    // tell a read-only file from a writable one; probe what this process may do.
    const probeDir = await mkdtemp(join(tmpdir(), 'sheets-sfa-probe-'));
    const probe = join(probeDir, 'probe');
    await writeFile(probe, '');
    await chmod(probe, 0o444);
    const writesReadOnlyFiles = await access(probe, constants.W_OK).then(
      () => true,
      () => false,
    );
    await rm(probeDir, { recursive: true, force: true });

    async function readOnlyWorkbook(): Promise<{ dir: string; path: string }> {
      const dir = await caseDir();
      const path = join(dir, 'pipeline.xlsx');
      await writeFile(path, workbookBytes);
      await chmod(path, 0o444);
      return { dir, path };
    }

    // Which of the two applies depends on who runs the tests: root may write read-only files.
    if (writesReadOnlyFiles) {
      it('opens it for writing when this process may write read-only files anyway (root)', async () => {
        const { dir, path } = await readOnlyWorkbook();
        const before = await stateOf(path, dir);
        expect((await openWorkbook(path, { mustWrite: true })).worksheets).toHaveLength(1);
        expect(await stateOf(path, dir)).toEqual(before);
      });
    } else {
      it('refuses with locked and leaves the file untouched when the file is read-only', async () => {
        const { dir, path } = await readOnlyWorkbook();
        const before = await stateOf(path, dir);
        const error = await syncErrorOf(openWorkbook(path, { mustWrite: true }));
        expect(error.code).toBe('locked');
        expect(error.message).toContain('read-only');
        expect((await syncErrorOf(new XlsxSource(path).identify())).code).toBe('locked');
        expect(await stateOf(path, dir)).toEqual(before);
        expect((await stat(path)).mode & 0o777).toBe(0o444);
      });
    }

    it('opens it for a dry run whoever runs it', async () => {
      const { path } = await readOnlyWorkbook();
      expect((await openWorkbook(path, { mustWrite: false })).worksheets).toHaveLength(1);
      expect((await new XlsxSource(path, { readOnly: true }).identify()).kind).toBe('xlsx');
    });
  });

  // Production bug: a directory passes the exists() check and then fails in firstBytes() with a
  // raw EISDIR error, so the CLI exits 1 ("internal") instead of 2 with a one-line reason.
  it('refuses with a SyncError, not a raw EISDIR, when the path is a folder named .xlsx', async () => {
    const dir = await caseDir();
    const path = join(dir, 'pipeline.xlsx');
    await mkdir(path);
    const error = await openWorkbook(path, { mustWrite: true }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(SyncError);
    expect((error as SyncError).code).toBe('not_a_workbook');
  });

  // Production bug: exceljs reads any zip without complaint (no xl/workbook.xml gives a workbook
  // with no sheets), so a renamed .docx or a zip of CSVs is reported later as "no deals tab found".
  it('refuses with not_a_workbook when the file is a zip archive with no workbook inside', async () => {
    const dir = await caseDir();
    const path = join(dir, 'pipeline.xlsx');
    await writeFile(path, storedZip('deals.csv', Buffer.from('account,deal,stage\nAcme,ERP,Proposal\n')));
    const before = await stateOf(path, dir);
    const error = await openWorkbook(path, { mustWrite: true }).then(
      (workbook) => `opened with ${workbook.worksheets.length} sheets`,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(SyncError);
    expect((error as SyncError).code).toBe('not_a_workbook');
    expect(await stateOf(path, dir)).toEqual(before);
  });
});

describe('openWorkbook on a workbook with parts a rewrite would lose', () => {
  it.each([
    ['xl/charts/chart1.xml', 'charts'],
    ['xl/pivotTables/pivotTable1.xml', 'pivot tables'],
    ['xl/vbaProject.bin', 'macros'],
  ])('refuses to sync it in place when it holds %s, and opens it for --out and dry runs', async (part, what) => {
    const dir = await mkdtemp(join(tmpdir(), 'sfa-parts-'));
    try {
      const path = join(dir, 'with-parts.xlsx');
      const wb = new ExcelJS.Workbook();
      wb.addWorksheet('案件').addRow(['顧客名', '案件名', 'ステージ']);
      // A zip entry of that name, as Excel would store it, after exceljs's own parts.
      const bytes = Buffer.from(await wb.xlsx.writeBuffer());
      const zipped = Buffer.concat([bytes, Buffer.from(`PK\u0003\u0004${part}`)]);
      await writeFile(path, zipped);
      const error = await openWorkbook(path, { mustWrite: true }).then(() => null, (e: unknown) => e);
      expect(error).toBeInstanceOf(SyncError);
      expect((error as SyncError).code).toBe('unsupported_content');
      expect((error as SyncError).message).toContain(what);
      expect((error as SyncError).message).toContain('--out');
      await expect(openWorkbook(path, { mustWrite: false })).resolves.toBeDefined();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
