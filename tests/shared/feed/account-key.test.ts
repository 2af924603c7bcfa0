import { describe, expect, it } from 'vitest';
import { accountKey, accountName, matchKey } from '../../../shared/feed/account-key.ts';

describe('accountName', () => {
  it.each([
    ['  株式会社　サンプル  ', '株式会社 サンプル'],
    ['ＡＢＣ商事', 'ABC商事'],
    ['ｻﾝﾌﾟﾙ', 'サンプル'],
    ['   ', null],
    [null, null],
  ])('shows %j as %j', (name, expected) => {
    expect(accountName(name)).toBe(expected);
  });
});

describe('matchKey', () => {
  it.each([
    ['株式会社 サンプル', '株式会社サンプル'],
    ['ＡＢＣ Trading', 'abctrading'],
    ['佐藤　一郎', '佐藤一郎'],
    ['　', null],
  ])('folds %j to %j', (name, expected) => {
    expect(matchKey(name)).toBe(expected);
  });

  it('is the account key', () => {
    expect(accountKey('北海 電機')).toBe(matchKey('北海電機'));
  });
});
