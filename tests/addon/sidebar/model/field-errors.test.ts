import { describe, expect, it } from 'vitest';
import { formFieldName, normalizeFieldErrors } from '../../../../addon/sidebar/model/field-errors.ts';

describe('formFieldName', () => {
  it.each([
    ['body.background', 'background'],
    ['body.cost.hours[0].hours', 'hours[0].hours'],
    ['cost.recurring.months', 'recurring.months'],
    ['visitedOn', 'visitedOn'],
  ])('names %s as the form control %s', (given, expected) => {
    expect(formFieldName(given)).toBe(expected);
  });
});

describe('normalizeFieldErrors', () => {
  it('joins two messages when two service names land on one control', () => {
    expect(normalizeFieldErrors({ 'body.background': 'a', background: 'b', discount: 'c' })).toEqual({ background: 'a / b', discount: 'c' });
  });

  it('is empty when the error has no fields', () => {
    expect(normalizeFieldErrors(undefined)).toEqual({});
  });
});
