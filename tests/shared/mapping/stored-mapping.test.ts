import { describe, expect, it } from 'vitest';
import { parseStoredMapping } from '../../../shared/mapping/stored-mapping.ts';

describe('parseStoredMapping', () => {
  it("keeps each known tab's sheet, header row and text columns when the stored value is a mapping", () => {
    const stored = {
      tabs: {
        deals: { sheet: '案件一覧', headerRow: 3, columns: { title: '案件名', account: '顧客名', odd: 4 } },
        visits: { sheet: '訪問記録', columns: { visitedOn: '訪問日' } },
        leads: { sheet: 'リード' },
        requests: { headerRow: 2 },
      },
      stageLabels: { 保留: 'nurturing' },
    };
    expect(parseStoredMapping(stored)).toEqual({
      tabs: {
        deals: { sheet: '案件一覧', headerRow: 3, columns: { title: '案件名', account: '顧客名' } },
        visits: { sheet: '訪問記録', columns: { visitedOn: '訪問日' } },
      },
    });
  });

  it.each([0, -1, 2.5, '3', null])('leaves the header row to detection when it is stored as %j', (headerRow) => {
    expect(parseStoredMapping({ tabs: { deals: { sheet: '案件', headerRow } } })).toEqual({ tabs: { deals: { sheet: '案件', columns: {} } } });
  });

  it('drops a tab whose sheet name is empty or not text', () => {
    expect(parseStoredMapping({ tabs: { deals: { sheet: '' }, visits: { sheet: 7 }, requests: { sheet: '申請' } } })).toEqual({ tabs: { requests: { sheet: '申請', columns: {} } } });
  });

  it.each([null, 'tabs', [], {}, { tabs: [] }, { tabs: 'deals' }])('is null when nothing usable is stored (%j)', (value) => {
    expect(parseStoredMapping(value)).toBeNull();
  });
});
