// Data validation rules (dropdown lists, checkboxes) and their builder.
import { makeEnum } from './enum-value.ts';
import type { ValidationState } from './spreadsheet-model.ts';

export const DataValidationCriteria = makeEnum(['VALUE_IN_LIST', 'CHECKBOX', 'VALUE_IN_RANGE', 'TEXT_CONTAINS', 'CUSTOM_FORMULA']);

export class FakeDataValidation {
  readonly spec: ValidationState;

  constructor(spec: ValidationState) {
    this.spec = spec;
  }

  getCriteriaType(): unknown {
    return DataValidationCriteria[this.spec.criteria];
  }

  getCriteriaValues(): unknown[] {
    return this.spec.criteria === 'VALUE_IN_LIST' ? [[...this.spec.values], this.spec.showDropdown] : [];
  }

  getAllowInvalid(): boolean {
    return this.spec.allowInvalid;
  }

  getHelpText(): string | null {
    return this.spec.helpText;
  }

  copy(): FakeDataValidationBuilder {
    return new FakeDataValidationBuilder(this.spec);
  }
}

export class FakeDataValidationBuilder {
  #spec: ValidationState;

  constructor(spec: ValidationState = { criteria: 'VALUE_IN_LIST', values: [], showDropdown: true, allowInvalid: true, helpText: null }) {
    this.#spec = spec;
  }

  requireValueInList(values: readonly unknown[], showDropdown = true): FakeDataValidationBuilder {
    this.#spec = { ...this.#spec, criteria: 'VALUE_IN_LIST', values: values.map(String), showDropdown: showDropdown !== false };
    return this;
  }

  requireCheckbox(): FakeDataValidationBuilder {
    this.#spec = { ...this.#spec, criteria: 'CHECKBOX', values: [] };
    return this;
  }

  setAllowInvalid(allowInvalid: boolean): FakeDataValidationBuilder {
    this.#spec = { ...this.#spec, allowInvalid: allowInvalid === true };
    return this;
  }

  setHelpText(helpText: string): FakeDataValidationBuilder {
    this.#spec = { ...this.#spec, helpText: String(helpText) };
    return this;
  }

  build(): FakeDataValidation {
    return new FakeDataValidation(this.#spec);
  }
}
