import { describe, expect, it } from 'vitest';
import { parseNumberText, wholeNumberIn, type NumberText } from '../../../../addon/sidebar/model/number-text.ts';

describe('parseNumberText', () => {
  it.each<[string, NumberText]>([
    ['1000', { kind: 'number', value: 1000 }],
    ['1,000', { kind: 'number', value: 1000 }],
    ['１，２００', { kind: 'number', value: 1200 }],
    ['¥12,000', { kind: 'number', value: 12000 }],
    ['￥12,000', { kind: 'number', value: 12000 }],
    ['12,000円', { kind: 'number', value: 12000 }],
    [' 2.5 ', { kind: 'number', value: 2.5 }],
    ['.5', { kind: 'number', value: 0.5 }],
    ['-3', { kind: 'number', value: -3 }],
    ['', { kind: 'blank' }],
    ['　', { kind: 'blank' }],
    ['abc', { kind: 'invalid' }],
    ['1e3', { kind: 'invalid' }],
    ['1.2.3', { kind: 'invalid' }],
    ['10時間', { kind: 'invalid' }],
  ])('reads %j as %j', (text, expected) => {
    expect(parseNumberText(text)).toEqual(expected);
  });
});

describe('wholeNumberIn', () => {
  it.each<[string, number | null]>([
    ['14', 14],
    ['１４', 14],
    ['0', null],
    ['3651', null],
    ['1.5', null],
    ['', null],
    ['x', null],
  ])('reads %j within 1..3650 as %j', (text, expected) => {
    expect(wholeNumberIn(text, 1, 3650)).toBe(expected);
  });
});
