import { describe, expect, it } from 'vitest';
import { closestNames, nameSimilarity } from '../../../server/visits/closest-names.ts';

describe('nameSimilarity', () => {
  it.each([
    ['株式会社サンプル', 'サンプル', 1],
    ['サンプル商事', '株式会社サンプル', 0.9],
    ['(株)サンプル', '株式会社サンプル', 1],
    ['ＡＢＣ商事', 'abc商事', 1],
    ['東邦物流', '西東物流', 1 / 3],
    ['東邦物流', 'Zeta', 0],
  ])('%s vs %s → %s', (a, b, expected) => {
    expect(nameSimilarity(a, b)).toBeCloseTo(expected, 5);
  });
});

describe('closestNames', () => {
  it('returns the closest first, at most the limit, and none that are far', () => {
    expect(closestNames('東邦物流株式会社', ['東邦物流サービス', '東邦電機', '北海電機', '東邦物流', '東邦物流'], 2)).toEqual(['東邦物流', '東邦物流サービス']);
    expect(closestNames('Zeta', ['東邦物流'])).toEqual([]);
  });
});
