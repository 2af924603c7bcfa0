import { describe, expect, it } from 'vitest';
import { mappedTabs } from '../../../server/spreadsheets/mapped-tabs.ts';

describe('mappedTabs', () => {
  it('lists the deals, visits and requests tabs in that order, each once, when the mapping names them', () => {
    const mapping = { tabs: { requests: { sheet: '申請' }, visits: { sheet: '案件' }, deals: { sheet: '案件', headerRow: 2 }, leads: { sheet: 'リード' } } };
    expect(mappedTabs(mapping)).toEqual(['案件', '申請']);
  });

  it.each([null, 'x', { tabs: null }, { tabs: { deals: { sheet: '' } } }])('is empty when no tab is named (%j)', (mapping) => {
    expect(mappedTabs(mapping)).toEqual([]);
  });
});
