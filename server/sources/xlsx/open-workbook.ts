import { access, open, constants, readFile, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import ExcelJS from 'exceljs';
import { SyncError } from '../../sync/sync-error.ts';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
// Office's compound-file header: a legacy .xls, or an .xlsx saved with a password (encrypted).
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

async function firstBytes(path: string): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(4);
    await handle.read(buffer, 0, 4, 0);
    return buffer;
  } finally {
    await handle.close();
  }
}

const startsWith = (buffer: Buffer, magic: readonly number[]): boolean => magic.every((b, i) => buffer[i] === b);

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

// Parts exceljs cannot carry through a rewrite: the names a zip stores in the clear.
const PARTS_LOST_ON_REWRITE: readonly (readonly [string, string])[] = [
  ['xl/charts/', 'charts'],
  ['xl/pivotTables/', 'pivot tables'],
  ['xl/vbaProject.bin', 'macros'],
  ['xl/slicers/', 'slicers'],
];

/** What a rewrite through exceljs would drop from the workbook's file. */
async function partsLostOnRewrite(path: string): Promise<string[]> {
  const bytes = await readFile(path);
  return PARTS_LOST_ON_REWRITE.filter(([name]) => bytes.includes(name)).map(([, what]) => what);
}

/**
 * Opens a workbook for a sync, or says in one line why it cannot: missing, not a workbook,
 * password-protected, open in Excel (its ~$ owner file is beside it), or read-only.
 */
export async function openWorkbook(path: string, options: { mustWrite: boolean }): Promise<ExcelJS.Workbook> {
  if (!(await exists(path))) throw new SyncError('not_found', `file not found: ${path}`);
  if (!(await stat(path)).isFile()) throw new SyncError('not_a_workbook', `${basename(path)} is not a file`);
  const magic = await firstBytes(path);
  if (startsWith(magic, CFB_MAGIC)) {
    throw new SyncError('encrypted', `${basename(path)} is password-protected or a legacy .xls file; save it as an unprotected .xlsx`);
  }
  if (!startsWith(magic, ZIP_MAGIC)) throw new SyncError('not_a_workbook', `${basename(path)} is not an .xlsx workbook`);
  if (options.mustWrite) {
    if (await exists(join(dirname(path), `~$${basename(path)}`))) {
      throw new SyncError('locked', `${basename(path)} is open in Excel; close it and run the sync again`);
    }
    try {
      await access(path, constants.W_OK);
    } catch {
      throw new SyncError('locked', `${basename(path)} is read-only`);
    }
    const lost = await partsLostOnRewrite(path);
    if (lost.length > 0) {
      throw new SyncError(
        'unsupported_content',
        `${basename(path)} holds ${lost.join(', ')}, which rewriting it in place would lose; sync a copy with --out instead`,
      );
    }
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(path);
  } catch (error) {
    throw new SyncError('not_a_workbook', `${basename(path)} could not be read as a workbook: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  // exceljs reads any zip (a renamed .docx, a zip of CSVs) as a workbook with no sheets.
  if (workbook.worksheets.length === 0) throw new SyncError('not_a_workbook', `${basename(path)} holds no worksheets`);
  return workbook;
}
