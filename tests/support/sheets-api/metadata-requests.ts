// createDeveloperMetadata, updateDeveloperMetadata, deleteDeveloperMetadata.

import type { sheets_v4 } from 'googleapis';
import { filterMatches, metadataView, parseLocation } from './developer-metadata.ts';
import { applyUpdateMask } from './field-mask.ts';
import { GoogleApiError, RequestRejection } from './google-error.ts';
import { allocateId, requiredMask } from './request-context.ts';
import type { RequestContext, RequestReply } from './request-context.ts';
import { findSheet } from './spreadsheet-model.ts';
import type { MetadataLocation, StoredMetadata } from './spreadsheet-model.ts';

const VISIBILITIES = new Set(['DOCUMENT', 'PROJECT']);

function checkedLocation(context: RequestContext, location: sheets_v4.Schema$DeveloperMetadataLocation | undefined): MetadataLocation {
  const parsed = parseLocation(location);
  if ('reason' in parsed) throw new RequestRejection(parsed.reason);
  const result = parsed.location;
  if (result.kind === 'SPREADSHEET') return result;
  const sheet = findSheet(context.doc, result.sheetId);
  if (sheet === undefined) throw new RequestRejection(`No grid with id: ${result.sheetId}`);
  if (result.kind !== 'SHEET') {
    const count = result.kind === 'ROW' ? sheet.rowCount : sheet.columnCount;
    if (result.index >= count) {
      throw new RequestRejection(`Range exceeds grid limits. Max rows: ${sheet.rowCount}, max columns: ${sheet.columnCount}`);
    }
  }
  return result;
}

function matching(context: RequestContext, filters: sheets_v4.Schema$DataFilter[]): StoredMetadata[] {
  try {
    return context.doc.metadata.filter((entry) => filters.some((filter) => filterMatches(context.doc, filter, entry)));
  } catch (error) {
    if (error instanceof GoogleApiError) throw new RequestRejection(error.message);
    throw error;
  }
}

export function createDeveloperMetadata(
  request: sheets_v4.Schema$CreateDeveloperMetadataRequest,
  context: RequestContext,
): RequestReply {
  const input = request.developerMetadata ?? {};
  if (input.metadataKey == null || input.metadataKey === '') throw new RequestRejection('Developer metadata must always have a key specified.');
  if (input.visibility == null || !VISIBILITIES.has(input.visibility)) {
    throw new RequestRejection('Developer metadata must always have a visibility specified (DOCUMENT or PROJECT).');
  }
  const location = checkedLocation(context, input.location ?? undefined);
  if (input.metadataId != null && input.metadataId <= 0) throw new RequestRejection('metadataId must be positive.');
  const entry: StoredMetadata = {
    metadataId: allocateId(context, input.metadataId, 'developer metadata'),
    metadataKey: input.metadataKey,
    metadataValue: input.metadataValue ?? null,
    visibility: input.visibility,
    location,
  };
  context.doc.metadata.push(entry);
  return { createDeveloperMetadata: { developerMetadata: metadataView(entry) } };
}

export function updateDeveloperMetadata(
  request: sheets_v4.Schema$UpdateDeveloperMetadataRequest,
  context: RequestContext,
): RequestReply {
  const mask = requiredMask(request.fields);
  const filters = request.dataFilters ?? [];
  if (filters.length === 0) throw new RequestRejection('Must specify at least one dataFilter.');
  const targets = matching(context, filters);
  const updated: sheets_v4.Schema$DeveloperMetadata[] = [];
  for (const entry of targets) {
    const merged = metadataView(entry) as Record<string, unknown>;
    applyUpdateMask(merged, request.developerMetadata, mask);
    if (merged['metadataId'] !== entry.metadataId) throw new RequestRejection('metadataId cannot be updated.');
    const key = merged['metadataKey'];
    const visibility = merged['visibility'];
    if (typeof key !== 'string' || key === '') throw new RequestRejection('Developer metadata must always have a key specified.');
    if (typeof visibility !== 'string' || !VISIBILITIES.has(visibility)) throw new RequestRejection('Invalid visibility.');
    const value = merged['metadataValue'];
    entry.metadataKey = key;
    entry.visibility = visibility;
    entry.metadataValue = typeof value === 'string' ? value : null;
    entry.location = checkedLocation(context, merged['location'] as sheets_v4.Schema$DeveloperMetadataLocation | undefined);
    updated.push(metadataView(entry));
  }
  return { updateDeveloperMetadata: { developerMetadata: updated } };
}

export function deleteDeveloperMetadata(
  request: sheets_v4.Schema$DeleteDeveloperMetadataRequest,
  context: RequestContext,
): RequestReply {
  if (request.dataFilter == null) throw new RequestRejection('dataFilter is required.');
  const doomed = new Set(matching(context, [request.dataFilter]));
  context.doc.metadata = context.doc.metadata.filter((entry) => !doomed.has(entry));
  const deletedDeveloperMetadata = [...doomed].map(metadataView);
  return { deleteDeveloperMetadata: deletedDeveloperMetadata.length === 0 ? {} : { deletedDeveloperMetadata } };
}
