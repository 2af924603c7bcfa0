import { describe, expect, it } from 'vitest';
import { detectedSheetNames, mappedSheetNames } from '../../../addon/src/sync/push-body.ts';

describe('mappedSheetNames', () => {
  it('lists each mapped sheet once in deals, visits, requests order', () => {
    expect(mappedSheetNames({ tabs: { requests: { sheet: '申請' }, deals: { sheet: '台帳' }, visits: { sheet: '台帳' } } })).toEqual(['台帳', '申請']);
    expect(mappedSheetNames({})).toEqual([]);
  });
});

describe('detectedSheetNames', () => {
  it('finds the deals and visits tabs by their headers, under a title row', () => {
    const grids = [
      { name: 'メモ', rows: [['今週の予定'], ['月曜 定例']] },
      { name: '案件一覧', rows: [['2026年度 営業案件'], ['案件名', '顧客名', 'ステージ', '担当', '金額'], ['基幹更新', '株式会社サンプル', '見積提出', '佐藤', 1200000]] },
      { name: '訪問記録', rows: [['訪問日', '顧客名', '案件名', '面談者', '内容'], [46340, '株式会社サンプル', '基幹更新', '山田部長', '見積説明']] },
    ];
    expect(detectedSheetNames(grids)).toEqual(['案件一覧', '訪問記録']);
  });

  it('finds nothing when no tab holds deals', () => {
    expect(detectedSheetNames([{ name: 'Sheet1', rows: [['a', 'b']] }])).toBeNull();
  });
});
