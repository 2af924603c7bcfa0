import { cellText } from '../cells/cell-text.ts';
import type { CellValue } from '../cells/cell-value.ts';
import type { SheetGrid } from '../mapping/sheet-grid.ts';
import type { ResolvedTab } from '../mapping/tab-mapping.ts';
import type { Deal } from '../records/deal.ts';
import type { SpecialRequest } from '../records/request.ts';
import type { FieldOf, TabKind } from '../records/tab-kind.ts';
import type { Visit } from '../records/visit.ts';
import type { SyncSettings } from '../settings/sync-settings.ts';
import type { CellIssue } from './cell-issue.ts';
import { columnLetter } from '../mapping/column-letter.ts';
import type { TabNulCells } from './nul-cells.ts';
import { stageLabelMap } from '../settings/stage-label-map.ts';
import { cellsHash, contentHash } from './content-hash.ts';
import { RowReader, type ParseMemo } from './read-context.ts';
import { readDealRow } from './read-deal-row.ts';
import { readRequestRow } from './read-request-row.ts';
import { readVisitRow } from './read-visit-row.ts';

export interface RecordsByKind {
  deals: Deal;
  visits: Visit;
  requests: SpecialRequest;
}

/** One data row of a tab, read. */
export interface TabRow<K extends TabKind> {
  /** 1-based sheet row. */
  readonly sheetRow: number;
  /** The id the row carries in the service's id column, if any. */
  readonly idCell: string | null;
  readonly record: RecordsByKind[K];
  readonly issues: readonly CellIssue[];
  /**
   * A hash of the mapped cells in field order (not column order), so moving a column does not
   * read as an edit; it tells changed rows from unchanged ones.
   */
  readonly hash: string;
}

export interface ReadTabResult<K extends TabKind> {
  readonly rows: readonly TabRow<K>[];
  /** Rows with no team data left that still hold service values, which must be cleared. */
  readonly blankRowsWithServiceValues: readonly number[];
  readonly lastRow: number;
}

type RowReaders = { readonly [K in TabKind]: (r: RowReader<K>, settings: SyncSettings) => RecordsByKind[K] };
const READERS: RowReaders = { deals: readDealRow, visits: readVisitRow, requests: readRequestRow };

/** A row whose cells are parsed the first time its record or issues are asked for. */
class LazyTabRow<K extends TabKind> implements TabRow<K> {
  readonly sheetRow: number;
  readonly idCell: string | null;
  readonly hash: string;
  readonly #parse: () => { record: RecordsByKind[K]; issues: readonly CellIssue[] };
  #parsed: { record: RecordsByKind[K]; issues: readonly CellIssue[] } | null = null;

  constructor(sheetRow: number, idCell: string | null, hash: string, parse: () => { record: RecordsByKind[K]; issues: readonly CellIssue[] }) {
    this.sheetRow = sheetRow;
    this.idCell = idCell;
    this.hash = hash;
    this.#parse = parse;
  }

  get record(): RecordsByKind[K] {
    this.#parsed ??= this.#parse();
    return this.#parsed.record;
  }

  get issues(): readonly CellIssue[] {
    this.#parsed ??= this.#parse();
    return this.#parsed.issues;
  }
}

/**
 * Reads a tab's data rows below its header. A row with every mapped cell empty is not a record
 * (teams pre-number empty rows), but any service values left on it are reported for clearing.
 * Rows are parsed on demand: a same-day re-sync never parses the rows it has nothing to do for.
 */
export function readTab<K extends TabKind>(tab: ResolvedTab<K>, grid: SheetGrid, settings: SyncSettings, nulCells?: TabNulCells): ReadTabResult<K> {
  const fieldColumns = (Object.entries(tab.fields) as [FieldOf<K>, number][]).sort(([a], [b]) => (a < b ? -1 : 1));
  const hashColumns = fieldColumns.map(([, column]) => column);
  // The settings that change how cells read are part of every row's hash: mapping 保留 to a
  // stage re-reads the rows that say 保留, though not one of their cells changed.
  // Hashed once here, so each row is seeded with 14 characters, not the whole settings text.
  const readingKey = contentHash(JSON.stringify([stageLabelMap(settings), settings.dateOrder, settings.timeZone, settings.probabilityRanks]));
  const serviceColumns = Object.values(tab.serviceColumns) as number[];
  const idColumn = tab.serviceColumns.id;
  const read = READERS[tab.kind] as (r: RowReader<K>, settings: SyncSettings) => RecordsByKind[K];
  const rows: TabRow<K>[] = [];
  const blank: number[] = [];
  const memo: ParseMemo = new Map();
  for (let index = tab.headerRow; index < grid.rows.length; index++) {
    const cells = grid.rows[index] ?? [];
    const sheetRow = index + 1;
    const nulFields = nulCells === undefined ? [] : fieldsWithNul(fieldColumns, nulCells.get(sheetRow));
    // A removed NUL is part of the row's hash: deleting it from the sheet re-reads the row, which
    // then stops counting the issue.
    const hash = cellsHash(cells, hashColumns, nulFields.length === 0 ? readingKey : `${readingKey} nul:${nulFields.join(',')}`);
    if (hash === null) {
      if (cellsHash(cells, serviceColumns) !== null) blank.push(sheetRow);
      continue;
    }
    const idText = idColumn === undefined ? '' : cellText(cells[idColumn - 1]);
    rows.push(
      new LazyTabRow<K>(sheetRow, idText === '' ? null : idText, hash, () => {
        const reader = new RowReader(tab, cells, sheetRow, memo);
        const record = read(reader, settings);
        if (nulFields.length === 0) return { record, issues: reader.issues };
        return { record, issues: [...nulFields.map((field) => nulIssue(tab, cells, sheetRow, field)), ...reader.issues] };
      }),
    );
  }
  return { rows, blankRowsWithServiceValues: blank, lastRow: grid.rows.length };
}

/** The mapped fields whose cell held U+0000 on this row, in field order. */
function fieldsWithNul<K extends TabKind>(fieldColumns: readonly [FieldOf<K>, number][], columns: ReadonlySet<number> | undefined): FieldOf<K>[] {
  return columns === undefined ? [] : fieldColumns.filter(([, column]) => columns.has(column)).map(([field]) => field);
}

/** The cell is read without its NUL characters; the issue shows it so, as the sheet displays no NUL. */
function nulIssue<K extends TabKind>(tab: ResolvedTab<K>, cells: readonly CellValue[], sheetRow: number, field: FieldOf<K>): CellIssue {
  const column = tab.fields[field] ?? 0;
  return {
    sheet: tab.sheet,
    row: sheetRow,
    column: columnLetter(column),
    header: tab.headers[column - 1] ?? '',
    field,
    value: cellText(cells[column - 1]),
    code: 'text.nul',
  };
}
