// The batchUpdate request kinds the stand-in serves, one handler each.

import type { sheets_v4 } from 'googleapis';
import { repeatCell, setDataValidation, updateCells } from './cell-requests.ts';
import {
  appendDimension,
  deleteDimension,
  insertDimension,
  moveDimension,
  updateDimensionProperties,
} from './dimension-requests.ts';
import {
  addConditionalFormatRule,
  addFilterView,
  addProtectedRange,
  clearBasicFilter,
  deleteConditionalFormatRule,
  deleteFilterView,
  deleteProtectedRange,
  setBasicFilter,
} from './feature-requests.ts';
import { createDeveloperMetadata, deleteDeveloperMetadata, updateDeveloperMetadata } from './metadata-requests.ts';
import type { RequestContext, RequestReply } from './request-context.ts';
import { addSheet, deleteSheet, updateSheetProperties, updateSpreadsheetProperties } from './sheet-requests.ts';
import { sortRange } from './sort-range.ts';

export type RequestKind = keyof sheets_v4.Schema$Request;

type Handlers = {
  [K in RequestKind]?: (request: NonNullable<sheets_v4.Schema$Request[K]>, context: RequestContext) => RequestReply;
};

export const REQUEST_HANDLERS: Handlers = {
  addSheet,
  deleteSheet,
  updateSheetProperties,
  updateSpreadsheetProperties,
  insertDimension,
  deleteDimension,
  moveDimension,
  appendDimension,
  updateDimensionProperties,
  sortRange,
  updateCells,
  repeatCell,
  setDataValidation,
  createDeveloperMetadata,
  updateDeveloperMetadata,
  deleteDeveloperMetadata,
  addProtectedRange,
  deleteProtectedRange,
  addConditionalFormatRule,
  deleteConditionalFormatRule,
  addFilterView,
  deleteFilterView,
  setBasicFilter,
  clearBasicFilter,
};

/** Every kind the real API knows (the keys of Schema$Request), to tell "unsupported" from "unknown". */
export const KNOWN_REQUEST_KINDS: ReadonlySet<string> = new Set([
  'addBanding', 'addChart', 'addCommentReply', 'addConditionalFormatRule', 'addDataSource', 'addDimensionGroup',
  'addFilterView', 'addNamedRange', 'addProtectedRange', 'addSheet', 'addSlicer', 'addTable', 'appendCells',
  'appendDimension', 'autoFill', 'autoResizeDimensions', 'cancelDataSourceRefresh', 'clearBasicFilter', 'copyPaste',
  'createDeveloperMetadata', 'cutPaste', 'deleteBanding', 'deleteComment', 'deleteCommentReply',
  'deleteConditionalFormatRule', 'deleteDataSource', 'deleteDeveloperMetadata', 'deleteDimension',
  'deleteDimensionGroup', 'deleteDuplicates', 'deleteEmbeddedObject', 'deleteFilterView', 'deleteNamedRange',
  'deleteProtectedRange', 'deleteRange', 'deleteSheet', 'deleteTable', 'duplicateFilterView', 'duplicateSheet',
  'findReplace', 'insertComment', 'insertDimension', 'insertRange', 'mergeCells', 'moveDimension', 'pasteData',
  'randomizeRange', 'refreshDataSource', 'repeatCell', 'setBasicFilter', 'setDataValidation', 'sortRange',
  'textToColumns', 'trimWhitespace', 'unmergeCells', 'updateBanding', 'updateBorders', 'updateCells',
  'updateChartSpec', 'updateCommentPost', 'updateConditionalFormatRule', 'updateDataSource', 'updateDeveloperMetadata',
  'updateDimensionGroup', 'updateDimensionProperties', 'updateEmbeddedObjectBorder', 'updateEmbeddedObjectPosition',
  'updateFilterView', 'updateNamedRange', 'updateProtectedRange', 'updateSheetProperties', 'updateSlicerSpec',
  'updateSpreadsheetProperties', 'updateTable',
]);
