import { describe, expect, it } from 'vitest';
import { storedMapping, storedSettings } from '../../../server/spreadsheets/stored-setup.ts';

describe('storedMapping', () => {
  it('keeps each known tab\'s sheet, header row and text columns when the stored value is a mapping', () => {
    const stored = {
      tabs: {
        deals: { sheet: '案件一覧', headerRow: 3, columns: { title: '案件名', account: '顧客名', odd: 4 } },
        visits: { sheet: '訪問記録', columns: { visitedOn: '訪問日' } },
        leads: { sheet: 'リード' },
        requests: { headerRow: 2 },
      },
    };
    expect(storedMapping(stored)).toEqual({
      tabs: {
        deals: { sheet: '案件一覧', headerRow: 3, columns: { title: '案件名', account: '顧客名' } },
        visits: { sheet: '訪問記録', columns: { visitedOn: '訪問日' } },
      },
    });
  });

  it.each([null, 'tabs', [], {}, { tabs: [] }])('is null when nothing usable is stored (%j)', (value) => {
    expect(storedMapping(value)).toBeNull();
  });
});

describe('storedSettings', () => {
  it('returns stored overrides as they are and null for anything but an object', () => {
    expect(storedSettings({ ballFollowUpDays: 5, stageLabels: { 保留: 'nurturing' } })).toEqual({ ballFollowUpDays: 5, stageLabels: { 保留: 'nurturing' } });
    expect(storedSettings(null)).toBeNull();
    expect(storedSettings([1])).toBeNull();
  });
});
