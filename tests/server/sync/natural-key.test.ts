import { describe, expect, it } from 'vitest';
import { dealKey, requestKey, visitKey } from '../../../server/sync/natural-key.ts';

describe('dealKey', () => {
  it.each<[string, [string | null, string | null], [string | null, string | null]]>([
    ['full-width letters', ['株式会社Ａ', '更新'], ['株式会社A', '更新']],
    ['full-width digits', ['Ａ社', '２０２４年度更新'], ['A社', '2024年度更新']],
    ['half-width katakana', ['ｻﾝﾌﾟﾙ商事', 'ｸﾗｳﾄﾞ導入'], ['サンプル商事', 'クラウド導入']],
    ['spaces around and inside', ['  株式会社 A ', ' 更新\t案件 '], ['株式会社A', '更新案件']],
    ['full-width spaces', ['株式会社　A', '更新'], ['株式会社A', '更新']],
    ['case', ['ACME Corp', 'Renewal'], ['acme corp', 'renewal']],
  ])('is the same when only %s differ', (_, [a1, t1], [a2, t2]) => {
    expect(dealKey(a1, t1)).toBe(dealKey(a2, t2));
  });

  it('is empty when both account and title are missing', () => {
    expect(dealKey(null, null)).toBe('');
  });

  it.each<[string, [string | null, string | null], [string | null, string | null]]>([
    ['titles', ['A社', '更新'], ['A社', '新規']],
    ['accounts', ['A社', '更新'], ['B社', '更新']],
    ['the split between account and title', ['A社更', '新'], ['A社', '更新']],
    ['a missing account and a missing title', [null, 'A社'], ['A社', null]],
  ])('differs when the %s differ', (_, [a1, t1], [a2, t2]) => {
    expect(dealKey(a1, t1)).not.toBe(dealKey(a2, t2));
  });

  it('is not empty when only one of account and title is present', () => {
    expect(dealKey('A社', null)).not.toBe('');
    expect(dealKey(null, '更新')).not.toBe('');
  });
});

describe('visitKey', () => {
  it('is the same when width, spacing and case differ', () => {
    expect(visitKey('2024-04-01', '株式会社Ａ', ' Cloud 導入 ', 'Sato')).toBe(visitKey('2024-04-01', '株式会社A', 'cloud導入', 'SATO'));
  });

  it.each<[string, Parameters<typeof visitKey>]>([
    ['the day', ['2024-04-02', 'A社', '更新', '佐藤']],
    ['the account', ['2024-04-01', 'B社', '更新', '佐藤']],
    ['the deal title', ['2024-04-01', 'A社', '新規', '佐藤']],
    ['the owner', ['2024-04-01', 'A社', '更新', '鈴木']],
  ])('differs when %s differs', (_, args) => {
    expect(visitKey(...args)).not.toBe(visitKey('2024-04-01', 'A社', '更新', '佐藤'));
  });
});

describe('requestKey', () => {
  it('is the same when width, spacing and case of account and requester differ', () => {
    expect(requestKey('2024-04-01', '株式会社Ａ', 'quote', ' Sato ')).toBe(requestKey('2024-04-01', '株式会社 A', 'quote', 'sato'));
  });

  it.each<[string, Parameters<typeof requestKey>]>([
    ['the day', ['2024-04-02', 'A社', 'quote', '佐藤']],
    ['the account', ['2024-04-01', 'B社', 'quote', '佐藤']],
    ['the type', ['2024-04-01', 'A社', 'contract', '佐藤']],
    ['the requester', ['2024-04-01', 'A社', 'quote', '鈴木']],
  ])('differs when %s differs', (_, args) => {
    expect(requestKey(...args)).not.toBe(requestKey('2024-04-01', 'A社', 'quote', '佐藤'));
  });
});
