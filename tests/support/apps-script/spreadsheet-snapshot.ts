// The whole spreadsheet as JSON, for assertions: values as getValues returns them (dates as
// { date: ISO }), and everything else the add-on may have set.
import type { ConditionalRuleSnapshot, MetadataSnapshot, SheetSnapshot, SpreadsheetSnapshot, ValidationSnapshot } from './apps-script-records.ts';
import { cellA1, rectA1 } from './a1-range.ts';
import { computedValue, scriptValue } from './cell-read.ts';
import { wireValue } from './cell-writes.ts';
import { filterHiddenRows } from './filter.fake.ts';
import { hostRealm } from './realm.ts';
import { cellAt, findSheet, lastColumnWithContent, lastRowWithContent, type MetadataState, type SheetState, type SpreadsheetState } from './spreadsheet-model.ts';

function metadataSnapshot(entry: MetadataState): MetadataSnapshot {
  const location = entry.location;
  return {
    id: entry.id,
    key: entry.key,
    value: entry.value,
    visibility: entry.visibility,
    location: location.type,
    index: location.type === 'ROW' || location.type === 'COLUMN' ? location.index : null,
  };
}

function sheetSnapshot(doc: SpreadsheetState, sheet: SheetState): SheetSnapshot {
  const lastRow = lastRowWithContent(sheet);
  const lastColumn = lastColumnWithContent(sheet);
  const values = Array.from({ length: lastRow }, (_, r) =>
    Array.from({ length: lastColumn }, (_, c) => {
      const value = scriptValue(computedValue(doc, sheet, r + 1, c + 1), cellAt(sheet, r + 1, c + 1)?.format ?? null, doc.timeZone, hostRealm);
      return value === '' ? '' : wireValue(value);
    }),
  );
  const formulas: Record<string, string> = {};
  const numberFormats: Record<string, string> = {};
  const fontWeights: Record<string, string> = {};
  const backgrounds: Record<string, string> = {};
  const validations: Record<string, ValidationSnapshot> = {};
  sheet.rows.forEach((cells, r) =>
    cells?.forEach((cell, c) => {
      if (cell === undefined) return;
      const a1 = cellA1(r + 1, c + 1);
      if (cell.formula !== null) formulas[a1] = cell.formula;
      if (cell.format !== null) numberFormats[a1] = cell.format;
      if (cell.fontWeight !== null) fontWeights[a1] = cell.fontWeight;
      if (cell.background !== null) backgrounds[a1] = cell.background;
      if (cell.validation !== null) {
        const { criteria, values: list, allowInvalid, helpText } = cell.validation;
        validations[a1] = { criteria, values: [...list], allowInvalid, helpText };
      }
    }),
  );
  const conditionalRules: ConditionalRuleSnapshot[] = sheet.conditionalRules.map((rule) => ({
    ranges: rule.ranges.map(rectA1),
    condition: rule.type,
    values: [...rule.values],
    background: rule.background,
    fontColor: rule.fontColor,
    bold: rule.bold,
  }));
  return {
    name: sheet.name,
    sheetId: sheet.sheetId,
    maxRows: sheet.maxRows,
    maxColumns: sheet.maxColumns,
    frozenRows: sheet.frozenRows,
    frozenColumns: sheet.frozenColumns,
    values,
    formulas,
    numberFormats,
    fontWeights,
    backgrounds,
    validations,
    hiddenColumns: sheet.hiddenColumns.flatMap((hidden, i) => (hidden ? [i + 1] : [])),
    metadata: doc.metadata.filter((entry) => entry.location.type !== 'SPREADSHEET' && entry.location.sheetId === sheet.sheetId).map(metadataSnapshot),
    filter:
      sheet.filter === null
        ? null
        : {
            range: rectA1(sheet.filter.rect),
            criteria: [...sheet.filter.criteria].sort(([a], [b]) => a - b).map(([column, c]) => ({ column, type: c.type, values: [...c.values], hiddenValues: [...c.hiddenValues] })),
            hiddenRows: filterHiddenRows(doc, sheet),
          },
    conditionalRules,
    protections: sheet.protections.map((p) => ({
      type: p.type,
      range: rectA1(p.rect),
      description: p.description,
      warningOnly: p.warningOnly,
      editors: p.restricted ? [...p.editors].sort() : null,
    })),
  };
}

export function snapshotSpreadsheet(doc: SpreadsheetState): SpreadsheetSnapshot {
  const active = findSheet(doc, doc.active.sheetId) ?? doc.sheets[0];
  return {
    id: doc.id,
    name: doc.name,
    timeZone: doc.timeZone,
    locale: doc.locale,
    activeSheet: active?.name ?? '',
    activeRange: rectA1(doc.active.rect),
    sheets: doc.sheets.map((sheet) => sheetSnapshot(doc, sheet)),
    metadata: doc.metadata.filter((entry) => entry.location.type === 'SPREADSHEET').map(metadataSnapshot),
  };
}
