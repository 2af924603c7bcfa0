import { describe, expect, it } from 'vitest';
import { mappingFileProblems } from '../../../shared/mapping/mapping-file.ts';

describe('mappingFileProblems', () => {
  it('accepts a full mapping file', () => {
    expect(
      mappingFileProblems({
        tabs: { deals: { sheet: '台帳', headerRow: 3, columns: { account: '会社', title: 'B' } }, visits: { sheet: '訪問' } },
        stageLabels: { 保留: 'nurturing' },
        settings: { dayCounting: 'business' },
      }),
    ).toEqual([]);
  });

  it.each([
    ['an array', [], 'the file must hold a JSON object'],
    ['an unknown key', { tab: {} }, 'tab: unknown key'],
    ['an unknown tab kind', { tabs: { orders: { sheet: 'x' } } }, 'tabs.orders: unknown tab kind'],
    ['a tab without its sheet', { tabs: { deals: {} } }, 'tabs.deals.sheet: must be'],
    ['a column given as a number', { tabs: { deals: { sheet: '案件', columns: { title: 5 } } } }, 'tabs.deals.columns.title: must be'],
    ['a header row of zero', { tabs: { deals: { sheet: '案件', headerRow: 0 } } }, 'tabs.deals.headerRow: must be'],
    ['stage labels as a list', { stageLabels: ['保留'] }, 'stageLabels: must be'],
    ['settings as text', { settings: 'business' }, 'settings: must be an object'],
  ])('reports %s', (_label, value, problem) => {
    expect(mappingFileProblems(value).join('\n')).toContain(problem);
  });
});
