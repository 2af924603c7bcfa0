// The sheet's basic filter: a range, per-column criteria, and the rows those criteria hide.
import type { AppsScriptState } from './apps-script-state.ts';
import { computedValue, displayValue } from './cell-read.ts';
import { makeEnum } from './enum-value.ts';
import { FakeRange } from './range.fake.ts';
import { realmArray, scriptException, signatureMismatch } from './realm.ts';
import { cellAt, type FilterCriteriaState, type FilterCriteriaType, type SheetState, type SpreadsheetState } from './spreadsheet-model.ts';

/** SpreadsheetApp.BooleanCriteria (the subset the fakes build). */
export const BooleanCriteria = makeEnum(['CELL_EMPTY', 'CELL_NOT_EMPTY', 'TEXT_CONTAINS', 'TEXT_EQUAL_TO', 'CUSTOM_FORMULA']);

export class FakeFilterCriteria {
  readonly spec: FilterCriteriaState;

  constructor(spec: FilterCriteriaState) {
    this.spec = spec;
  }

  getCriteriaType(): unknown {
    const type = this.spec.type;
    return type === null || type === 'VALUES' ? null : BooleanCriteria[type];
  }

  getCriteriaValues(): string[] {
    return [...this.spec.values];
  }

  getHiddenValues(): string[] {
    return [...this.spec.hiddenValues];
  }

  copy(): FakeFilterCriteriaBuilder {
    return new FakeFilterCriteriaBuilder(this.spec);
  }
}

export class FakeFilterCriteriaBuilder {
  #spec: FilterCriteriaState;

  constructor(spec: FilterCriteriaState = { type: null, values: [], hiddenValues: [] }) {
    this.#spec = spec;
  }

  #set(type: FilterCriteriaType, values: readonly string[]): FakeFilterCriteriaBuilder {
    this.#spec = { ...this.#spec, type, values };
    return this;
  }

  whenCellEmpty(): FakeFilterCriteriaBuilder {
    return this.#set('CELL_EMPTY', []);
  }

  whenCellNotEmpty(): FakeFilterCriteriaBuilder {
    return this.#set('CELL_NOT_EMPTY', []);
  }

  whenTextContains(text: string): FakeFilterCriteriaBuilder {
    return this.#set('TEXT_CONTAINS', [String(text)]);
  }

  whenTextEqualTo(text: string): FakeFilterCriteriaBuilder {
    return this.#set('TEXT_EQUAL_TO', [String(text)]);
  }

  setHiddenValues(values: readonly string[]): FakeFilterCriteriaBuilder {
    this.#spec = { ...this.#spec, hiddenValues: values.map(String) };
    return this;
  }

  build(): FakeFilterCriteria {
    return new FakeFilterCriteria(this.#spec);
  }
}

function matches(criteria: FilterCriteriaState, text: string): boolean {
  if (criteria.hiddenValues.includes(text)) return false;
  switch (criteria.type) {
    case 'CELL_EMPTY':
      return text === '';
    case 'CELL_NOT_EMPTY':
      return text !== '';
    case 'TEXT_CONTAINS':
      return text.toLowerCase().includes((criteria.values[0] ?? '').toLowerCase());
    case 'TEXT_EQUAL_TO':
      return text === (criteria.values[0] ?? '');
    default:
      return true;
  }
}

/** Rows (1-based) the sheet's filter hides: data rows of its range failing any column's criteria. */
export function filterHiddenRows(doc: SpreadsheetState, sheet: SheetState): number[] {
  const filter = sheet.filter;
  if (filter === null) return [];
  const hidden: number[] = [];
  const last = filter.rect.row + filter.rect.numRows - 1;
  for (let row = filter.rect.row + 1; row <= last; row++) {
    for (const [column, criteria] of filter.criteria) {
      const text = displayValue(computedValue(doc, sheet, row, column), cellAt(sheet, row, column)?.format ?? null);
      if (!matches(criteria, text)) {
        hidden.push(row);
        break;
      }
    }
  }
  return hidden;
}

export class FakeFilter {
  readonly #state: AppsScriptState;
  readonly #sheet: SheetState;

  constructor(state: AppsScriptState, sheet: SheetState) {
    this.#state = state;
    this.#sheet = sheet;
  }

  #filter() {
    const filter = this.#sheet.filter;
    if (filter === null) throw scriptException(this.#state.realm, 'The filter has been removed.');
    return filter;
  }

  #column(method: string, position: unknown): number {
    const filter = this.#filter();
    if (typeof position !== 'number' || !Number.isInteger(position)) throw signatureMismatch(this.#state.realm, `SpreadsheetApp.Filter.${method}`, [position]);
    if (position < filter.rect.column || position >= filter.rect.column + filter.rect.numColumns) {
      throw scriptException(this.#state.realm, 'The column position is out of the filter range.');
    }
    return position;
  }

  getRange(): FakeRange {
    return new FakeRange(this.#state, this.#sheet, { ...this.#filter().rect });
  }

  getColumnFilterCriteria(columnPosition: unknown): FakeFilterCriteria | null {
    const spec = this.#filter().criteria.get(this.#column('getColumnFilterCriteria', columnPosition));
    return spec === undefined ? null : new FakeFilterCriteria(spec);
  }

  setColumnFilterCriteria(columnPosition: unknown, criteria: unknown): FakeFilter {
    const column = this.#column('setColumnFilterCriteria', columnPosition);
    if (criteria === null) return this.removeColumnFilterCriteria(column);
    if (!(criteria instanceof FakeFilterCriteria)) throw signatureMismatch(this.#state.realm, 'SpreadsheetApp.Filter.setColumnFilterCriteria', [columnPosition, criteria]);
    this.#filter().criteria.set(column, criteria.spec);
    return this;
  }

  removeColumnFilterCriteria(columnPosition: unknown): FakeFilter {
    this.#filter().criteria.delete(this.#column('removeColumnFilterCriteria', columnPosition));
    return this;
  }

  remove(): void {
    this.#filter();
    this.#sheet.filter = null;
  }

  /** Not Apps Script: the rows the filter currently hides, for tests in-process. */
  hiddenRows(): number[] {
    return realmArray(this.#state.realm, filterHiddenRows(this.#state.spreadsheet, this.#sheet));
  }
}
