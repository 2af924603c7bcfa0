import { cellText } from '../cells/cell-text.ts';
import type { Locale } from '../i18n/locale.ts';
import { TAB_KINDS, type FieldOf, type TabKind } from '../records/tab-kind.ts';
import { serviceColumnOfHeader, type ServiceColumnKey } from '../write-plan/service-columns.ts';
import { columnNumber } from './column-letter.ts';
import { FIELD_SYNONYMS, REQUIRED_FIELDS, TAB_NAME_HINTS } from './field-synonyms.ts';
import { headerScore, matchHeaders } from './match-headers.ts';
import type { MappingProblem } from './mapping-problem.ts';
import { normalizeHeader } from './normalize-header.ts';
import type { SheetGrid } from './sheet-grid.ts';
import type { MappingSpec, ResolvedTab, TabSpec } from './tab-mapping.ts';

/**
 * How far down a tab its header row is looked for: titles, notes and merged banners sit above a
 * team's header row, rarely more than a few rows. The add-on reads this many rows of each tab to
 * detect its mapping.
 */
export const HEADER_SCAN_ROWS = 30;
const MIN_HEADER_SCORE = 2;

export interface ResolvedMapping {
  readonly tabs: readonly ResolvedTab[];
  readonly problems: readonly MappingProblem[];
}

function rowTexts(grid: SheetGrid, row: number): string[] {
  return (grid.rows[row - 1] ?? []).map(cellText);
}

/** The 1-based header row of a tab: the most header-like of its first rows, or null. */
export function findHeaderRow(grid: SheetGrid): number | null {
  let best: { row: number; score: number } | null = null;
  const limit = Math.min(grid.rows.length, HEADER_SCAN_ROWS);
  for (let row = 1; row <= limit; row++) {
    const score = headerScore(rowTexts(grid, row));
    if (score >= MIN_HEADER_SCORE && (best === null || score > best.score)) best = { row, score };
  }
  return best?.row ?? null;
}

/** The first row holding the most of the header texts a mapping names (letters never match). */
function rowNaming(grid: SheetGrid, names: readonly string[]): number | null {
  const wanted = new Set(names.map(normalizeHeader).filter((n) => n !== ''));
  let best: { row: number; hits: number } | null = null;
  const limit = Math.min(grid.rows.length, HEADER_SCAN_ROWS);
  for (let row = 1; row <= limit; row++) {
    const hits = rowTexts(grid, row).filter((cell) => wanted.has(normalizeHeader(cell))).length;
    if (hits > 0 && (best === null || hits > best.hits)) best = { row, hits };
  }
  return best?.row ?? null;
}

const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff]/;

function headerLocale(headers: readonly string[]): Locale {
  const named = headers.filter((h) => h !== '' && serviceColumnOfHeader(h) === null);
  const japanese = named.filter((h) => JAPANESE.test(h)).length;
  return named.length > 0 && japanese * 2 < named.length ? 'en' : 'ja';
}

function serviceColumnsOf(headers: readonly string[]): Partial<Record<ServiceColumnKey, number>> {
  const found: Partial<Record<ServiceColumnKey, number>> = {};
  headers.forEach((header, i) => {
    const key = serviceColumnOfHeader(header);
    if (key !== null && found[key] === undefined) found[key] = i + 1;
  });
  return found;
}

/** The last column any row uses; an empty string (a merged cell's span) counts as used. */
function lastUsedColumn(grid: SheetGrid): number {
  let last = 0;
  for (const row of grid.rows) {
    for (let i = row.length - 1; i >= last; i--) {
      if (row[i] !== null && row[i] !== undefined) {
        last = i + 1;
        break;
      }
    }
  }
  return last;
}

function lastNonEmpty(headers: readonly string[]): number {
  for (let i = headers.length - 1; i >= 0; i--) if (headers[i] !== '') return i + 1;
  return 0;
}

function meetsRequirement<K extends TabKind>(kind: K, fields: Partial<Record<FieldOf<K>, number>>): boolean {
  const sets = REQUIRED_FIELDS[kind] as readonly (readonly FieldOf<K>[])[];
  return sets.some((set) => set.every((f) => fields[f] !== undefined));
}

function buildTab<K extends TabKind>(
  kind: K,
  grid: SheetGrid,
  headerRow: number,
  explicit: Partial<Record<FieldOf<K>, number>> = {},
): ResolvedTab<K> {
  const headers = rowTexts(grid, headerRow);
  const serviceColumns = serviceColumnsOf(headers);
  const skip = new Set<number>([
    ...Object.values(serviceColumns),
    ...(Object.values(explicit) as number[]),
  ]);
  const detected = matchHeaders(kind, headers, skip, new Set(Object.keys(explicit) as FieldOf<K>[]));
  return {
    kind,
    sheet: grid.name,
    headerRow,
    fields: { ...detected, ...explicit },
    serviceColumns,
    headers,
    lastHeaderColumn: lastNonEmpty(headers),
    lastUsedColumn: lastUsedColumn(grid),
    locale: headerLocale(headers),
  };
}

function hintScore(kind: TabKind, sheet: string): number {
  const name = sheet.normalize('NFKC').toLowerCase();
  return TAB_NAME_HINTS[kind].some((hint) => name.includes(hint)) ? 2 : 0;
}

