// Conditional format rules: a boolean condition, a format, the ranges it applies to.
import type { AppsScriptState } from './apps-script-state.ts';
import { BooleanCriteria } from './filter.fake.ts';
import { FakeRange } from './range.fake.ts';
import { realmArray, scriptException } from './realm.ts';
import { findSheet, type BooleanConditionType, type ConditionalRuleState, type GridRect } from './spreadsheet-model.ts';

interface RuleDraft {
  type: BooleanConditionType | null;
  values: readonly string[];
  background: string | null;
  fontColor: string | null;
  bold: boolean | null;
  sheetId: number | null;
  ranges: GridRect[];
}

export class FakeBooleanCondition {
  readonly #rule: ConditionalRuleState;

  constructor(rule: ConditionalRuleState) {
    this.#rule = rule;
  }

  getCriteriaType(): unknown {
    return BooleanCriteria[this.#rule.type];
  }

  getCriteriaValues(): string[] {
    return [...this.#rule.values];
  }

  getBackground(): string | null {
    return this.#rule.background;
  }

  getFontColor(): string | null {
    return this.#rule.fontColor;
  }

  getBold(): boolean | null {
    return this.#rule.bold;
  }
}

export class FakeConditionalFormatRule {
  readonly #state: AppsScriptState;
  readonly sheetId: number;
  readonly spec: ConditionalRuleState;

  constructor(state: AppsScriptState, sheetId: number, spec: ConditionalRuleState) {
    this.#state = state;
    this.sheetId = sheetId;
    this.spec = spec;
  }

  getRanges(): FakeRange[] {
    const sheet = findSheet(this.#state.spreadsheet, this.sheetId);
    if (sheet === undefined) return realmArray(this.#state.realm, []);
    return realmArray(this.#state.realm, this.spec.ranges.map((rect) => new FakeRange(this.#state, sheet, { ...rect })));
  }

  getBooleanCondition(): FakeBooleanCondition {
    return new FakeBooleanCondition(this.spec);
  }

  copy(): FakeConditionalFormatRuleBuilder {
    const { type, values, background, fontColor, bold, ranges } = this.spec;
    return new FakeConditionalFormatRuleBuilder(this.#state, { type, values, background, fontColor, bold, sheetId: this.sheetId, ranges: ranges.map((r) => ({ ...r })) });
  }
}

export class FakeConditionalFormatRuleBuilder {
  readonly #state: AppsScriptState;
  readonly #draft: RuleDraft;

  constructor(state: AppsScriptState, draft?: RuleDraft) {
    this.#state = state;
    this.#draft = draft ?? { type: null, values: [], background: null, fontColor: null, bold: null, sheetId: null, ranges: [] };
  }

  #when(type: BooleanConditionType, values: readonly string[]): FakeConditionalFormatRuleBuilder {
    this.#draft.type = type;
    this.#draft.values = values;
    return this;
  }

  whenTextContains(text: string): FakeConditionalFormatRuleBuilder {
    return this.#when('TEXT_CONTAINS', [String(text)]);
  }

  whenTextEqualTo(text: string): FakeConditionalFormatRuleBuilder {
    return this.#when('TEXT_EQUAL_TO', [String(text)]);
  }

  whenCellEmpty(): FakeConditionalFormatRuleBuilder {
    return this.#when('CELL_EMPTY', []);
  }

  whenCellNotEmpty(): FakeConditionalFormatRuleBuilder {
    return this.#when('CELL_NOT_EMPTY', []);
  }

  whenFormulaSatisfied(formula: string): FakeConditionalFormatRuleBuilder {
    return this.#when('CUSTOM_FORMULA', [String(formula)]);
  }

  setBackground(color: string | null): FakeConditionalFormatRuleBuilder {
    this.#draft.background = color === null ? null : String(color).toLowerCase();
    return this;
  }

  setFontColor(color: string | null): FakeConditionalFormatRuleBuilder {
    this.#draft.fontColor = color === null ? null : String(color).toLowerCase();
    return this;
  }

  setBold(bold: boolean | null): FakeConditionalFormatRuleBuilder {
    this.#draft.bold = bold;
    return this;
  }

  setRanges(ranges: readonly unknown[]): FakeConditionalFormatRuleBuilder {
    const fakes = ranges.filter((range): range is FakeRange => range instanceof FakeRange);
    const sheets = new Set(fakes.map((range) => range.sheetState.sheetId));
    if (fakes.length !== ranges.length || sheets.size > 1) {
      throw scriptException(this.#state.realm, 'All ranges of a conditional format rule must be on the same sheet.');
    }
    this.#draft.sheetId = fakes[0]?.sheetState.sheetId ?? null;
    this.#draft.ranges = fakes.map((range) => ({ ...range.rect }));
    return this;
  }

  build(): FakeConditionalFormatRule {
    const { type, values, background, fontColor, bold, sheetId, ranges } = this.#draft;
    if (type === null) throw scriptException(this.#state.realm, 'A conditional format rule needs a condition.');
    if (sheetId === null || ranges.length === 0) throw scriptException(this.#state.realm, 'A conditional format rule needs at least one range.');
    if (background === null && fontColor === null && bold === null) throw scriptException(this.#state.realm, 'A conditional format rule needs a format.');
    return new FakeConditionalFormatRule(this.#state, sheetId, { type, values, background, fontColor, bold, ranges: ranges.map((r) => ({ ...r })) });
  }
}
