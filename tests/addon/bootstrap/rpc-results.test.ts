import { describe, expect, it } from 'vitest';
import { errorMessage, serviceFieldErrors, withServiceFields } from '../../../addon/src/bootstrap/rpc-results.ts';

describe('serviceFieldErrors', () => {
  it('maps each problem the service names onto its form field, keeping the sub-path in the message', () => {
    expect(serviceFieldErrors('body.background: 背景が短すぎます(8文字、20文字以上); body.cost.hours[0].role: unknown role "法務部"; body.cost.discount: a number')).toEqual({
      background: '背景が短すぎます(8文字、20文字以上)',
      cost: 'hours[0].role: unknown role "法務部"; discount: a number',
    });
  });

  it('finds no fields in a message that names none', () => {
    expect(serviceFieldErrors('this spreadsheet has not been synced yet')).toEqual({});
  });
});

describe('withServiceFields', () => {
  it('attaches fields to an invalid refusal only', () => {
    expect(withServiceFields({ code: 'invalid', message: 'body.visitedOn: 2026-12-01 is in the future' })).toEqual({
      code: 'invalid',
      message: 'body.visitedOn: 2026-12-01 is in the future',
      fields: { visitedOn: '2026-12-01 is in the future' },
    });
    expect(withServiceFields({ code: 'forbidden', message: 'body.x: y' })).toEqual({ code: 'forbidden', message: 'body.x: y' });
  });
});

describe('errorMessage', () => {
  it('reads a message from any error-like value', () => {
    expect(errorMessage(new Error('boom'))).toBe('boom');
    expect(errorMessage({ message: 'from another realm' })).toBe('from another realm');
    expect(errorMessage('plain')).toBe('plain');
  });
});