/** Finds each kind's tab by its headers (the tab's name only breaks ties). */
function detectTabs(grids: readonly SheetGrid[], skipKinds: ReadonlySet<TabKind>, skipSheets: ReadonlySet<string>): ResolvedTab[] {
  const options: { tab: ResolvedTab; score: number }[] = [];
  for (const grid of grids) {
    if (skipSheets.has(grid.name)) continue;
    const headerRow = findHeaderRow(grid);
    if (headerRow === null) continue;
    for (const kind of TAB_KINDS) {
      if (skipKinds.has(kind)) continue;
      const tab = buildTab(kind, grid, headerRow);
      if (!meetsRequirement(kind, tab.fields)) continue;
      options.push({ tab, score: Object.keys(tab.fields).length + hintScore(kind, grid.name) });
    }
  }
  // Greedy by score: each kind gets its best tab, each tab serves one kind.
  options.sort((a, b) => b.score - a.score);
  const chosen: ResolvedTab[] = [];
  const usedSheets = new Set<string>();
  const usedKinds = new Set<TabKind>();
  for (const { tab } of options) {
    if (usedSheets.has(tab.sheet) || usedKinds.has(tab.kind)) continue;
    chosen.push(tab);
    usedSheets.add(tab.sheet);
    usedKinds.add(tab.kind);
  }
  return chosen.sort((a, b) => TAB_KINDS.indexOf(a.kind) - TAB_KINDS.indexOf(b.kind));
}

function explicitTab<K extends TabKind>(
  kind: K,
  spec: TabSpec,
  grids: readonly SheetGrid[],
  problems: MappingProblem[],
  lettersAllowed: boolean,
): ResolvedTab<K> | null {
  const grid = grids.find((g) => g.name === spec.sheet);
  if (grid === undefined) {
    problems.push({ code: 'mapping.sheetMissing', kind, sheet: spec.sheet });
    return null;
  }
  const headerRow = spec.headerRow ?? rowNaming(grid, Object.values(spec.columns ?? {})) ?? findHeaderRow(grid);
  if (headerRow === null) {
    problems.push({ code: 'mapping.noHeaderRow', kind, sheet: spec.sheet });
    return null;
  }
  const headers = rowTexts(grid, headerRow);
  const known = new Set(Object.keys(FIELD_SYNONYMS[kind]));
  const explicit: Partial<Record<FieldOf<K>, number>> = {};
  for (const [field, column] of Object.entries(spec.columns ?? {})) {
    if (!known.has(field)) {
      problems.push({ code: 'mapping.unknownField', kind, sheet: spec.sheet, field });
      continue;
    }
    const wanted = normalizeHeader(column);
    const byHeader = headers.findIndex((h) => normalizeHeader(h) === wanted && wanted !== '');
    const number = byHeader >= 0 ? byHeader + 1 : lettersAllowed ? columnNumber(column) : null;
    if (number === null) {
      problems.push({ code: 'mapping.columnMissing', kind, sheet: spec.sheet, field, column });
      continue;
    }
    explicit[field as FieldOf<K>] = number;
  }
  const tab = buildTab(kind, grid, headerRow, explicit);
  if (!meetsRequirement(kind, tab.fields)) {
    const needed = (REQUIRED_FIELDS[kind][0] ?? []).join(', ');
    problems.push({ code: 'mapping.requiredMissing', kind, sheet: spec.sheet, fields: needed });
    return null;
  }
  return tab;
}

/**
 * Resolves which tab holds deals, visits and requests and which column holds each field. Tabs
 * named in `spec` use it (fields it leaves out are detected); the other kinds are detected.
 */
export function resolveMapping(
  grids: readonly SheetGrid[],
  spec: MappingSpec | null,
  options: { readonly lettersAllowed?: boolean } = {},
): ResolvedMapping {
  const problems: MappingProblem[] = [];
  const tabs: ResolvedTab[] = [];
  for (const kind of TAB_KINDS) {
    const tabSpec = spec?.tabs?.[kind];
    if (tabSpec === undefined) continue;
    const tab = explicitTab(kind, tabSpec, grids, problems, options.lettersAllowed ?? true);
    if (tab !== null) tabs.push(tab);
  }
  const detected = detectTabs(
    grids,
    new Set(tabs.map((t) => t.kind)),
    new Set(tabs.map((t) => t.sheet)),
  );
  const all = [...tabs, ...detected].sort((a, b) => TAB_KINDS.indexOf(a.kind) - TAB_KINDS.indexOf(b.kind));
  return { tabs: all, problems };
}

/** The mapping as stored per spreadsheet: by header text, so moved columns still resolve. */
export function mappingSpecOf(tabs: readonly ResolvedTab[]): MappingSpec {
  const out: Partial<Record<TabKind, TabSpec>> = {};
  for (const tab of tabs) {
    const columns: Record<string, string> = {};
    for (const [field, column] of Object.entries(tab.fields) as [string, number][]) {
      // Remembered by header only: a column with no header cannot be found again after a move.
      const header = tab.headers[column - 1] ?? '';
      if (header !== '') columns[field] = header;
    }
    out[tab.kind] = { sheet: tab.sheet, headerRow: tab.headerRow, columns };
  }
  return { tabs: out };
}
