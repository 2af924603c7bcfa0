import { describe, expect, it } from 'vitest';
import type { MappingProblem } from '../../../shared/mapping/mapping-problem.ts';
import { mappingProblemText } from '../../../server/push-sync/mapping-problem-text.ts';

describe('mappingProblemText', () => {
  it.each<[MappingProblem, string]>([
    [{ code: 'mapping.sheetMissing', kind: 'visits', sheet: '訪問' }, 'mapping.tabs.visits.sheet: no tab named "訪問" among the tabs sent'],
    [{ code: 'mapping.noHeaderRow', kind: 'deals', sheet: '台帳' }, 'mapping.tabs.deals.headerRow: no header row found on sheet "台帳"'],
    [{ code: 'mapping.columnMissing', kind: 'deals', sheet: '台帳', field: 'title', column: '件名' }, 'mapping.tabs.deals.columns.title: sheet "台帳" has no column headed "件名" in its header row'],
    [{ code: 'mapping.requiredMissing', kind: 'requests', sheet: '申請', fields: 'type, background' }, 'mapping.tabs.requests: sheet "申請" lacks what a requests tab needs (type, background)'],
  ])('names the tab and field by their path in the body when the problem is %j', (problem, text) => {
    expect(mappingProblemText(problem)).toBe(text);
  });

  it('lists the fields of the tab\'s kind when a field is unknown', () => {
    const text = mappingProblemText({ code: 'mapping.unknownField', kind: 'visits', sheet: '訪問', field: 'amount' });
    expect(text).toMatch(/^mapping\.tabs\.visits\.columns\.amount: not a field of visits \(expected one of visitedOn, account, dealTitle, /);
  });
});
