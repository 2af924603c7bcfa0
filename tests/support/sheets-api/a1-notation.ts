// A1 notation: parsing ranges like `'My tab'!A2:F`, `Deals`, `A:C`, `2:5`, and writing them back.

/** One corner of an A1 range; a missing part is open (whole column / whole row). */
export interface A1Corner {
  column: number | null; // zero-based
  row: number | null; // zero-based
}

export interface A1Cells {
  start: A1Corner;
  end: A1Corner | null; // null: a single cell
}

export interface ParsedA1 {
  /** The sheet named before `!`, or null when the text named none. */
  sheetTitle: string | null;
  /** The cell part, or null when the text is only a sheet name. */
  cells: A1Cells | null;
  /** Text without `!` that may be a sheet title or a cell range; the resolver decides. */
  ambiguous: boolean;
}

/** Zero-based, end-exclusive bounds inside one sheet. */
export interface Bounds {
  startRow: number;
  endRow: number;
  startColumn: number;
  endColumn: number;
}

const CORNER = /^\$?([A-Za-z]{1,3})?\$?([0-9]{1,7})?$/;

export function columnLetters(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

function parseCorner(text: string): A1Corner | null {
  const match = CORNER.exec(text);
  if (match === null) return null;
  const [, letters, digits] = match;
  if (letters === undefined && digits === undefined) return null;
  const row = digits === undefined ? null : Number(digits) - 1;
  if (row !== null && row < 0) return null;
  return { column: letters === undefined ? null : columnIndex(letters), row };
}

export function parseCells(text: string): A1Cells | null {
  const parts = text.split(':');
  if (parts.length > 2) return null;
  const start = parseCorner(parts[0] ?? '');
  if (start === null) return null;
  if (parts.length === 1) {
    // A lone corner must be a whole cell: `A` or `5` alone is not a range.
    return start.column !== null && start.row !== null ? { start, end: null } : null;
  }
  const end = parseCorner(parts[1] ?? '');
  if (end === null) return null;
  // `A:5` pairs a bare column with a bare row; that names nothing.
  const columnOnly = (c: A1Corner): boolean => c.row === null;
  const rowOnly = (c: A1Corner): boolean => c.column === null;
  if ((columnOnly(start) && rowOnly(end)) || (rowOnly(start) && columnOnly(end))) return null;
  return { start, end };
}

/** Parses A1 text; null when it cannot be parsed at all. */
export function parseA1(text: string): ParsedA1 | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  if (trimmed.startsWith("'")) {
    let title = '';
    let i = 1;
    for (; i < trimmed.length; i++) {
      const ch = trimmed[i];
      if (ch === "'") {
        if (trimmed[i + 1] === "'") {
          title += "'";
          i++;
          continue;
        }
        break;
      }
      title += ch;
    }
    if (i >= trimmed.length) return null; // no closing quote
    const rest = trimmed.slice(i + 1);
    if (rest === '') return { sheetTitle: title, cells: null, ambiguous: false };
    if (!rest.startsWith('!')) return null;
    const cells = parseCells(rest.slice(1));
    return cells === null ? null : { sheetTitle: title, cells, ambiguous: false };
  }
  const bang = trimmed.indexOf('!');
  if (bang >= 0) {
    const cells = parseCells(trimmed.slice(bang + 1));
    return cells === null ? null : { sheetTitle: trimmed.slice(0, bang), cells, ambiguous: false };
  }
  return { sheetTitle: null, cells: parseCells(trimmed), ambiguous: true };
}

/** Resolves open corners against the grid size; reversed corners are put in order. */
export function cellsToBounds(cells: A1Cells, rowCount: number, columnCount: number): Bounds {
  const { start, end } = cells;
  if (end === null) {
    const row = start.row ?? 0;
    const column = start.column ?? 0;
    return { startRow: row, endRow: row + 1, startColumn: column, endColumn: column + 1 };
  }
  let startRow = start.row ?? 0;
  let endRow = end.row === null ? rowCount : end.row + 1;
  if (start.row !== null && end.row !== null && end.row < start.row) {
    startRow = end.row;
    endRow = start.row + 1;
  }
  let startColumn = start.column ?? 0;
  let endColumn = end.column === null ? columnCount : end.column + 1;
  if (start.column !== null && end.column !== null && end.column < start.column) {
    startColumn = end.column;
    endColumn = start.column + 1;
  }
  return { startRow, endRow, startColumn, endColumn };
}

/** The furthest explicit row and column the text names (zero-based), for grid-limit checks. */
export function explicitExtent(cells: A1Cells): { maxRow: number; maxColumn: number; minRow: number; minColumn: number } {
  const corners = cells.end === null ? [cells.start] : [cells.start, cells.end];
  const rows = corners.map((c) => c.row).filter((r): r is number => r !== null);
  const columns = corners.map((c) => c.column).filter((c): c is number => c !== null);
  return {
    maxRow: rows.length > 0 ? Math.max(...rows) : -1,
    maxColumn: columns.length > 0 ? Math.max(...columns) : -1,
    minRow: rows.length > 0 ? Math.min(...rows) : 0,
    minColumn: columns.length > 0 ? Math.min(...columns) : 0,
  };
}

function cornerText(corner: A1Corner): string {
  return (corner.column === null ? '' : columnLetters(corner.column)) + (corner.row === null ? '' : String(corner.row + 1));
}

/** The cell part as written (normalised case, `$` dropped), open ends kept open. */
export function formatCells(cells: A1Cells): string {
  return cells.end === null ? cornerText(cells.start) : `${cornerText(cells.start)}:${cornerText(cells.end)}`;
}

export function formatBounds(bounds: Bounds): string {
  const start = `${columnLetters(bounds.startColumn)}${bounds.startRow + 1}`;
  if (bounds.endRow - bounds.startRow === 1 && bounds.endColumn - bounds.startColumn === 1) return start;
  return `${start}:${columnLetters(bounds.endColumn - 1)}${bounds.endRow}`;
}

// Sheets quotes a title only when it would not read back as a plain name.
export function quoteSheetTitle(title: string): string {
  const plain = /^[A-Za-z_][A-Za-z0-9_]*$/.test(title);
  const looksLikeCell = /^[A-Za-z]{1,3}[0-9]+$/.test(title) || /^[Rr][0-9]*[Cc][0-9]*$/.test(title);
  return plain && !looksLikeCell ? title : `'${title.replaceAll("'", "''")}'`;
}

export function formatRange(title: string, bounds: Bounds): string {
  return `${quoteSheetTitle(title)}!${formatBounds(bounds)}`;
}
