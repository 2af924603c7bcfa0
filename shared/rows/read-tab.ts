import { cellText } from '../cells/cell-text.ts';
import type { SheetGrid } from '../mapping/sheet-grid.ts';
import type { ResolvedTab } from '../mapping/tab-mapping.ts';
import type { Deal } from '../records/deal.ts';
import type { SpecialRequest } from '../records/request.ts';
import type { FieldOf, TabKind } from '../records/tab-kind.ts';
import type { Visit } from '../records/visit.ts';
import type { SyncSettings } from '../settings/sync-settings.ts';
import type { CellIssue } from './cell-issue.ts';
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
export function readTab<K extends TabKind>(tab: ResolvedTab<K>, grid: SheetGrid, settings: SyncSettings): ReadTabResult<K> {
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
    const hash = cellsHash(cells, hashColumns, readingKey);
    if (hash === null) {
      if (cellsHash(cells, serviceColumns) !== null) blank.push(sheetRow);
      continue;
    }
    const idText = idColumn === undefined ? '' : cellText(cells[idColumn - 1]);
    rows.push(
      new LazyTabRow<K>(sheetRow, idText === '' ? null : idText, hash, () => {
        const reader = new RowReader(tab, cells, sheetRow, memo);
        const record = read(reader, settings);
        return { record, issues: reader.issues };
      }),
    );
  }
  return { rows, blankRowsWithServiceValues: blank, lastRow: grid.rows.length };
}
