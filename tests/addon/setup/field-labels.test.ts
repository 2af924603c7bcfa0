import { describe, expect, it } from 'vitest';
import { alwaysRequired, fieldLabel, newTabHeaders } from '../../../addon/src/setup/field-labels.ts';

describe('newTabHeaders', () => {
  it('gives every field its first Japanese synonym, in field order, when set-up creates a tab', () => {
    expect(newTabHeaders('visits')).toEqual(['訪問日', '顧客名', '案件名', '担当者', '面談者', '同行者', '商談内容', 'お客様の要望', '次回アクション', '次回予定日', 'ボール']);
    expect(newTabHeaders('requests')).toEqual(['申請日', '申請種別', '顧客名', '案件名', '申請者', '背景', '依頼内容', '代替案', '概算コスト', 'ステータス']);
  });
});

describe('fieldLabel', () => {
  it.each([
    ['deals', 'nextActionOn', 'ja', '次回アクション日'],
    ['deals', 'nextActionOn', 'en', 'Next action date'],
    ['visits', 'customerAsked', 'en', 'Customer asked'],
    ['requests', 'background', 'ja', '背景'],
  ] as const)('names %s.%s in %s as %s', (kind, field, locale, label) => {
    expect(fieldLabel(kind, field, locale)).toBe(label);
  });
});

describe('alwaysRequired', () => {
  it('marks only the fields every acceptable set needs', () => {
    expect([...alwaysRequired('deals')]).toEqual(['stage']);
    expect([...alwaysRequired('visits')]).toEqual(['visitedOn']);
    expect([...alwaysRequired('requests')]).toEqual([]);
  });
});
