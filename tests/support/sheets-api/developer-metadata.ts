// Developer metadata: wire shapes, lookups (DataFilter matching) and the search endpoint.

import type { sheets_v4 } from 'googleapis';
import { invalidArgument } from './google-error.ts';
import { resolveRange } from './range-resolution.ts';
import type { MetadataLocation, SpreadsheetModel, StoredMetadata } from './spreadsheet-model.ts';

type DeveloperMetadata = sheets_v4.Schema$DeveloperMetadata;
type DataFilter = sheets_v4.Schema$DataFilter;

export function locationView(location: MetadataLocation): sheets_v4.Schema$DeveloperMetadataLocation {
  switch (location.kind) {
    case 'SPREADSHEET':
      return { locationType: 'SPREADSHEET', spreadsheet: true };
    case 'SHEET':
      return { locationType: 'SHEET', sheetId: location.sheetId };
    default:
      return {
        locationType: location.kind,
        dimensionRange: {
          sheetId: location.sheetId,
          dimension: location.kind === 'ROW' ? 'ROWS' : 'COLUMNS',
          startIndex: location.index,
          endIndex: location.index + 1,
        },
      };
  }
}

export function metadataView(entry: StoredMetadata): DeveloperMetadata {
  const view: DeveloperMetadata = { metadataId: entry.metadataId, metadataKey: entry.metadataKey };
  if (entry.metadataValue !== null) view.metadataValue = entry.metadataValue;
  view.location = locationView(entry.location);
  view.visibility = entry.visibility;
  return view;
}

/** Reads a request's location; null when it names none or an invalid one (message in `reason`). */
export function parseLocation(
  location: sheets_v4.Schema$DeveloperMetadataLocation | undefined,
): { location: MetadataLocation } | { reason: string } {
  if (location == null) return { reason: 'Developer metadata must have a location.' };
  if (location.spreadsheet === true) return { location: { kind: 'SPREADSHEET' } };
  if (location.sheetId != null && location.dimensionRange == null) return { location: { kind: 'SHEET', sheetId: location.sheetId } };
  const range = location.dimensionRange;
  if (range == null) return { reason: 'Developer metadata must have a location.' };
  if (range.dimension !== 'ROWS' && range.dimension !== 'COLUMNS') return { reason: 'dimensionRange.dimension must be ROWS or COLUMNS.' };
  const start = range.startIndex ?? 0;
  if (range.endIndex == null || range.endIndex - start !== 1) {
    return { reason: 'The specified DimensionRange must represent a single row or column.' };
  }
  return { location: { kind: range.dimension === 'ROWS' ? 'ROW' : 'COLUMN', sheetId: range.sheetId ?? 0, index: start } };
}

function locationMatches(
  lookup: sheets_v4.Schema$DeveloperMetadataLookup,
  location: MetadataLocation,
): boolean {
  const wanted = lookup.metadataLocation;
  if (wanted == null) return true;
  // INTERSECTING (the default) also matches e.g. column B for row 3, and the sheet holding them.
  const exact = lookup.locationMatchingStrategy === 'EXACT_LOCATION';
  if (wanted.spreadsheet === true) return location.kind === 'SPREADSHEET';
  if (location.kind === 'SPREADSHEET') return false;
  const range = wanted.dimensionRange;
  if (range != null) {
    if (location.sheetId !== (range.sheetId ?? 0)) return false;
    const kind = range.dimension === 'ROWS' ? 'ROW' : 'COLUMN';
    const start = range.startIndex ?? 0;
    const end = range.endIndex ?? Number.MAX_SAFE_INTEGER;
    if (location.kind === 'SHEET') return !exact;
    if (exact) return location.kind === kind && location.index === start && end === start + 1;
    if (location.kind !== kind) return true;
    return location.index >= start && location.index < end;
  }
  if (wanted.sheetId != null) {
    if (location.sheetId !== wanted.sheetId) return false;
    return exact ? location.kind === 'SHEET' : true;
  }
  return true;
}

export function lookupMatches(lookup: sheets_v4.Schema$DeveloperMetadataLookup, entry: StoredMetadata): boolean {
  if (lookup.metadataId != null && lookup.metadataId !== entry.metadataId) return false;
  if (lookup.metadataKey != null && lookup.metadataKey !== entry.metadataKey) return false;
  if (lookup.metadataValue != null && lookup.metadataValue !== entry.metadataValue) return false;
  if (lookup.visibility != null && lookup.visibility !== entry.visibility) return false;
  if (lookup.locationType != null && lookup.locationType !== entry.location.kind) return false;
  return locationMatches(lookup, entry.location);
}

function intersectsRange(doc: SpreadsheetModel, filter: DataFilter, entry: StoredMetadata): boolean {
  let sheetId: number;
  let rows: [number, number];
  let columns: [number, number];
  if (filter.a1Range != null) {
    const range = resolveRange(doc, filter.a1Range);
    sheetId = range.sheet.sheetId;
    rows = [range.bounds.startRow, range.bounds.endRow];
    columns = [range.bounds.startColumn, range.bounds.endColumn];
  } else {
    const grid = filter.gridRange ?? {};
    sheetId = grid.sheetId ?? 0;
    rows = [grid.startRowIndex ?? 0, grid.endRowIndex ?? Number.MAX_SAFE_INTEGER];
    columns = [grid.startColumnIndex ?? 0, grid.endColumnIndex ?? Number.MAX_SAFE_INTEGER];
  }
  const location = entry.location;
  if (location.kind === 'SPREADSHEET' || location.sheetId !== sheetId) return false;
  if (location.kind === 'SHEET') return true;
  const [from, to] = location.kind === 'ROW' ? rows : columns;
  return location.index >= from && location.index < to;
}

/** Whether one DataFilter selects the entry. */
export function filterMatches(doc: SpreadsheetModel, filter: DataFilter, entry: StoredMetadata): boolean {
  if (filter.developerMetadataLookup != null) return lookupMatches(filter.developerMetadataLookup, entry);
  if (filter.a1Range != null || filter.gridRange != null) return intersectsRange(doc, filter, entry);
  throw invalidArgument('dataFilter.filter must be specified.');
}

export function searchDeveloperMetadata(
  doc: SpreadsheetModel,
  request: sheets_v4.Schema$SearchDeveloperMetadataRequest,
): sheets_v4.Schema$SearchDeveloperMetadataResponse {
  const filters = request.dataFilters ?? [];
  if (filters.length === 0) throw invalidArgument('Must specify at least one dataFilter.');
  const matched: sheets_v4.Schema$MatchedDeveloperMetadata[] = [];
  for (const entry of doc.metadata) {
    const matching = filters.filter((filter) => filterMatches(doc, filter, entry));
    if (matching.length > 0) matched.push({ developerMetadata: metadataView(entry), dataFilters: structuredClone(matching) });
  }
  // An empty result is `{}`: proto3 JSON leaves out empty lists.
  return matched.length === 0 ? {} : { matchedDeveloperMetadata: matched };
}
