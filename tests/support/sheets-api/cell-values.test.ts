// Typed input (USER_ENTERED) and rendering, without a server.

import { describe, expect, it } from 'vitest';
import { parseTyped, renderComputed } from './cell-values.ts';
import { formatNumber } from './number-format.ts';

describe('parseTyped', () => {
  it.each([
    ['123', { kind: 'value', value: 123 }],
    ['-1.5e3', { kind: 'value', value: -1500 }],
    ['1,234.50', { kind: 'value', value: 1234.5, numberFormat: { type: 'NUMBER', pattern: '#,##0.00' } }],
    ['15%', { kind: 'value', value: 0.15, numberFormat: { type: 'PERCENT', pattern: '0%' } }],
    ['2026-11-20', { kind: 'value', value: 46346, numberFormat: { type: 'DATE', pattern: 'yyyy-mm-dd' } }],
    ['2026/11/20 12:00', { kind: 'value', value: 46346.5, numberFormat: { type: 'DATE_TIME', pattern: 'yyyy/mm/dd h:mm:ss' } }],
    ['TRUE', { kind: 'value', value: true }],
    ["'=1", { kind: 'value', value: '=1' }],
    ['=1+1', { kind: 'formula', formula: '=1+1' }],
    ['2026/02/30', { kind: 'value', value: '2026/02/30' }],
    ['090-1234-5678', { kind: 'value', value: '090-1234-5678' }],
    ['', { kind: 'clear' }],
  ])('stores %j as typed when USER_ENTERED parses it', (text, expected) => {
    expect(parseTyped(text, 'ja_JP')).toEqual(expected);
  });

  it('reads month-first dates only when the locale is en_US', () => {
    expect(parseTyped('11/20/2026', 'en_US')).toMatchObject({ value: 46346 });
    expect(parseTyped('11/20/2026', 'ja_JP')).toEqual({ kind: 'value', value: '11/20/2026' });
  });
});

describe('rendering', () => {
  it('formats numbers with their pattern when rendered as FORMATTED_VALUE', () => {
    expect(formatNumber(1234567.891, { type: 'NUMBER', pattern: '#,##0.00' })).toBe('1,234,567.89');
    expect(formatNumber(0.125, { type: 'PERCENT', pattern: '0.0%' })).toBe('12.5%');
    expect(formatNumber(1500000, { type: 'CURRENCY', pattern: '"¥"#,##0' })).toBe('¥1,500,000');
    expect(formatNumber(46346.75, { type: 'DATE_TIME', pattern: 'yyyy/mm/dd hh:mm' })).toBe('2026/11/20 18:00');
    expect(formatNumber(1 / 3, undefined)).toBe('0.3333333333');
  });

  it('returns the serial or the text of a date when dateTimeRenderOption says so', () => {
    const format = { numberFormat: { type: 'DATE', pattern: 'yyyy-mm-dd' } };
    expect(renderComputed(46346, format, undefined, { value: 'UNFORMATTED_VALUE', dateTime: 'SERIAL_NUMBER' })).toBe(46346);
    expect(renderComputed(46346, format, undefined, { value: 'UNFORMATTED_VALUE', dateTime: 'FORMATTED_STRING' })).toBe('2026-11-20');
    expect(renderComputed(true, undefined, undefined, { value: 'FORMATTED_VALUE', dateTime: 'SERIAL_NUMBER' })).toBe('TRUE');
  });
});
