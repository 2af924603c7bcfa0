import type { CellValue } from '../../shared/cells/cell-value.ts';
import { columnLetter } from '../../shared/mapping/column-letter.ts';
import { mappingFileProblems } from '../../shared/mapping/mapping-file.ts';
import { SERVICE_COLUMN_KEYS, type ServiceColumnKey } from '../../shared/write-plan/service-columns.ts';
import { ApiError } from '../http/api-error.ts';
import { hasNul, NUL_PROBLEM, nulPath } from '../http/nul-character.ts';
import type { MappingInput } from '../sync/sync-engine.ts';
import { instantSerialConverter, isIsoInstant } from './instant-serial.ts';
import type { PushPayload, PushServiceColumns, PushTab } from './push-payload.ts';

// Google Sheets' own limits: what a real spreadsheet can hold, so anything beyond is malformed.
const MAX_CELLS = 10_000_000;
const MAX_CELL_CHARS = 50_000;
const MAX_TAB_NAME = 100;
const MAX_TABS = 100;
// Column ZZZ: the widest a Google sheet can be.
const MAX_COLUMNS = 18_278;

function bad(message: string): ApiError {
  return new ApiError(400, 'invalid_request', message);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function kindOf(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
}

// Intl accepts any capitalisation (aSiA/tOkYo); the canonical name is what gets stored and
// scheduled, so one zone is one daily schedule.
function canonicalTimeZone(zone: string): string | null {
  try {
    return new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

function parseServiceColumns(value: unknown, at: string, rowCount: number): PushServiceColumns | null {
  if (value === undefined || value === null) return null;
  if (!isRecord(value)) throw bad(`${at}: must be an object with headerRow and columns`);
  const { headerRow, columns } = value;
  // getValues() drops trailing empty rows, so a header row whose cells were cleared may lie just past them.
  if (typeof headerRow !== 'number' || !Number.isInteger(headerRow) || headerRow < 1 || headerRow > rowCount + 1) {
    throw bad(`${at}.headerRow: must be a row number from 1 to ${rowCount + 1}, the rows sent`);
  }
  if (!Array.isArray(columns)) throw bad(`${at}.columns: must be an array`);
  const parsed = columns.map((c: unknown, i) => {
    if (!isRecord(c)) throw bad(`${at}.columns[${i}]: must be an object with key and column`);
    if (typeof c.key !== 'string' || !(SERVICE_COLUMN_KEYS as readonly string[]).includes(c.key)) {
      throw bad(`${at}.columns[${i}].key: must be one of ${SERVICE_COLUMN_KEYS.join(', ')}`);
    }
    if (typeof c.column !== 'number' || !Number.isInteger(c.column) || c.column < 1 || c.column > MAX_COLUMNS) {
      throw bad(`${at}.columns[${i}].column: must be a column number from 1 to ${MAX_COLUMNS}`);
    }
    return { key: c.key as ServiceColumnKey, column: c.column };
  });
  return { headerRow, columns: parsed };
}

/** The mapping's shape, checked as the CLI checks a --mapping file; every problem is named by its path. */
function parseMapping(value: unknown): MappingInput | null {
  if (value === undefined || value === null) return null;
  if (!isRecord(value)) throw bad(`mapping: must be an object { tabs, stageLabels, settings }, got ${kindOf(value)}`);
  const problems = mappingFileProblems(value);
  if (problems.length > 0) throw bad(problems.map((p) => `mapping.${p}`).join('; '));
  const nul = nulPath(value);
  if (nul !== null) throw bad(`mapping${nul}: ${NUL_PROBLEM}`);
  return value as MappingInput;
}

/**
 * Checks the add-on's push cell by cell, in place: a 100k-row sheet is not copied. ISO instants
 * (Dates as JSON writes them) become serial numbers in the spreadsheet's time zone. The first
 * problem is reported with its path and, for a cell, the sheet, row and column it came from.
 * A NUL inside a cell is let through: the sync engine reads the cell without it and reports it,
 * as for every source; the title, tab names and mapping are not cells and refuse it.
 */
export function parsePushPayload(body: unknown): PushPayload {
  if (!isRecord(body)) throw bad(`body: must be a JSON object, got ${kindOf(body)}`);
  const { title, timeZone, tabs, dryRun, mapping } = body;
  if (typeof title !== 'string' || title.trim() === '' || title.length > 1000) throw bad('title: must be the spreadsheet\'s name (1 to 1000 characters)');
  if (hasNul(title)) throw bad(`title: ${NUL_PROBLEM}`);
  const zone = typeof timeZone === 'string' ? canonicalTimeZone(timeZone) : null;
  if (zone === null) throw bad('timeZone: must be an IANA time zone such as Asia/Tokyo');
  if (dryRun !== undefined && typeof dryRun !== 'boolean') throw bad('dryRun: must be true or false');
  if (!Array.isArray(tabs) || tabs.length === 0) throw bad('tabs: must be a non-empty array of { name, values }');
  if (tabs.length > MAX_TABS) throw bad(`tabs: at most ${MAX_TABS} tabs`);
  const parsedMapping = parseMapping(mapping);

  const toSerial = instantSerialConverter(zone);
  const names = new Set<string>();
  let cells = 0;
  const parsedTabs: PushTab[] = tabs.map((tab: unknown, t) => {
    const at = `tabs[${t}]`;
    if (!isRecord(tab)) throw bad(`${at}: must be an object with name and values`);
    const { name, values } = tab;
    if (typeof name !== 'string' || name === '' || name.length > MAX_TAB_NAME) throw bad(`${at}.name: must be the tab's title (1 to ${MAX_TAB_NAME} characters)`);
    if (hasNul(name)) throw bad(`${at}.name: ${NUL_PROBLEM}`);
    if (names.has(name)) throw bad(`${at}.name: tab "${name}" is sent twice`);
    names.add(name);
    if (!Array.isArray(values)) throw bad(`${at}.values: must be an array of rows`);
    if (values.length > MAX_CELLS) throw bad(`${at}.values: more rows than a Google sheet can hold`);
    for (let r = 0; r < values.length; r++) {
      const row: unknown = values[r];
      if (!Array.isArray(row)) throw bad(`${at}.values[${r}]: sheet "${name}" row ${r + 1} must be an array of cells, got ${kindOf(row)}`);
      if (row.length > MAX_COLUMNS) throw bad(`${at}.values[${r}]: sheet "${name}" row ${r + 1} is wider than a Google sheet can be (${MAX_COLUMNS} columns)`);
      cells += row.length;
      if (cells > MAX_CELLS) throw bad(`tabs: more than ${MAX_CELLS.toLocaleString('en')} cells, Google Sheets' own limit`);
      for (let c = 0; c < row.length; c++) {
        const cell: unknown = row[c];
        const where = () => `${at}.values[${r}][${c}] (sheet "${name}" row ${r + 1} column ${columnLetter(c + 1)})`;
        if (cell === null || typeof cell === 'boolean') continue;
        if (typeof cell === 'number') {
          if (!Number.isFinite(cell)) throw bad(`${where()}: numbers must be finite`);
          continue;
        }
        if (typeof cell === 'string') {
          if (cell.length > MAX_CELL_CHARS) throw bad(`${where()}: text longer than ${MAX_CELL_CHARS} characters`);
          if (isIsoInstant(cell)) {
            const serial = toSerial(cell);
            if (serial !== null) (row as CellValue[])[c] = serial;
          }
          continue;
        }
        throw bad(`${where()}: a cell must be text, a number, true/false or null, got ${kindOf(cell)}`);
      }
    }
    return { name, values: values as CellValue[][], serviceColumns: parseServiceColumns(tab.serviceColumns, `${at}.serviceColumns`, values.length) };
  });
  return { title: title.trim(), timeZone: zone, tabs: parsedTabs, dryRun: dryRun === true, mapping: parsedMapping };
}
