// SpreadsheetApp: the entry to the bound spreadsheet, its UI, the rule builders and the enums.
// The model and its classes live in spreadsheet-model.ts, range/sheet/spreadsheet.fake.ts and the
// fakes for metadata, filters, conditional formats, validation and protection.
import type { AppsScriptState } from './apps-script-state.ts';
import { FakeConditionalFormatRuleBuilder } from './conditional-format.fake.ts';
import { DataValidationCriteria, FakeDataValidationBuilder } from './data-validation.fake.ts';
import { DeveloperMetadataLocationType, DeveloperMetadataVisibility } from './developer-metadata.fake.ts';
import { BooleanCriteria, FakeFilterCriteriaBuilder } from './filter.fake.ts';
import { ProtectionType } from './protection.fake.ts';
import type { FakeRange } from './range.fake.ts';
import { guard, SCOPES } from './service-guard.ts';
import type { FakeSheet } from './sheet.fake.ts';
import { FakeSpreadsheet } from './spreadsheet.fake.ts';
import { getUi, type FakeUi } from './ui.fake.ts';

export function createSpreadsheetApp(state: AppsScriptState) {
  const active = (method: string): FakeSpreadsheet => {
    guard(state, `SpreadsheetApp.${method}`, 'limited', SCOPES.spreadsheets);
    return new FakeSpreadsheet(state);
  };
  return {
    DeveloperMetadataVisibility,
    DeveloperMetadataLocationType,
    ProtectionType,
    BooleanCriteria,
    DataValidationCriteria,
    getActive: (): FakeSpreadsheet => active('getActive'),
    getActiveSpreadsheet: (): FakeSpreadsheet => active('getActiveSpreadsheet'),
    getActiveSheet: (): FakeSheet => active('getActiveSheet').getActiveSheet(),
    getActiveRange: (): FakeRange => active('getActiveRange').getActiveRange(),
    getCurrentCell: (): FakeRange => active('getCurrentCell').getActiveCell(),
    setActiveSheet: (sheet: unknown): FakeSheet => active('setActiveSheet').setActiveSheet(sheet),
    getUi: (): FakeUi => getUi(state),
    /** Writes are applied at once in the fake; flush only checks the time limit. */
    flush: (): void => guard(state, 'SpreadsheetApp.flush', 'anytime'),
    newDataValidation: (): FakeDataValidationBuilder => new FakeDataValidationBuilder(),
    newConditionalFormatRule: (): FakeConditionalFormatRuleBuilder => new FakeConditionalFormatRuleBuilder(state),
    newFilterCriteria: (): FakeFilterCriteriaBuilder => new FakeFilterCriteriaBuilder(),
  };
}
